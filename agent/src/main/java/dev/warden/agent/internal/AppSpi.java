package dev.warden.agent.internal;

import dev.warden.spi.ContextValue;
import dev.warden.spi.Decision;
import dev.warden.spi.Principal;
import dev.warden.spi.StatementRef;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The {@code dev.warden.spi} types one application class loader sees: the application compiled against them, so its
 * {@code RequestContext} is the one that holds its principal, and its {@code AccessDeniedException} the one it can
 * catch. The agent's engine has its own copy of the spi in its own class loader; this class converts between the two
 * through method handles, remembering the last principal and keys it converted (the same objects come back for every
 * check made while serving one request).
 */
final class AppSpi {

    private static final String SPI = "dev.warden.spi.";

    /** A class loader that sees no spi: nothing bound, denials thrown as the configured type or SecurityException. */
    static final AppSpi NONE = new AppSpi();

    private record Converted<A, B>(A from, B to) {
    }

    private final ClassLoader loader;
    private final Class<?> contextType;
    private final MethodHandle current;
    private final MethodHandle principal;
    private final MethodHandle contextKeys;
    private final MethodHandle arn;
    private final MethodHandle kind;
    private final MethodHandle accountId;
    private final MethodHandle sessionIssuer;
    /** {@code Principal.uniqueId}, or {@code null} for an application compiled against an spi without it. */
    private final MethodHandle uniqueId;
    private final MethodHandle values;
    private final MethodHandle multivalued;
    private final MethodHandle bind;
    private final MethodHandle close;
    private final MethodHandle newDenial;
    private final MethodHandle newDecision;
    private final MethodHandle newStatementRef;
    private final Class<? extends Enum> outcomeType;
    private final Class<? extends Enum> policyType;
    private volatile Converted<Object, Principal> lastPrincipal;
    private volatile Converted<Map<?, ?>, Map<String, ContextValue>> lastKeys;

    private AppSpi() {
        loader = null;
        contextType = null;
        current = principal = contextKeys = arn = kind = accountId = sessionIssuer = uniqueId = values = multivalued
                = null;
        bind = close = newDenial = newDecision = newStatementRef = null;
        outcomeType = policyType = null;
    }

    @SuppressWarnings("unchecked")
    private AppSpi(ClassLoader loader) throws ReflectiveOperationException {
        this.loader = loader;
        MethodHandles.Lookup lookup = MethodHandles.publicLookup();
        Class<?> context = type("RequestContext");
        contextType = context;
        Class<?> principalType = type("Principal");
        Class<?> value = type("ContextValue");
        Class<?> scope = type("RequestContext$Scope");
        Class<?> decision = type("Decision");
        outcomeType = (Class<? extends Enum>) type("Outcome");
        policyType = (Class<? extends Enum>) type("PolicyType");
        Class<?> statementRef = type("StatementRef");
        current = lookup.findStatic(context, "current", MethodType.methodType(Optional.class));
        // typed (Object)Object so that calls are invokeExact, which the JIT inlines through a non-constant handle
        principal = lookup.findVirtual(context, "principal", MethodType.methodType(principalType))
                .asType(MethodType.methodType(Object.class, Object.class));
        contextKeys = lookup.findVirtual(context, "contextKeys", MethodType.methodType(Map.class))
                .asType(MethodType.methodType(Map.class, Object.class));
        arn = lookup.findVirtual(principalType, "arn", MethodType.methodType(String.class));
        kind = lookup.findVirtual(principalType, "kind", MethodType.methodType(type("Principal$Kind")));
        accountId = lookup.findVirtual(principalType, "accountId", MethodType.methodType(String.class));
        sessionIssuer = lookup.findVirtual(principalType, "sessionIssuer", MethodType.methodType(String.class));
        uniqueId = optional(lookup, principalType, "uniqueId");
        values = lookup.findVirtual(value, "values", MethodType.methodType(List.class));
        multivalued = lookup.findVirtual(value, "multivalued", MethodType.methodType(boolean.class));
        bind = lookup.findStatic(context, "bind", MethodType.methodType(scope, context));
        close = lookup.findVirtual(scope, "close", MethodType.methodType(void.class));
        newDecision = lookup.findConstructor(decision, MethodType.methodType(void.class, outcomeType, List.class,
                String.class));
        newDenial = lookup.findConstructor(type("AccessDeniedException"), MethodType.methodType(void.class,
                decision));
        newStatementRef = lookup.findConstructor(statementRef, MethodType.methodType(void.class, policyType,
                String.class, int.class, String.class, boolean.class));
    }

    /** A {@code String} accessor that older versions of the spi lack, or {@code null}. */
    private static MethodHandle optional(MethodHandles.Lookup lookup, Class<?> type, String name)
            throws IllegalAccessException {
        try {
            return lookup.findVirtual(type, name, MethodType.methodType(String.class));
        } catch (NoSuchMethodException e) {
            return null;
        }
    }

    /** The spi {@code loader} sees, or {@link #NONE}. */
    static AppSpi of(ClassLoader loader) {
        try {
            return new AppSpi(loader);
        } catch (ReflectiveOperationException | LinkageError | ClassCastException e) {
            return NONE;
        }
    }

    private Class<?> type(String name) throws ClassNotFoundException {
        return Class.forName(SPI + name, false, loader);
    }

    boolean present() {
        return this != NONE;
    }

    /** Whether {@code other} reads the same {@code RequestContext} (two loaders delegating to one spi). */
    boolean sameTypesAs(AppSpi other) {
        return contextType == other.contextType;
    }

    /** The application's {@code RequestContext} bound to this thread, or {@code null}. */
    Object currentContext() throws Throwable {
        if (current == null) {
            return null;
        }
        return ((Optional<?>) current.invokeExact()).orElse(null);
    }

    /** The principal of the application's {@code context}, as the engine's type. */
    Principal principalOf(Object context) throws Throwable {
        Object appPrincipal = (Object) principal.invokeExact(context);
        Converted<Object, Principal> last = lastPrincipal;
        if (last != null && last.from == appPrincipal) {
            return last.to;
        }
        Principal converted = new Principal((String) arn.invoke(appPrincipal),
                Principal.Kind.valueOf(((Enum<?>) kind.invoke(appPrincipal)).name()),
                (String) accountId.invoke(appPrincipal), (String) sessionIssuer.invoke(appPrincipal),
                uniqueId == null ? null : (String) uniqueId.invoke(appPrincipal));
        lastPrincipal = new Converted<>(appPrincipal, converted);
        return converted;
    }

    /** The condition keys of the application's {@code context}, as the engine's types. */
    Map<String, ContextValue> keysOf(Object context) throws Throwable {
        Map<?, ?> appKeys = (Map<?, ?>) contextKeys.invokeExact(context);
        Converted<Map<?, ?>, Map<String, ContextValue>> last = lastKeys;
        if (last != null && last.from == appKeys) {
            return last.to;
        }
        Map<String, ContextValue> converted = new HashMap<>();
        for (Map.Entry<?, ?> e : appKeys.entrySet()) {
            @SuppressWarnings("unchecked")
            Collection<String> list = (Collection<String>) values.invoke(e.getValue());
            boolean set = (boolean) multivalued.invoke(e.getValue());
            converted.put((String) e.getKey(), set ? ContextValue.ofSet(list) : ContextValue.of(list.iterator().next()));
        }
        Map<String, ContextValue> frozen = Map.copyOf(converted);
        lastKeys = new Converted<>(appKeys, frozen);
        return frozen;
    }

    /** Binds the application's {@code context} to this thread; returns its scope. */
    Object bind(Object context) throws Throwable {
        return bind.invoke(context);
    }

    /** Closes a scope {@link #bind} returned. */
    void close(Object scope) throws Throwable {
        close.invoke(scope);
    }

    /** The application's {@code AccessDeniedException} for {@code decision}. */
    RuntimeException denial(Decision decision) throws Throwable {
        List<Object> statements = new ArrayList<>();
        for (StatementRef ref : decision.decidingStatements()) {
            statements.add(newStatementRef.invoke(enumOf(policyType, ref.policyType().name()), ref.policyName(),
                    ref.index(), ref.sid(), ref.deny()));
        }
        Object appDecision = newDecision.invoke(enumOf(outcomeType, decision.outcome().name()), statements,
                decision.reason());
        return (RuntimeException) newDenial.invoke(appDecision);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Object enumOf(Class<? extends Enum> type, String name) {
        return Enum.valueOf((Class) type, name);
    }
}
