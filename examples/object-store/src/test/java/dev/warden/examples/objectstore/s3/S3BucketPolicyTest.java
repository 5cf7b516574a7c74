package dev.warden.examples.objectstore.s3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.s3.model.S3Exception;

/** Put/Get/DeleteBucketPolicy: stored verbatim, validated by Warden's parser, S3's errors. */
class S3BucketPolicyTest {

    static final String POLICY = """
            {
              "Version": "2012-10-17",
              "Statement": [{
                "Sid": "PublicDownloads",
                "Effect": "Allow",
                "Principal": "*",
                "Action": "s3:GetObject",
                "Resource": "arn:aws:s3:::seeds/public/*"
              }]
            }""";

    private S3Fixture fixture;

    @BeforeEach
    void start() throws Exception {
        fixture = new S3Fixture();
        fixture.s3.createBucket(b -> b.bucket("seeds"));
    }

    @AfterEach
    void stop() throws Exception {
        fixture.close();
    }

    @Test
    void policyRoundTripsVerbatim() {
        fixture.s3.putBucketPolicy(p -> p.bucket("seeds").policy(POLICY));

        assertThat(fixture.s3.getBucketPolicy(g -> g.bucket("seeds")).policy()).isEqualTo(POLICY);
        assertThat(fixture.store.bucket("seeds").orElseThrow().policy()).isEqualTo(POLICY);
    }

    @Test
    void deletedOrNeverSetPolicyIsNoSuchBucketPolicy() {
        assertThatThrownBy(() -> fixture.s3.getBucketPolicy(g -> g.bucket("seeds")))
                .isInstanceOfSatisfying(S3Exception.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(404);
                    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("NoSuchBucketPolicy");
                });
        fixture.s3.putBucketPolicy(p -> p.bucket("seeds").policy(POLICY));

        fixture.s3.deleteBucketPolicy(d -> d.bucket("seeds"));

        assertThatThrownBy(() -> fixture.s3.getBucketPolicy(g -> g.bucket("seeds")))
                .isInstanceOfSatisfying(S3Exception.class, e -> assertThat(e.awsErrorDetails().errorCode())
                        .isEqualTo("NoSuchBucketPolicy"));
    }

    @Test
    void malformedPolicyIsRefusedWithTheParsersReason() {
        String noPrincipal = POLICY.replace("\"Principal\": \"*\",", "");

        assertThatThrownBy(() -> fixture.s3.putBucketPolicy(p -> p.bucket("seeds").policy(noPrincipal)))
                .isInstanceOfSatisfying(S3Exception.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(400);
                    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("MalformedPolicy");
                    assertThat(e.awsErrorDetails().errorMessage()).contains("/Statement/0");
                });
        assertThatThrownBy(() -> fixture.s3.putBucketPolicy(p -> p.bucket("seeds").policy("{not json")))
                .isInstanceOfSatisfying(S3Exception.class, e -> assertThat(e.awsErrorDetails().errorCode())
                        .isEqualTo("MalformedPolicy"));
        assertThat(fixture.store.bucket("seeds").orElseThrow().policy()).isNull();
    }

    @Test
    void policyNamingAnotherBucketIsMalformedPolicy() {
        assertThatThrownBy(() -> fixture.s3.putBucketPolicy(p -> p.bucket("seeds")
                .policy(POLICY.replace("arn:aws:s3:::seeds/", "arn:aws:s3:::other/"))))
                .isInstanceOfSatisfying(S3Exception.class, e -> assertThat(e.awsErrorDetails().errorMessage())
                        .isEqualTo("Policy has invalid resource"));
    }
}
