package dev.warden.core.auth.sigv4;

import static org.assertj.core.api.Assertions.assertThat;

import dev.warden.core.auth.AuthFailure;
import dev.warden.core.auth.AuthenticationException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.checksums.DefaultChecksumAlgorithm;

/**
 * Whatever a request looks like, {@link SigV4Verifier#verify} answers with a verified request or an
 * {@link AuthenticationException}, never another exception and never an internal failure; whatever an
 * {@code aws-chunked} body looks like, reading it ends or throws {@link PayloadRejectedException}.
 */
class VerifierFuzzTest {

    private static final String NASTY = "%\u0000\r\n \t/;,=&?+~é\uD83D\uDE00\uFFFF0aZ-_.*";

    private final Random random = new Random(20261123);

    @Test
    void answersEveryDamagedRequestWithAnAuthenticationFailure() {
        List<SignedRequest> seeds = new ArrayList<>();
        seeds.add(Requests.iamListUsers().buffered());
        seeds.add(Requests.s3GetObject().request());
        seeds.add(Requests.s3Presigned());
        seeds.add(ChunkedBodies.upload(new byte[100], true, DefaultChecksumAlgorithm.CRC32).request());
        SuiteCase.all().limit(12).forEach(c -> seeds.add(c.request()));
        SigV4Verifier<TestCredential> verifier = Requests.verifier(KeyRing.withExampleKey()
                .add(SuiteCase.ACCESS_KEY_ID, SuiteCase.SECRET));

        int refused = 0;
        for (int i = 0; i < 20_000; i++) {
            SignedRequest damaged = damage(seeds.get(random.nextInt(seeds.size())));
            try {
                verifier.verify(damaged);
            } catch (AuthenticationException e) {
                assertThat(e.failure()).as("%s: %s", damaged, e.getMessage()).isNotEqualTo(AuthFailure.INTERNAL);
                refused++;
            }
        }
        assertThat(refused).isGreaterThan(15_000);
    }

    @Test
    void readsEveryDamagedChunkedBodyToItsEndOrARejection() throws AuthenticationException {
        SdkSigner.Wire signed = ChunkedBodies.upload(ChunkedBodies.randomBody(1_000), true,
                DefaultChecksumAlgorithm.CRC32);
        SdkSigner.Wire unsigned = ChunkedBodies.upload(ChunkedBodies.randomBody(1_000), false,
                DefaultChecksumAlgorithm.CRC32C);
        SigV4Verifier<TestCredential> verifier = Requests.verifier(KeyRing.withExampleKey());
        VerifiedRequest<TestCredential> signedRequest = verifier.verify(signed.request());
        VerifiedRequest<TestCredential> unsignedRequest = verifier.verify(unsigned.request());

        int rejected = 0;
        for (int i = 0; i < 5_000; i++) {
            boolean useSigned = random.nextBoolean();
            byte[] body = damage((useSigned ? signed : unsigned).body());
            InputStream payload = (useSigned ? signedRequest : unsignedRequest).payload(new ByteArrayInputStream(body));
            try {
                payload.readAllBytes();
            } catch (PayloadRejectedException e) {
                rejected++;
            } catch (IOException e) {
                throw new AssertionError("not a rejection", e);
            }
        }
        assertThat(rejected).isGreaterThan(4_500);
    }

    private SignedRequest damage(SignedRequest request) {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        request.headers().forEach((n, v) -> headers.put(n, new ArrayList<>(v)));
        String path = request.rawPath();
        String query = request.rawQuery();
        List<String> names = new ArrayList<>(headers.keySet());
        switch (random.nextInt(6)) {
            case 0 -> {
                String name = names.get(random.nextInt(names.size()));
                List<String> values = headers.get(name);
                values.set(0, damage(values.get(0)));
            }
            case 1 -> headers.remove(names.get(random.nextInt(names.size())));
            case 2 -> path = damage(path);
            case 3 -> query = damage(query);
            case 4 -> headers.computeIfAbsent(damage("x-amz-meta"), n -> new ArrayList<>()).add(damage("value"));
            default -> headers.computeIfPresent("Authorization", (n, v) -> List.of(damage(v.get(0))));
        }
        return new SignedRequest(request.method(), path, query, headers, request.body());
    }

    private String damage(String text) {
        StringBuilder out = new StringBuilder(text);
        int edits = 1 + random.nextInt(3);
        for (int i = 0; i < edits; i++) {
            int at = out.length() == 0 ? 0 : random.nextInt(out.length());
            switch (random.nextInt(3)) {
                case 0 -> out.insert(at, NASTY.charAt(random.nextInt(NASTY.length())));
                case 1 -> {
                    if (out.length() > 0) {
                        out.deleteCharAt(at);
                    }
                }
                default -> {
                    if (out.length() > 0) {
                        out.setCharAt(at, NASTY.charAt(random.nextInt(NASTY.length())));
                    }
                }
            }
        }
        return out.toString();
    }

    private byte[] damage(byte[] body) {
        byte[] copy = body.clone();
        int edits = 1 + random.nextInt(3);
        for (int i = 0; i < edits; i++) {
            int at = random.nextInt(copy.length);
            copy[at] = random.nextBoolean() ? (byte) random.nextInt(256)
                    : (byte) "0123456789abcdef;=:\r\n".charAt(random.nextInt(21));
        }
        if (random.nextInt(10) == 0) {
            copy = java.util.Arrays.copyOf(copy, random.nextInt(copy.length));
        }
        return copy;
    }
}
