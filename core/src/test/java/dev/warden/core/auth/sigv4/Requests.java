package dev.warden.core.auth.sigv4;

import dev.warden.core.auth.CredentialLookup;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;

/** Well-signed requests to damage one thing at a time, and the ways to damage them. */
final class Requests {

    static final String LIST_USERS = "Action=ListUsers&Version=2010-05-08";

    private Requests() {
    }

    static SigV4Verifier<TestCredential> verifier(CredentialLookup<TestCredential> keys) {
        return new SigV4Verifier<>(keys, Clock.fixed(SdkSigner.SIGNED_AT, ZoneOffset.UTC));
    }

    /** IAM ListUsers as the SDK's IAM client posts it, body not buffered. */
    static SdkSigner.Wire iamListUsers() {
        return SdkSigner.withExampleKey().sign("iam", SdkSignedRequestTest.formPost("iam.amazonaws.com", LIST_USERS),
                LIST_USERS.getBytes(StandardCharsets.UTF_8));
    }

    /** S3 GetObject as the SDK's S3 client signs it: {@code UNSIGNED-PAYLOAD}. */
    static SdkSigner.Wire s3GetObject() {
        return SdkSigner.withExampleKey().signS3Unsigned(SdkHttpRequest.builder().method(SdkHttpMethod.GET)
                .protocol("https").host("downloads.s3.amazonaws.com").encodedPath("/reports/q3.pdf").build(), null);
    }

    static SignedRequest s3Presigned() {
        return SdkSigner.withExampleKey().presignS3(PresignedUrlTest.getObject(), Duration.ofHours(1)).request();
    }

    static SignedRequest withHeader(SignedRequest r, String name, String value) {
        return AwsSigningTestSuiteMutationTest.withHeader(r, name, value);
    }

    static SignedRequest addHeader(SignedRequest r, String name, String value) {
        Map<String, List<String>> headers = copy(r);
        headers.computeIfAbsent(name, n -> new ArrayList<>()).add(value);
        return new SignedRequest(r.method(), r.rawPath(), r.rawQuery(), headers, r.body());
    }

    static SignedRequest withoutHeader(SignedRequest r, String name) {
        Map<String, List<String>> headers = copy(r);
        headers.keySet().removeIf(n -> n.equalsIgnoreCase(name));
        return new SignedRequest(r.method(), r.rawPath(), r.rawQuery(), headers, r.body());
    }

    static SignedRequest withQuery(SignedRequest r, String rawQuery) {
        return AwsSigningTestSuiteMutationTest.withQuery(r, rawQuery);
    }

    static SignedRequest withBody(SignedRequest r, byte[] body) {
        return new SignedRequest(r.method(), r.rawPath(), r.rawQuery(), r.headers(), body);
    }

    /** The Authorization header with the first match of {@code regex} replaced. */
    static SignedRequest editAuthorization(SignedRequest r, String regex, String replacement) {
        return withHeader(r, "Authorization", r.header("Authorization").replaceFirst(regex, replacement));
    }

    private static Map<String, List<String>> copy(SignedRequest r) {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        r.headers().forEach((n, v) -> headers.put(n, new ArrayList<>(v)));
        return headers;
    }
}
