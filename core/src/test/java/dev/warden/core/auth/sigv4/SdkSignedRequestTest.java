package dev.warden.core.auth.sigv4;

import static org.assertj.core.api.Assertions.assertThat;

import dev.warden.core.auth.AuthenticationException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.utils.http.SdkHttpUtils;

/**
 * Requests signed in the {@code Authorization} header by the AWS SDK for Java v2's own signer, the way its IAM, STS
 * and S3 clients sign them, verify.
 */
class SdkSignedRequestTest {

    private final KeyRing keys = KeyRing.withExampleKey();
    private final SigV4Verifier<TestCredential> verifier =
            new SigV4Verifier<>(keys, Clock.fixed(SdkSigner.SIGNED_AT, ZoneOffset.UTC));

    /** What the IAM client posts: a form body, its hash signed, SDK invocation headers signed, User-Agent not. */
    static SdkHttpRequest formPost(String host, String body) {
        return SdkHttpRequest.builder().method(SdkHttpMethod.POST).protocol("https").host(host).encodedPath("/")
                .putHeader("Content-Type", "application/x-www-form-urlencoded; charset=utf-8")
                .putHeader("Content-Length", Integer.toString(body.getBytes(StandardCharsets.UTF_8).length))
                .putHeader("amz-sdk-invocation-id", "6f3c8e1a-5b2d-4c7e-9a10-2f4b6d8e0c12")
                .putHeader("amz-sdk-request", "attempt=1; max=4")
                .putHeader("User-Agent", "aws-sdk-java/2.57.8 md/io#sync md/http#UrlConnection ua/2.1 os/Linux")
                .build();
    }

    @Test
    void verifiesAnIamFormPostWithItsBufferedBody() throws AuthenticationException {
        String body = "Action=ListUsers&Version=2010-05-08&PathPrefix=%2Fdivision_abc%2F";
        SdkSigner.Wire wire = SdkSigner.withExampleKey()
                .sign("iam", formPost("iam.amazonaws.com", body), body.getBytes(StandardCharsets.UTF_8));

        VerifiedRequest<TestCredential> verified = verifier.verify(wire.buffered());

        assertThat(verified.accessKeyId()).isEqualTo(KeyRing.ACCESS_KEY_ID);
        assertThat(verified.scope()).isEqualTo(new CredentialScope(LocalDate.of(2026, 11, 23), "us-east-1", "iam"));
        assertThat(verified.payloadMode()).isEqualTo(PayloadMode.SIGNED);
        assertThat(verified.presigned()).isFalse();
        assertThat(verified.signedHeaders()).contains("host", "x-amz-date", "x-amz-content-sha256",
                "amz-sdk-invocation-id", "amz-sdk-request", "content-type").doesNotContain("user-agent");
    }

    @Test
    void verifiesAnStsPostWithTemporaryCredentialsAndHandsTheTokenToTheLookup() throws AuthenticationException {
        String token = "IQoJb3JpZ2luX2VjEJr//////////wEaCXVzLWVhc3QtMSJHMEUCIQD+example/token==";
        keys.addSession("ASIAIOSFODNN7EXAMPLE", "je7MtGbClwBF/2Zp9Utk/h3yCo8nvbEXAMPLEKEY", token);
        String body = "Action=GetCallerIdentity&Version=2011-06-15";
        SdkSigner.Wire wire = SdkSigner.withSession("ASIAIOSFODNN7EXAMPLE", "je7MtGbClwBF/2Zp9Utk/h3yCo8nvbEXAMPLEKEY",
                token).sign("sts", formPost("sts.amazonaws.com", body), body.getBytes(StandardCharsets.UTF_8));

        VerifiedRequest<TestCredential> verified = verifier.verify(wire.buffered());

        assertThat(verified.accessKeyId()).isEqualTo("ASIAIOSFODNN7EXAMPLE");
        assertThat(verified.scope().service()).isEqualTo("sts");
        assertThat(verified.signedHeaders()).contains("x-amz-security-token");
        assertThat(keys.lookups()).containsExactly("ASIAIOSFODNN7EXAMPLE with token");
    }

    @Test
    void verifiesAFormPostWhoseBodyIsCheckedAsItIsRead() throws AuthenticationException, IOException {
        String body = "Action=ListUsers&Version=2010-05-08";
        SdkSigner.Wire wire = SdkSigner.withExampleKey()
                .sign("iam", formPost("iam.amazonaws.com", body), body.getBytes(StandardCharsets.UTF_8));

        VerifiedRequest<TestCredential> verified = verifier.verify(wire.request());

        assertThat(verified.payload(wire.bodyStream()).readAllBytes()).asString(StandardCharsets.UTF_8).isEqualTo(body);
    }

    @Test
    void verifiesAnS3GetWithAnUnsignedPayload() throws AuthenticationException {
        SdkHttpRequest get = SdkHttpRequest.builder().method(SdkHttpMethod.GET).protocol("https")
                .host("downloads.s3.us-east-1.amazonaws.com").encodedPath("/reports/2026/q3.pdf")
                .putHeader("x-amz-te", "append-md5").putHeader("x-amz-checksum-mode", "ENABLED")
                .putHeader("amz-sdk-invocation-id", "0c0f7c3a-1111-4e4e-9a9a-2f4b6d8e0c12").build();

        VerifiedRequest<TestCredential> verified = verifier.verify(SdkSigner.withExampleKey()
                .signS3Unsigned(get, null).request());

        assertThat(verified.payloadMode()).isEqualTo(PayloadMode.UNSIGNED);
        assertThat(verified.scope().isS3()).isTrue();
    }

    /** The S3 client encodes a key once ({@code urlEncodeIgnoreSlashes}) and signs that path as it is. */
    @ParameterizedTest
    @ValueSource(strings = {"reports/q3 final.pdf", "naïve/café/日本語.txt", "a+b=c&d.txt", "odd !'()*~@$,;:.txt",
            "double//slash/./dot/../parent", "%41 is not A", "trailing/"})
    void verifiesAnS3PathWithCharactersThatNeedEncoding(String key) throws AuthenticationException {
        SdkHttpRequest get = SdkHttpRequest.builder().method(SdkHttpMethod.GET).protocol("https")
                .host("s3.us-east-1.amazonaws.com").encodedPath("/bucket/" + SdkHttpUtils.urlEncodeIgnoreSlashes(key))
                .build();

        VerifiedRequest<TestCredential> verified = verifier.verify(SdkSigner.withExampleKey()
                .signS3Unsigned(get, null).request());

        assertThat(verified.signingInput().canonicalRequest())
                .contains("\n/bucket/" + SdkHttpUtils.urlEncodeIgnoreSlashes(key) + "\n");
    }

    /** Every other service's path is normalised and encoded twice, and query values are re-encoded and sorted. */
    @ParameterizedTest
    @ValueSource(strings = {"/orders/a b/ü+x", "/orders//42/./items/../items", "/orders/%2F encoded slash",
            "/orders/~user/!(*)'", "/"})
    void verifiesAnotherServicesPathAndQueryWithCharactersThatNeedEncoding(String path)
            throws AuthenticationException {
        SdkHttpRequest get = SdkHttpRequest.builder().method(SdkHttpMethod.GET).protocol("http").host("127.0.0.1")
                .port(8080).encodedPath(SdkHttpUtils.urlEncodeIgnoreSlashes(path))
                .appendRawQueryParameter("filter", "status = open & priority > 2")
                .appendRawQueryParameter("tag", "b+c")
                .appendRawQueryParameter("tag", "a b")
                .appendRawQueryParameter("Ünïcode", "välue/ü")
                .appendRawQueryParameter("empty", "")
                .appendRawQueryParameter("marker", "~-_.*")
                .build();

        VerifiedRequest<TestCredential> verified = verifier.verify(SdkSigner.withExampleKey()
                .sign("orders", get, new byte[0]).request());

        assertThat(verified.scope().service()).isEqualTo("orders");
        assertThat(verified.signingInput().canonicalRequest()).contains("\nhost:127.0.0.1:8080\n");
    }

    @Test
    void verifiesAHeaderWithSeveralValuesJoinedByCommas() throws AuthenticationException {
        SdkHttpRequest get = SdkHttpRequest.builder().method(SdkHttpMethod.GET).protocol("https")
                .host("orders.example.com").encodedPath("/orders/7")
                .appendHeader("X-Team", "  blue ").appendHeader("X-Team", "red   and    green")
                .putHeader("X-Spaces", "\ta   b\t c ").build();

        VerifiedRequest<TestCredential> verified = verifier.verify(SdkSigner.withExampleKey()
                .sign("orders", get, new byte[0]).request());

        assertThat(verified.signingInput().canonicalRequest())
                .contains("\nx-spaces:a b c\n").contains("\nx-team:blue,red and green\n");
    }

    @Test
    void verifiesAnS3PutWithTheBodysHashSigned() throws AuthenticationException {
        byte[] policy = "{\"Version\":\"2012-10-17\",\"Statement\":[]}".getBytes(StandardCharsets.UTF_8);
        SdkHttpRequest put = SdkHttpRequest.builder().method(SdkHttpMethod.PUT).protocol("https")
                .host("bucket.s3.amazonaws.com").encodedPath("/").appendRawQueryParameter("policy", null)
                .putHeader("Content-Length", Integer.toString(policy.length))
                .putHeader("Content-Type", "application/json").build();
        SdkSigner.Wire wire = SdkSigner.withExampleKey().sign("s3", put, policy, b -> b
                .putProperty(software.amazon.awssdk.http.auth.aws.signer.AwsV4FamilyHttpSigner.DOUBLE_URL_ENCODE, false)
                .putProperty(software.amazon.awssdk.http.auth.aws.signer.AwsV4FamilyHttpSigner.NORMALIZE_PATH, false));

        VerifiedRequest<TestCredential> verified = verifier.verify(wire.buffered());

        assertThat(verified.payloadMode()).isEqualTo(PayloadMode.SIGNED);
        assertThat(verified.signingInput().canonicalRequest()).contains("\npolicy=\n");
    }
}
