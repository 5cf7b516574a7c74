package dev.warden.filter.query;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** The parameters of a Query-protocol request: its form body and query string, {@code name=value&...}. */
final class FormParameters {

    private FormParameters() {
    }

    /**
     * Adds the parameters in {@code encoded} to {@code into}.
     *
     * @throws IllegalArgumentException for a malformed percent-encoding or a parameter given twice
     */
    static Map<String, String> parse(String encoded, Map<String, String> into) {
        if (encoded == null || encoded.isEmpty()) {
            return into;
        }
        for (String pair : encoded.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            if (into.putIfAbsent(name, value) != null) {
                throw new IllegalArgumentException("parameter " + name + " is given more than once");
            }
        }
        return into;
    }

    static Map<String, String> parse(String query, String body) {
        Map<String, String> params = new LinkedHashMap<>();
        parse(query, params);
        return parse(body, params);
    }
}
