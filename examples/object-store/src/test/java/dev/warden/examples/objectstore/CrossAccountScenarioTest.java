package dev.warden.examples.objectstore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.warden.spi.Principal;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.model.Credentials;

/**
 * Another account (444455556666, a partner) reads the downloads bucket of 111122223333: directly, once the bucket
 * policy names the partner account (and the partner's own policy allows it: both sides must agree); or by assuming
 * a role of 111122223333 whose trust policy names the partner.
 */
class CrossAccountScenarioTest {

    static final String PARTNER = "444455556666";
    static final String PARTNER_READS = """
            {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": ["s3:GetObject", "sts:AssumeRole"],
              "Resource": "*"}]}""";

    @TempDir
    Path dir;
    RunningObjectStore store;
    AwsBasicCredentials partner;

    @BeforeEach
    void start() throws Exception {
        store = new RunningObjectStore(dir);
        store.bucketWith("downloads", "catalog.pdf");
        var warden = store.app.warden();
        warden.iam().createAccount(PARTNER, "partner");
        Principal root = Principal.of("arn:aws:iam::" + PARTNER + ":root");
        warden.iam().call(root, PARTNER, "CreateUser", Map.of("UserName", "buyer"));
        warden.iam().call(root, PARTNER, "PutUserPolicy", Map.of("UserName", "buyer", "PolicyName", "reads",
                "PolicyDocument", PARTNER_READS));
        ObjectNode key = warden.iam().call(root, PARTNER, "CreateAccessKey", Map.of("UserName", "buyer"));
        partner = AwsBasicCredentials.create(key.at("/AccessKey/AccessKeyId").asText(),
                key.at("/AccessKey/SecretAccessKey").asText());
    }

    @AfterEach
    void stop() throws Exception {
        store.close();
    }

    @Test
    void withoutABucketPolicyTheOtherAccountIsDenied() {
        try (S3Client s3 = store.s3(partner)) {
            assertThatThrownBy(() -> s3.getObjectAsBytes(b -> b.bucket("downloads").key("catalog.pdf")))
                    .isInstanceOfSatisfying(S3Exception.class, e -> assertThat(e.statusCode()).isEqualTo(403));
        }
    }

    @Test
    void aBucketPolicyNamingTheAccountLetsItRead() {
        try (S3Client s3 = store.s3(store.admin)) {
            s3.putBucketPolicy(b -> b.bucket("downloads").policy("""
                    {"Version": "2012-10-17", "Statement": [{"Sid": "PartnerReads", "Effect": "Allow",
                      "Principal": {"AWS": "arn:aws:iam::444455556666:root"}, "Action": "s3:GetObject",
                      "Resource": "arn:aws:s3:::downloads/*"}]}"""));
        }
        try (S3Client s3 = store.s3(partner)) {
            assertThat(s3.getObjectAsBytes(b -> b.bucket("downloads").key("catalog.pdf")).asUtf8String())
                    .isEqualTo("catalog.pdf");
        }
    }

    @Test
    void theOtherAccountAssumesARoleTrustingIt() {
        try (IamClient iam = store.iam(store.admin)) {
            iam.createRole(b -> b.roleName("partner-reader").assumeRolePolicyDocument("""
                    {"Version": "2012-10-17", "Statement": [{"Effect": "Allow",
                      "Principal": {"AWS": "arn:aws:iam::444455556666:root"}, "Action": "sts:AssumeRole"}]}"""));
            iam.attachRolePolicy(b -> b.roleName("partner-reader")
                    .policyArn("arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess"));
        }
        Credentials session;
        try (StsClient sts = store.sts(partner)) {
            session = sts.assumeRole(b -> b.roleArn("arn:aws:iam::111122223333:role/partner-reader")
                    .roleSessionName("buyer")).credentials();
        }
        try (S3Client s3 = store.s3(RunningObjectStore.session(session))) {
            assertThat(s3.getObjectAsBytes(b -> b.bucket("downloads").key("catalog.pdf")).asUtf8String())
                    .isEqualTo("catalog.pdf");
        }
    }
}
