package dev.warden.core.auth.sigv4;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.warden.core.auth.AuthFailure;
import dev.warden.core.auth.AuthenticationException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4FamilyHttpSigner;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;

/**
 * An endpoint serves one Region ({@link SigningRegions}); a signature scoped to another is refused before the key is
 * looked up or the signature checked, in AWS's words: S3's {@code AuthorizationHeaderMalformed} (header) or
 * {@code AuthorizationQueryParametersError} (presigned) with a {@code Region} element, the Query services'
 * {@code SignatureDoesNotMatch} "Credential should be scoped to a valid region". IAM is global, signed for
 * {@code us-east-1}; STS takes the endpoint's Region and the global endpoint's.
 */
class SigningRegionTest {

    private final KeyRing keys = KeyRing.withExampleKey();

    private SigV4Verifier<TestCredential> serving(String region) {
        return new SigV4Verifier<>(keys, Clock.fixed(SdkSigner.SIGNED_AT, ZoneOffset.UTC),
                SigningRegions.serving(region));
    }

    private static SignedRequest s3Get(String region) {
        return SdkSigner.withExampleKey().sign("s3", SdkHttpRequest.builder().method(SdkHttpMethod.GET)
                .protocol("https").host("downloads.s3.amazonaws.com").encodedPath("/reports/q3.pdf").build(), null,
                b -> b.putProperty(AwsV4FamilyHttpSigner.DOUBLE_URL_ENCODE, false)
                        .putProperty(AwsV4FamilyHttpSigner.NORMALIZE_PATH, false)
                        .putProperty(AwsV4FamilyHttpSigner.PAYLOAD_SIGNING_ENABLED, false)
                        .putProperty(AwsV4HttpSigner.REGION_NAME, region)).request();
    }

    private static SignedRequest s3Presigned(String region) {
        return SdkSigner.withExampleKey().sign("s3", PresignedUrlTest.getObject(), null,
                b -> b.putProperty(AwsV4FamilyHttpSigner.DOUBLE_URL_ENCODE, false)
                        .putProperty(AwsV4FamilyHttpSigner.NORMALIZE_PATH, false)
                        .putProperty(AwsV4FamilyHttpSigner.AUTH_LOCATION,
                                AwsV4FamilyHttpSigner.AuthLocation.QUERY_STRING)
                        .putProperty(AwsV4FamilyHttpSigner.EXPIRATION_DURATION, Duration.ofMinutes(5))
                        .putProperty(AwsV4FamilyHttpSigner.PAYLOAD_SIGNING_ENABLED, false)
                        .putProperty(AwsV4HttpSigner.REGION_NAME, region)).request();
    }

    private static SignedRequest query(String service, String region) {
        byte[] body = Requests.LIST_USERS.getBytes(StandardCharsets.UTF_8);
        return SdkSigner.withExampleKey().sign(service, SdkSignedRequestTest.formPost(service + ".amazonaws.com",
                Requests.LIST_USERS), body, b -> b.putProperty(AwsV4HttpSigner.REGION_NAME, region)).buffered();
    }

    private static AuthenticationException refusal(SigV4Verifier<TestCredential> verifier, SignedRequest request) {
        try {
            verifier.verify(request);
        } catch (AuthenticationException e) {
            return e;
        }
        throw new AssertionError("expected the request to be refused");
    }

    @Test
    void an_s3_request_signed_for_another_region_is_authorization_header_malformed() {
        AuthenticationException e = refusal(serving("us-east-1"), s3Get("eu-west-1"));

        assertThat(e.failure()).isEqualTo(AuthFailure.WRONG_REGION);
        assertThat(e.failure().code(true)).isEqualTo("AuthorizationHeaderMalformed");
        assertThat(e.failure().status(true)).isEqualTo(400);
        assertThat(e).hasMessage("The authorization header is malformed; the region 'eu-west-1' is wrong; expecting "
                + "'us-east-1'");
        assertThat(e.details()).containsExactly(Map.entry("Region", "us-east-1"));
        assertThat(keys.lookups()).as("refused before the key is looked up").isEmpty();
    }

    @Test
    void an_s3_url_presigned_for_another_region_is_authorization_query_parameters_error() {
        AuthenticationException e = refusal(serving("eu-west-1"), s3Presigned("us-east-1"));

        assertThat(e.failure()).isEqualTo(AuthFailure.QUERY_PARAMETERS_MALFORMED);
        assertThat(e.failure().code(true)).isEqualTo("AuthorizationQueryParametersError");
        assertThat(e).hasMessage("Error parsing the X-Amz-Credential parameter; the region 'us-east-1' is wrong; "
                + "expecting 'eu-west-1'");
        assertThat(e.details()).containsExactly(Map.entry("Region", "eu-west-1"));
    }

    @Test
    void an_s3_request_signed_for_the_endpoints_region_is_verified() throws AuthenticationException {
        assertThat(serving("eu-west-1").verify(s3Get("eu-west-1")).scope().region()).isEqualTo("eu-west-1");
        assertThat(serving("eu-west-1").verify(s3Presigned("eu-west-1")).presigned()).isTrue();
    }

    @Test
    void iam_is_signed_for_us_east_1_wherever_the_endpoint_is() throws AuthenticationException {
        SigV4Verifier<TestCredential> verifier = serving("eu-west-1");

        assertThat(verifier.verify(query("iam", "us-east-1")).scope().service()).isEqualTo("iam");
        assertThat(verifier.verify(query("iam", "aws-global")).scope().region())
                .as("what the AWS SDK for Java v2 signs for with Region.AWS_GLOBAL and an endpoint override")
                .isEqualTo("aws-global");
        AuthenticationException e = refusal(verifier, query("iam", "eu-west-1"));
        assertThat(e.failure().code(false)).isEqualTo("SignatureDoesNotMatch");
        assertThat(e.failure().status(false)).isEqualTo(403);
        assertThat(e).hasMessage("Credential should be scoped to a valid region, not 'eu-west-1'.");
    }

    @Test
    void sts_takes_the_endpoints_region_and_the_global_endpoints() throws AuthenticationException {
        SigV4Verifier<TestCredential> verifier = serving("eu-west-1");

        assertThat(verifier.verify(query("sts", "eu-west-1")).scope().region()).isEqualTo("eu-west-1");
        assertThat(verifier.verify(query("sts", "us-east-1")).scope().region()).isEqualTo("us-east-1");
        assertThat(refusal(verifier, query("sts", "ap-south-1")))
                .hasMessage("Credential should be scoped to a valid region, not 'ap-south-1'.");
    }

    @Test
    void a_verifier_without_an_endpoint_region_accepts_any() throws AuthenticationException {
        SigV4Verifier<TestCredential> verifier = new SigV4Verifier<>(keys,
                Clock.fixed(SdkSigner.SIGNED_AT, ZoneOffset.UTC));

        assertThat(verifier.verify(s3Get("ap-south-1")).scope().region()).isEqualTo("ap-south-1");
    }

    @Test
    void a_blank_endpoint_region_is_refused() {
        assertThatThrownBy(() -> SigningRegions.serving(" ")).isInstanceOf(IllegalArgumentException.class);
    }
}
