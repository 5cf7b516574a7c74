package dev.warden.filter;

import jakarta.servlet.http.HttpServletRequest;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** An {@link HttpServletRequest} with a peer address, headers and a method/path, for tests of request readers. */
final class FakeHttpRequest {

    private final Map<String, List<String>> headers = new LinkedHashMap<>();
    private String remoteAddr = "127.0.0.1";
    private boolean secure;
    private java.security.Principal user;
    private Map<String, Object> session;

    FakeHttpRequest from(String address) {
        this.remoteAddr = address;
        return this;
    }

    FakeHttpRequest header(String name, String value) {
        headers.computeIfAbsent(name.toLowerCase(Locale.ROOT), n -> new ArrayList<>()).add(value);
        return this;
    }

    FakeHttpRequest user(String name) {
        this.user = () -> name;
        return this;
    }

    FakeHttpRequest sessionAttribute(String name, Object value) {
        if (session == null) {
            session = new LinkedHashMap<>();
        }
        session.put(name, value);
        return this;
    }

    FakeHttpRequest secure() {
        this.secure = true;
        return this;
    }

    HttpServletRequest build() {
        return (HttpServletRequest) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {HttpServletRequest.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "getRemoteAddr" -> remoteAddr;
                    case "isSecure" -> secure;
                    case "getMethod" -> "GET";
                    case "getRequestURI" -> "/";
                    case "getQueryString" -> null;
                    case "getHeader" -> {
                        List<String> values = headers.get(((String) args[0]).toLowerCase(Locale.ROOT));
                        yield values == null ? null : values.get(0);
                    }
                    case "getHeaders" -> Collections.enumeration(
                            headers.getOrDefault(((String) args[0]).toLowerCase(Locale.ROOT), List.of()));
                    case "getHeaderNames" -> Collections.enumeration(headers.keySet());
                    case "getUserPrincipal" -> user;
                    case "getSession" -> session == null ? null : Proxy.newProxyInstance(getClass().getClassLoader(),
                            new Class<?>[] {jakarta.servlet.http.HttpSession.class}, (p, m, a) -> switch (m.getName()) {
                                case "getAttribute" -> session.get((String) a[0]);
                                default -> throw new UnsupportedOperationException(m.getName());
                            });
                    case "setAttribute", "removeAttribute" -> null;
                    case "getAttribute" -> null;
                    case "toString" -> "FakeHttpRequest";
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }
}
