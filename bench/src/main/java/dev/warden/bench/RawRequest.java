package dev.warden.bench;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A raw HTTP/1.1 request (as {@link SignedHttp} renders it) taken apart again, for the benchmark that calls the
 * filter without a container: the same bytes the Jetty benchmarks send, so both see the same headers.
 *
 * @param headers by lower-case name, in arrival order (what a container's header lookup gives)
 */
record RawRequest(String method, String path, String query, Map<String, List<String>> headers, byte[] body) {

    static RawRequest parse(byte[] raw) {
        String text = new String(raw, StandardCharsets.ISO_8859_1);
        int headEnd = text.indexOf("\r\n\r\n");
        String[] lines = text.substring(0, headEnd).split("\r\n");
        String[] requestLine = lines[0].split(" ");
        String target = requestLine[1];
        int q = target.indexOf('?');
        Map<String, List<String>> headers = new LinkedHashMap<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            headers.computeIfAbsent(lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT),
                    n -> new ArrayList<>()).add(lines[i].substring(colon + 1).trim());
        }
        return new RawRequest(requestLine[0], q < 0 ? target : target.substring(0, q),
                q < 0 ? null : target.substring(q + 1), headers, Arrays.copyOfRange(raw, headEnd + 4, raw.length));
    }

    String header(String name) {
        List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
        return values == null ? null : values.get(0);
    }
}
