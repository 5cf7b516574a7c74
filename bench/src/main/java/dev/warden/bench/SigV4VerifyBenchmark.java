package dev.warden.bench;

import dev.warden.core.auth.AuthenticationException;
import dev.warden.core.auth.SigningCredential;
import dev.warden.core.auth.sigv4.PayloadMode;
import dev.warden.core.auth.sigv4.SigV4Verifier;
import dev.warden.core.auth.sigv4.SignedRequest;
import dev.warden.core.auth.sigv4.SigningInput;
import dev.warden.core.auth.sigv4.VerifiedRequest;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * A warm SigV4 verification of IAM {@code ListUsers} as the AWS SDK for Java v2 (2.57.8) signs it: a form
 * {@code POST /} with seven signed headers and its 35-byte body buffered. The request below was signed by the SDK's
 * own {@code AwsV4HttpSigner} (in {@code core}'s tests, {@code Requests.iamListUsers()}) at 2026-11-23T15:00:00Z, which
 * is the verifier's clock here. Alongside it, {@code cryptoOnly}: the cryptography no verification can avoid (SHA-256
 * of the body and of the canonical request, one HMAC-SHA256 of the string to sign), so the ratio shows what
 * canonicalisation, parsing and the key cache add. Setup checks that the request verifies.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@State(Scope.Benchmark)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class SigV4VerifyBenchmark {

    static final String ACCESS_KEY_ID = "AKIAIOSFODNN7EXAMPLE";
    static final String SECRET = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY";
    static final Instant SIGNED_AT = Instant.parse("2026-11-23T15:00:00Z");
    static final String BODY = "Action=ListUsers&Version=2010-05-08";

    /** The headers as the SDK sent them, in its order. */
    static Map<String, List<String>> sdkHeaders() {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        headers.put("amz-sdk-invocation-id", List.of("6f3c8e1a-5b2d-4c7e-9a10-2f4b6d8e0c12"));
        headers.put("amz-sdk-request", List.of("attempt=1; max=4"));
        headers.put("Authorization", List.of("AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/20261123/us-east-1/iam/"
                + "aws4_request, SignedHeaders=amz-sdk-invocation-id;amz-sdk-request;content-length;content-type;host;"
                + "x-amz-content-sha256;x-amz-date, "
                + "Signature=d77e62da9e46462c6ee388d4fe1071f9a4aaaae24acd7361ac25d62392b10426"));
        headers.put("Content-Length", List.of("35"));
        headers.put("Content-Type", List.of("application/x-www-form-urlencoded; charset=utf-8"));
        headers.put("Host", List.of("iam.amazonaws.com"));
        headers.put("User-Agent", List.of("aws-sdk-java/2.57.8 md/io#sync md/http#UrlConnection ua/2.1 os/Linux"));
        headers.put("x-amz-content-sha256",
                List.of("b6359072c78d70ebee1e81adcbab4f01bf2c23245fa365ef83fe8f1f955085e2"));
        headers.put("X-Amz-Date", List.of("20261123T150000Z"));
        return headers;
    }

    /** A long-term key, as the directory's lookup would hand it out. */
    record Key(String accessKeyId, String secretAccessKey) implements SigningCredential {
        @Override
        public String toString() {
            return "Key[" + accessKeyId + "]";
        }
    }

    private Map<String, List<String>> headers;
    private byte[] body;
    private SignedRequest request;
    private SigV4Verifier<Key> verifier;

    private MessageDigest sha256;
    private Mac hmac;
    private byte[] canonicalRequest;
    private String stringToSignPrefix;

    @Setup
    public void setUp() throws AuthenticationException, GeneralSecurityException {
        Map<String, Key> keys = Map.of(ACCESS_KEY_ID, new Key(ACCESS_KEY_ID, SECRET));
        verifier = new SigV4Verifier<>((id, token) -> keys.get(id), Clock.fixed(SIGNED_AT, ZoneOffset.UTC));
        headers = sdkHeaders();
        body = BODY.getBytes(StandardCharsets.UTF_8);
        request = new SignedRequest("POST", "/", "", headers, body);
        VerifiedRequest<Key> verified = verify();
        if (verified.payloadMode() != PayloadMode.SIGNED || !verified.scope().service().equals("iam")) {
            throw new IllegalStateException("unexpected verification: " + verified);
        }

        SigningInput input = verified.signingInput();
        canonicalRequest = input.canonicalRequest().getBytes(StandardCharsets.UTF_8);
        stringToSignPrefix = input.stringToSign().substring(0, input.stringToSign().lastIndexOf('\n') + 1);
        sha256 = MessageDigest.getInstance("SHA-256");
        hmac = Mac.getInstance("HmacSHA256");
        hmac.init(new SecretKeySpec(signingKey(), "HmacSHA256"));
        String signature = HexFormat.of().formatHex(signature());
        if (!request.header("Authorization").endsWith("Signature=" + signature)) {
            throw new IllegalStateException("the baseline computes another signature: " + signature);
        }
    }

    /** The verification the servlet filter asks for, on a request view built once. */
    @Benchmark
    public VerifiedRequest<Key> verify() throws AuthenticationException {
        return verifier.verify(request);
    }

    /** The same, building the request view from the headers first, as the filter does for every request. */
    @Benchmark
    public VerifiedRequest<Key> buildAndVerify() throws AuthenticationException {
        return verifier.verify(new SignedRequest("POST", "/", "", headers, body));
    }

    /** Baseline: SHA-256 of the body and of the canonical request, HMAC-SHA256 of the string to sign. */
    @Benchmark
    public byte[] cryptoOnly(Blackhole blackhole) {
        blackhole.consume(sha256.digest(body));
        return signature();
    }

    private byte[] signature() {
        String hashedRequest = HexFormat.of().formatHex(sha256.digest(canonicalRequest));
        return hmac.doFinal((stringToSignPrefix + hashedRequest).getBytes(StandardCharsets.UTF_8));
    }

    private static byte[] signingKey() throws GeneralSecurityException {
        byte[] key = ("AWS4" + SECRET).getBytes(StandardCharsets.UTF_8);
        for (String part : new String[] {"20261123", "us-east-1", "iam", "aws4_request"}) {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            key = mac.doFinal(part.getBytes(StandardCharsets.UTF_8));
        }
        return key;
    }
}
