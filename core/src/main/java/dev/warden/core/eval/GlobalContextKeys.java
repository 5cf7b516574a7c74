package dev.warden.core.eval;

import dev.warden.spi.ContextValue;
import dev.warden.spi.Principal;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The global condition keys AWS puts into every request, as far as they follow from the caller and the clock:
 * {@code aws:CurrentTime}, {@code aws:EpochTime}, {@code aws:PrincipalArn} (a session's role ARN),
 * {@code aws:PrincipalAccount}, {@code aws:PrincipalType} and, for IAM users, {@code aws:username}.
 */
public final class GlobalContextKeys {

    /** The last second formatted: most requests in a busy second share it (ISO formatting costs about a µs). */
    private static volatile Second lastSecond = new Second(0, ContextValue.of("1970-01-01T00:00:00Z"),
            ContextValue.of("0"));

    private record Second(long epochSecond, ContextValue currentTime, ContextValue epochTime) {
    }

    private GlobalContextKeys() {
    }

    private static Second second(Instant now) {
        long epochSecond = now.getEpochSecond();
        Second second = lastSecond;
        if (second.epochSecond() != epochSecond) {
            Instant truncated = Instant.ofEpochSecond(epochSecond);
            second = new Second(epochSecond, ContextValue.of(DateTimeFormatter.ISO_INSTANT.format(truncated)),
                    ContextValue.of(Long.toString(epochSecond)));
            lastSecond = second;
        }
        return second;
    }

    /** The keys for {@code caller} at {@code now}, by their AWS names. */
    public static Map<String, ContextValue> of(Principal caller, Instant now) {
        Map<String, ContextValue> keys = new LinkedHashMap<>();
        putInto(keys, caller, now);
        return keys;
    }

    /** Puts the keys for {@code caller} at {@code now} into {@code keys} (no map of their own on a hot path). */
    public static void putInto(Map<String, ContextValue> keys, Principal caller, Instant now) {
        Second second = second(now);
        keys.put("aws:CurrentTime", second.currentTime());
        keys.put("aws:EpochTime", second.epochTime());
        if (!caller.isAuthenticated() || caller.kind() == Principal.Kind.SERVICE
                || caller.kind() == Principal.Kind.WEB_IDENTITY) {
            return;
        }
        String arn = caller.kind() == Principal.Kind.ASSUMED_ROLE && caller.sessionIssuer() != null
                ? caller.sessionIssuer() : caller.arn();
        keys.put("aws:PrincipalArn", ContextValue.of(arn));
        if (caller.accountId() != null) {
            keys.put("aws:PrincipalAccount", ContextValue.of(caller.accountId()));
        }
        String type = switch (caller.kind()) {
            case ROOT -> "Account";
            case USER -> "User";
            case FEDERATED_USER -> "FederatedUser";
            case ASSUMED_ROLE, ROLE -> "AssumedRole";
            default -> null;
        };
        if (type != null) {
            keys.put("aws:PrincipalType", ContextValue.of(type));
        }
        if (caller.kind() == Principal.Kind.USER) {
            keys.put("aws:username", ContextValue.of(caller.name()));
        }
    }
}
