package dev.warden.filter;

import dev.warden.core.auth.Caller;
import dev.warden.spi.ContextValue;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * The condition keys of one HTTP request, as AWS adds them: the caller's ({@code aws:PrincipalArn},
 * {@code aws:userid}, {@code aws:PrincipalTag/*}, {@code aws:MultiFactorAuthPresent}, {@code aws:TokenIssueTime}, ...),
 * the clock's ({@code aws:CurrentTime}, {@code aws:EpochTime}), and the request's ({@code aws:SourceIp},
 * {@code aws:SecureTransport}, {@code aws:UserAgent}, {@code aws:Referer}, {@code aws:RequestedRegion}); then the
 * service keys the route declares. A route cannot replace a global key: the {@code aws:} keys are set last, so a
 * header copied into a route's key never poses as {@code aws:SourceIp}.
 */
final class RequestKeys {

    private final ClientAddress clientAddress;

    RequestKeys(ClientAddress clientAddress) {
        this.clientAddress = clientAddress;
    }

    Map<String, ContextValue> of(HttpServletRequest request, Caller caller, Instant now, String region,
                                 Map<String, ContextValue> routeKeys) {
        Map<String, ContextValue> keys = new HashMap<>(32);
        routeKeys.forEach((name, value) -> {
            if (!name.regionMatches(true, 0, "aws:", 0, 4)) {
                keys.put(name, value);
            }
        });
        caller.putContextAt(keys, now);
        keys.put("aws:SourceIp", ContextValue.of(clientAddress.of(request)));
        keys.put("aws:SecureTransport", ContextValue.of(Boolean.toString(request.isSecure())));
        keys.put("aws:RequestedRegion", ContextValue.of(region));
        String userAgent = request.getHeader("User-Agent");
        if (userAgent != null) {
            keys.put("aws:UserAgent", ContextValue.of(userAgent));
        }
        String referer = request.getHeader("Referer");
        if (referer != null) {
            keys.put("aws:Referer", ContextValue.of(referer));
        }
        return keys;
    }
}
