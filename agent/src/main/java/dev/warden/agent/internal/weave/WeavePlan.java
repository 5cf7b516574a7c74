package dev.warden.agent.internal.weave;

import dev.warden.agent.internal.AgentLog;
import dev.warden.agent.internal.SpiRegistry;
import dev.warden.agent.internal.config.PointcutConfig;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.security.ProtectionDomain;
import java.util.List;
import java.util.Map;
import java.util.Set;
import net.bytebuddy.agent.builder.AgentBuilder;
import net.bytebuddy.asm.Advice;
import net.bytebuddy.description.annotation.AnnotationDescription;
import net.bytebuddy.description.method.MethodDescription;
import net.bytebuddy.description.method.ParameterDescription;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.dynamic.ClassFileLocator;
import net.bytebuddy.dynamic.DynamicType;
import net.bytebuddy.matcher.ElementMatchers;
import net.bytebuddy.utility.JavaModule;

/**
 * What the agent weaves, and how: {@code @Authorize} methods (and the public methods of {@code @Authorize} types),
 * pointcut methods, servlet and {@code HttpServer} dispatch (the request being served, and a 403 for a denial), and
 * executors (so the context follows tasks). Three views of the same rules: on class-file bytes (to dismiss classes before
 * anything parses them), on loaded classes (to pick what to retransform at attach), and on Byte Buddy's type
 * descriptions (to weave).
 */
public final class WeavePlan implements AgentBuilder.RawMatcher, AgentBuilder.Transformer {

    static final String AUTHORIZE = "dev.warden.spi.Authorize";
    private static final byte[] AUTHORIZE_DESCRIPTOR = ClassBytes.utf8("Ldev/warden/spi/Authorize;");
    private static final byte[] EXCHANGE_HANDLER = ClassBytes.utf8("(Lcom/sun/net/httpserver/HttpExchange;)V");
    private static final byte[] RUNNABLE_FIRST = ClassBytes.utf8("(Ljava/lang/Runnable;");
    private static final byte[] CALLABLE_FIRST = ClassBytes.utf8("(Ljava/util/concurrent/Callable;");
    private static final Set<String> SERVLETS = Set.of("jakarta.servlet.http.HttpServlet",
            "javax.servlet.http.HttpServlet");
    private static final Set<String> OBJECT_METHODS = Set.of("equals", "hashCode", "toString", "finalize", "clone");
    private static final Set<String> EXECUTOR_METHODS = Set.of("execute", "submit", "schedule",
            "scheduleAtFixedRate", "scheduleWithFixedDelay");

    private final List<PointcutConfig> pointcuts;
    private final boolean propagate;
    private final CheckpointFactory checkpoints;
    private final SpiRegistry spis;
    private final ClassFileLocator adviceLocator;

    /**
     * Servlet and {@code HttpServer} dispatch are always woven: the {@code servlet} and {@code http-server} principal
     * sources read the request from it, and a denial escaping a request is answered 403 whatever the source.
     *
     * @param propagate weave executors so the context follows tasks
     */
    public WeavePlan(List<PointcutConfig> pointcuts, boolean propagate, CheckpointFactory checkpoints,
                     SpiRegistry spis) {
        this.pointcuts = List.copyOf(pointcuts);
        this.propagate = propagate;
        this.checkpoints = checkpoints;
        this.spis = spis;
        this.adviceLocator = ClassFileLocator.ForClassLoader.of(WeavePlan.class.getClassLoader());
    }

    /** From the class file alone: whether the class may need weaving (a cheap, conservative test). */
    boolean mayWeave(String internalName, byte[] bytes) {
        String name = internalName.replace('/', '.');
        if (ClassBytes.contains(bytes, AUTHORIZE_DESCRIPTOR) || pointcutFor(name) || SERVLETS.contains(name)) {
            return true;
        }
        if (ClassBytes.contains(bytes, EXCHANGE_HANDLER)) {
            return true;
        }
        return propagate && (ClassBytes.contains(bytes, RUNNABLE_FIRST) || ClassBytes.contains(bytes, CALLABLE_FIRST));
    }

    /** For a class already loaded: whether it may need weaving (read by reflection, without loading others). */
    boolean mayWeave(Class<?> type) {
        String name = type.getName();
        if (type.isInterface() || type.isArray() || type.isPrimitive() || name.startsWith("dev.warden.agent.bootstrap.")) {
            return false;
        }
        if (pointcutFor(name) || SERVLETS.contains(name)) {
            return true;
        }
        try {
            if (propagate && java.util.concurrent.Executor.class.isAssignableFrom(type)) {
                for (Method m : type.getDeclaredMethods()) {
                    if (EXECUTOR_METHODS.contains(m.getName()) && m.getParameterCount() > 0) {
                        return true;
                    }
                }
            }
            if (dev.warden.agent.internal.principal.PublicType.find(type,
                    "com.sun.net.httpserver.HttpHandler") != null) {
                return true;
            }
            if (type.getClassLoader() == null) {
                return false; // the JDK has no @Authorize
            }
            if (annotatedByName(type.getDeclaredAnnotations())) {
                return true;
            }
            for (Method m : type.getDeclaredMethods()) {
                if (annotatedByName(m.getDeclaredAnnotations())) {
                    return true;
                }
            }
        } catch (LinkageError | RuntimeException unreadable) {
            return false; // a class whose members cannot be resolved cannot be called either
        }
        return false;
    }

    private static boolean annotatedByName(java.lang.annotation.Annotation[] annotations) {
        for (java.lang.annotation.Annotation a : annotations) {
            if (a.annotationType().getName().equals(AUTHORIZE)) {
                return true;
            }
        }
        return false;
    }

    private boolean pointcutFor(String name) {
        for (PointcutConfig p : pointcuts) {
            if (p.matchesClass(name)) {
                return true;
            }
        }
        return false;
    }

    @Override
    public boolean matches(TypeDescription type, ClassLoader loader, JavaModule module, Class<?> redefined,
                           ProtectionDomain domain) {
        if (type.isInterface() || type.isAnnotation()) {
            return false;
        }
        return authorized(type) || pointcutFor(type.getName()) || SERVLETS.contains(type.getName())
                || isHandler(type) || propagate && isExecutor(type);
    }

    private static boolean authorized(TypeDescription type) {
        if (annotation(type.getDeclaredAnnotations()) != null) {
            return true;
        }
        for (MethodDescription m : type.getDeclaredMethods()) {
            if (annotation(m.getDeclaredAnnotations()) != null) {
                return true;
            }
        }
        return false;
    }

    private static boolean isHandler(TypeDescription type) {
        return ElementMatchers.hasSuperType(ElementMatchers.named("com.sun.net.httpserver.HttpHandler")).matches(type);
    }

    private static boolean isExecutor(TypeDescription type) {
        return ElementMatchers.hasSuperType(ElementMatchers.named("java.util.concurrent.Executor")).matches(type);
    }

    private static AnnotationDescription annotation(List<? extends AnnotationDescription> annotations) {
        for (AnnotationDescription a : annotations) {
            if (a.getAnnotationType().getName().equals(AUTHORIZE)) {
                return a;
            }
        }
        return null;
    }

    @Override
    public DynamicType.Builder<?> transform(DynamicType.Builder<?> builder, TypeDescription type,
                                            ClassLoader loader, JavaModule module, ProtectionDomain domain) {
        int woven = 0;
        AnnotationDescription onType = annotation(type.getDeclaredAnnotations());
        for (MethodDescription.InDefinedShape method : type.getDeclaredMethods()) {
            if (method.isAbstract() || method.isNative() || method.isConstructor() || method.isTypeInitializer()
                    || method.isBridge() || method.isSynthetic()) {
                continue;
            }
            AnnotationDescription on = annotation(method.getDeclaredAnnotations());
            if (on == null && onType != null && method.isPublic() && !OBJECT_METHODS.contains(method.getName())) {
                on = onType;
            }
            if (on != null) {
                builder = enforce(builder, method, "@Authorize", on.getValue("action").resolve(String.class),
                        on.getValue("resource").resolve(String.class),
                        contextOf(on), loader);
                woven++;
            }
            for (PointcutConfig p : pointcuts) {
                if (p.matchesClass(type.getName()) && p.method().equals(method.getName()) && parametersMatch(p, method)) {
                    builder = enforce(builder, method, p.location(), p.action(), p.resource(), p.context(), loader);
                    woven++;
                }
            }
        }
        if (SERVLETS.contains(type.getName())) {
            builder = builder.visit(Advice.to(ServletAdvice.class, adviceLocator).on(ElementMatchers.named("service")
                    .and(ElementMatchers.takesArguments(2)).and(ElementMatchers.takesArgument(0,
                            ElementMatchers.nameEndsWith(".ServletRequest")))));
        }
        if (isHandler(type)) {
            builder = builder.visit(Advice.to(HttpHandlerAdvice.class, adviceLocator).on(ElementMatchers.named("handle")
                    .and(ElementMatchers.takesArguments(1)).and(ElementMatchers.takesArgument(0,
                            ElementMatchers.named("com.sun.net.httpserver.HttpExchange")))
                    .and(ElementMatchers.not(ElementMatchers.isAbstract()))));
        }
        if (propagate && isExecutor(type)) {
            builder = builder
                    .visit(Advice.to(RunnableAdvice.class, adviceLocator).on(executorMethod(Runnable.class)))
                    .visit(Advice.to(CallableAdvice.class, adviceLocator).on(executorMethod(
                            java.util.concurrent.Callable.class)));
        }
        if (woven > 0) {
            spis.register(loader);
            if (AgentLog.isVerbose()) {
                AgentLog.info("woven " + type.getName() + " (" + woven + " enforced methods)");
            }
        }
        return builder;
    }

    private static net.bytebuddy.matcher.ElementMatcher.Junction<MethodDescription> executorMethod(Class<?> task) {
        return ElementMatchers.<MethodDescription>namedOneOf(EXECUTOR_METHODS.toArray(String[]::new))
                .and(ElementMatchers.takesArgument(0, task))
                .and(ElementMatchers.not(ElementMatchers.isAbstract()));
    }

    private DynamicType.Builder<?> enforce(DynamicType.Builder<?> builder, MethodDescription.InDefinedShape method,
                                           String origin, String action, String resource,
                                           Map<String, String> context, ClassLoader loader) {
        int id = checkpoints.create(method, origin, action, resource, context, loader);
        return builder.visit(Advice.withCustomMapping().bind(CheckpointId.class, id)
                .to(EnforceAdvice.class, adviceLocator).on(ElementMatchers.is(method)));
    }

    private static Map<String, String> contextOf(AnnotationDescription authorize) {
        String[] entries;
        try {
            entries = authorize.getValue("context").resolve(String[].class);
        } catch (RuntimeException olderSpi) {
            return Map.of(); // compiled against an spi without context keys
        }
        Map<String, String> context = new java.util.LinkedHashMap<>();
        for (String entry : entries) {
            int eq = entry.indexOf('=');
            if (eq <= 0) {
                // a key the factory refuses: the method then denies, and the log says why
                context.put("'" + entry + "' (context entries are name=template)", "");
            } else {
                context.put(entry.substring(0, eq).trim(), entry.substring(eq + 1).trim());
            }
        }
        return context;
    }

    /** Whether {@code method}'s parameter types are the pointcut's (or the pointcut names none). */
    public static boolean parametersMatch(PointcutConfig pointcut, MethodDescription method) {
        if (pointcut.parameters() == null) {
            return true;
        }
        if (pointcut.parameters().size() != method.getParameters().size()) {
            return false;
        }
        for (int i = 0; i < pointcut.parameters().size(); i++) {
            ParameterDescription p = method.getParameters().get(i);
            TypeDescription type = p.getType().asErasure();
            String wanted = pointcut.parameters().get(i);
            if (!wanted.equals(type.getName()) && !wanted.equals(type.getActualName())
                    && !wanted.equals(type.getTypeName())) {
                return false;
            }
        }
        return true;
    }

    /** Whether anything at all asks for weaving. */
    boolean weavesExecutors() {
        return propagate;
    }
}
