package dev.warden.spi;

import java.util.AbstractMap;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * One authorization question: may {@code principal} perform {@code action} on {@code resource}, given these
 * request context keys?
 *
 * <p>Context key names are case-insensitive, as in AWS; they are stored in lower case.
 *
 * @param principal who asks
 * @param action the IAM action, {@code service:Action} (matched case-insensitively)
 * @param resource the resource ARN, or {@code "*"} for actions that take no resource
 * @param resourceAccount the account that owns the resource: by default the ARN's account field, or, where the
 *     ARN has none (S3 buckets, {@code "*"}), the principal's account
 * @param context the request context keys by lower-case name
 */
public record AuthorizationRequest(
        Principal principal, String action, String resource, String resourceAccount, Map<String, ContextValue> context) {

    public AuthorizationRequest {
        Objects.requireNonNull(principal, "principal");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(resource, "resource");
        int colon = action.indexOf(':');
        if (colon <= 0 || colon == action.length() - 1 || action.indexOf(':', colon + 1) >= 0) {
            throw new IllegalArgumentException("action must be 'service:Action': '" + action + "'");
        }
        if (resource.isEmpty()) {
            throw new IllegalArgumentException("resource must be an ARN or '*'");
        }
        if (resourceAccount == null || resourceAccount.isEmpty()) {
            resourceAccount = accountOf(resource);
            if (resourceAccount == null) {
                resourceAccount = principal.accountId();
            }
        }
        context = lowerCaseKeys(context);
    }

    /** Starts a request; add context keys and build. */
    public static Builder builder(Principal principal, String action, String resource) {
        return new Builder(principal, action, resource);
    }

    /** The value of context key {@code name} (any case), or {@code null} when the request does not carry it. */
    public ContextValue contextValue(String name) {
        return context.get(name.toLowerCase(Locale.ROOT));
    }

    private static String accountOf(String arn) {
        if (!arn.startsWith("arn:")) {
            return null;
        }
        // arn:PARTITION:SERVICE:REGION:ACCOUNT:RESOURCE, read without splitting (requests are made per call)
        int colon = 3;
        for (int i = 0; i < 3; i++) {
            colon = arn.indexOf(':', colon + 1);
            if (colon < 0) {
                return null;
            }
        }
        int end = arn.indexOf(':', colon + 1);
        return end > colon + 1 ? arn.substring(colon + 1, end) : null;
    }

    /**
     * {@code context} as requests keep their keys (lower case, immutable), for many requests: a request made with the
     * returned map takes it as it is, without copying it again. For callers that make many requests with the same
     * keys (a method check made on every call, with the request's keys).
     *
     * @throws IllegalArgumentException if two keys differ only in case
     */
    public static Map<String, ContextValue> normalizedContext(Map<String, ContextValue> context) {
        if (context instanceof NormalizedContext) {
            return context;
        }
        return new NormalizedContext(lowerCaseKeys(context));
    }

    /** A context whose keys are lower case already: {@link #normalizedContext}. */
    private static final class NormalizedContext extends AbstractMap<String, ContextValue> {
        private final Map<String, ContextValue> keys;

        NormalizedContext(Map<String, ContextValue> keys) {
            this.keys = keys;
        }

        @Override
        public ContextValue get(Object key) {
            return keys.get(key);
        }

        @Override
        public boolean containsKey(Object key) {
            return keys.containsKey(key);
        }

        @Override
        public int size() {
            return keys.size();
        }

        @Override
        public Set<Map.Entry<String, ContextValue>> entrySet() {
            return keys.entrySet();
        }
    }

    private static Map<String, ContextValue> lowerCaseKeys(Map<String, ContextValue> context) {
        if (context instanceof NormalizedContext) {
            return context;
        }
        if (context == null || context.isEmpty()) {
            return Map.of();
        }
        // one immutable map built straight from an array: requests are made per HTTP request, so no extra copies
        @SuppressWarnings("unchecked")
        Map.Entry<String, ContextValue>[] entries = new Map.Entry[context.size()];
        int i = 0;
        for (Map.Entry<String, ContextValue> e : context.entrySet()) {
            String key = e.getKey().toLowerCase(Locale.ROOT);
            entries[i++] = Map.entry(key, Objects.requireNonNull(e.getValue(), key));
        }
        try {
            return Map.ofEntries(entries);
        } catch (IllegalArgumentException duplicate) {
            Set<String> seen = new HashSet<>();
            for (Map.Entry<String, ContextValue> entry : entries) {
                if (!seen.add(entry.getKey())) {
                    throw new IllegalArgumentException("context key given twice (keys are case-insensitive): "
                            + entry.getKey());
                }
            }
            throw duplicate;
        }
    }

    /** Builds an {@link AuthorizationRequest} key by key. */
    public static final class Builder {
        private final Principal principal;
        private final String action;
        private final String resource;
        private String resourceAccount;
        private final Map<String, ContextValue> context = new HashMap<>();

        private Builder(Principal principal, String action, String resource) {
            this.principal = principal;
            this.action = action;
            this.resource = resource;
        }

        /** Sets the account that owns the resource (needed for cross-account S3 requests). */
        public Builder resourceAccount(String accountId) {
            this.resourceAccount = accountId;
            return this;
        }

        /** Sets a single-valued context key (replacing any value the key, in any case, had). */
        public Builder context(String key, String value) {
            return context(key, ContextValue.of(value));
        }

        /** Sets a multivalued context key (replacing any value the key, in any case, had). */
        public Builder contextSet(String key, Collection<String> values) {
            return context(key, ContextValue.ofSet(values));
        }

        /** Sets a context key (replacing any value the key, in any case, had). */
        public Builder context(String key, ContextValue value) {
            context.put(key.toLowerCase(Locale.ROOT), Objects.requireNonNull(value, key));
            return this;
        }

        public AuthorizationRequest build() {
            return new AuthorizationRequest(principal, action, resource, resourceAccount, context);
        }
    }
}
