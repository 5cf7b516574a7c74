package dev.warden.core.auth.sigv4;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * One case of AWS's signing test suite ({@code src/test/resources/sigv4/aws-signing-test-suite/v4}) in one form
 * (header or presigned query): the signed request as a server receives it, and what it was signed over.
 */
record SuiteCase(String name, boolean presigned, SignedRequest request, String canonicalRequest, String stringToSign,
        boolean normalize, String token, boolean tokenSignedAfter) {

    static final String ACCESS_KEY_ID = "AKIDEXAMPLE";
    static final String SECRET = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY";
    static final Instant SIGNED_AT = Instant.parse("2015-08-30T12:36:00Z");

    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    public String toString() {
        return name + (presigned ? " (presigned)" : " (header)");
    }

    static Stream<SuiteCase> all() {
        List<SuiteCase> cases = new ArrayList<>();
        for (Path directory : directories()) {
            cases.add(load(directory, false));
            cases.add(load(directory, true));
        }
        return cases.stream();
    }

    /** A verifier for this case: the suite's key, its clock, its path canonicalisation. */
    SigV4Verifier<TestCredential> verifier(KeyRing keys) {
        UriStyle style = normalize ? UriStyle.NORMALIZED_DOUBLE_ENCODED : UriStyle.DOUBLE_ENCODED;
        return new SigV4Verifier<>(keys, Clock.fixed(SIGNED_AT, ZoneOffset.UTC), service -> style);
    }

    KeyRing keys() {
        KeyRing keys = new KeyRing();
        return token == null ? keys.add(ACCESS_KEY_ID, SECRET) : keys.addSession(ACCESS_KEY_ID, SECRET, token);
    }

    private static List<Path> directories() {
        URL root = SuiteCase.class.getResource("/sigv4/aws-signing-test-suite/v4");
        try (Stream<Path> children = Files.list(Path.of(root.toURI()))) {
            return children.filter(Files::isDirectory).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static SuiteCase load(Path directory, boolean presigned) {
        String form = presigned ? "query" : "header";
        try {
            JsonNode context = JSON.readTree(directory.resolve("context.json").toFile());
            JsonNode token = context.path("credentials").path("token");
            return new SuiteCase(directory.getFileName().toString(), presigned,
                    parse(read(directory.resolve(form + "-signed-request.txt"))),
                    read(directory.resolve(form + "-canonical-request.txt")),
                    read(directory.resolve(form + "-string-to-sign.txt")),
                    context.path("normalize").asBoolean(true), token.isTextual() ? token.asText() : null,
                    context.path("omit_session_token").asBoolean(false));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(Path file) throws IOException {
        return Files.readString(file, StandardCharsets.UTF_8);
    }

    /**
     * Reads a suite request leniently: the request line's target may hold spaces; a line starting with white space
     * continues the header before it; the body follows the first empty line.
     */
    static SignedRequest parse(String text) {
        int headerEnd = text.indexOf("\n\n");
        String head = headerEnd < 0 ? text : text.substring(0, headerEnd);
        String body = headerEnd < 0 ? "" : text.substring(headerEnd + 2);
        String[] lines = head.split("\n", -1);
        String requestLine = lines[0];
        String method = requestLine.substring(0, requestLine.indexOf(' '));
        String target = requestLine.substring(method.length() + 1, requestLine.lastIndexOf(" HTTP/"));
        int question = target.indexOf('?');
        SignedRequest.Builder builder = SignedRequest
                .builder(method, question < 0 ? target : target.substring(0, question))
                .rawQuery(question < 0 ? "" : target.substring(question + 1));
        List<String[]> headers = new ArrayList<>();
        for (int i = 1; i < lines.length; i++) {
            String line = lines[i];
            if (!line.isEmpty() && Character.isWhitespace(line.charAt(0)) && !headers.isEmpty()) {
                String[] last = headers.get(headers.size() - 1);
                last[1] = last[1] + "\n" + line;
            } else if (!line.isEmpty()) {
                int colon = line.indexOf(':');
                headers.add(new String[] {line.substring(0, colon), line.substring(colon + 1)});
            }
        }
        headers.forEach(h -> builder.header(h[0], h[1]));
        return builder.body(body.getBytes(StandardCharsets.UTF_8)).build();
    }
}
