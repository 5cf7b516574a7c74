package dev.warden.examples.objectstore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.warden.core.auth.mfa.Base32;
import dev.warden.core.auth.mfa.Totp;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.VirtualMFADevice;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.model.Credentials;

/**
 * The seeds' MFA rule: anyone with write access may upload, but deleting needs a session signed in with MFA
 * ({@code aws:MultiFactorAuthPresent}), obtained with {@code sts get-session-token --serial-number --token-code}.
 */
class MfaDeleteScenarioTest {

    static final String DELETE_ONLY_WITH_MFA = """
            {"Version": "2012-10-17", "Statement": [
              {"Sid": "ReadWrite", "Effect": "Allow", "Action": ["s3:GetObject", "s3:PutObject", "s3:DeleteObject",
                 "s3:ListBucket"], "Resource": ["arn:aws:s3:::downloads", "arn:aws:s3:::downloads/*"]},
              {"Sid": "DeleteOnlyWithMfa", "Effect": "Deny", "Action": "s3:DeleteObject",
               "Resource": "arn:aws:s3:::downloads/*",
               "Condition": {"BoolIfExists": {"aws:MultiFactorAuthPresent": "false"}}}]}""";

    @TempDir
    Path dir;
    RunningObjectStore store;
    AwsBasicCredentials editor;
    String serial;
    String seed;

    @BeforeEach
    void start() throws Exception {
        store = new RunningObjectStore(dir);
        store.bucketWith("downloads", "old.zip", "older.zip");
        editor = store.user("editor");
        try (IamClient iam = store.iam(store.admin)) {
            iam.putUserPolicy(b -> b.userName("editor").policyName("downloads").policyDocument(DELETE_ONLY_WITH_MFA));
            VirtualMFADevice device = iam.createVirtualMFADevice(b -> b.virtualMFADeviceName("editor-phone"))
                    .virtualMFADevice();
            serial = device.serialNumber();
            seed = device.base32StringSeed().asUtf8String();
            Instant now = Instant.now();
            iam.enableMFADevice(b -> b.userName("editor").serialNumber(serial)
                    .authenticationCode1(code(now.minusSeconds(60))).authenticationCode2(code(now.minusSeconds(30))));
        }
    }

    @AfterEach
    void stop() throws Exception {
        store.close();
    }

    @Test
    void aDeleteWithTheLongTermKeyIsDeniedByTheMfaRule() {
        try (S3Client s3 = store.s3(editor)) {
            assertThatThrownBy(() -> s3.deleteObject(b -> b.bucket("downloads").key("old.zip")))
                    .isInstanceOfSatisfying(S3Exception.class, e -> {
                        assertThat(e.statusCode()).isEqualTo(403);
                        assertThat(e.awsErrorDetails().errorMessage()).contains("s3:DeleteObject",
                                "with an explicit deny in an identity-based policy");
                    });
            assertThat(s3.getObjectAsBytes(b -> b.bucket("downloads").key("old.zip")).asUtf8String())
                    .isEqualTo("old.zip");
        }
    }

    @Test
    void aSessionSignedInWithMfaDeletes() {
        Credentials session;
        try (StsClient sts = store.sts(editor)) {
            session = sts.getSessionToken(b -> b.serialNumber(serial).tokenCode(code(Instant.now()))).credentials();
        }
        try (S3Client s3 = store.s3(RunningObjectStore.session(session))) {
            s3.deleteObject(b -> b.bucket("downloads").key("old.zip"));
            assertThat(s3.listObjectsV2(b -> b.bucket("downloads")).contents()).extracting(o -> o.key())
                    .containsExactly("older.zip");
        }
    }

    @Test
    void aSessionWithoutMfaIsStillDenied() {
        Credentials session;
        try (StsClient sts = store.sts(editor)) {
            session = sts.getSessionToken().credentials();
        }
        try (S3Client s3 = store.s3(RunningObjectStore.session(session))) {
            assertThatThrownBy(() -> s3.deleteObject(b -> b.bucket("downloads").key("old.zip")))
                    .isInstanceOfSatisfying(S3Exception.class, e -> assertThat(e.statusCode()).isEqualTo(403));
        }
    }

    @Test
    void aBatchDeleteIsDecidedKeyByKey() {
        try (IamClient iam = store.iam(store.admin)) {
            iam.putUserPolicy(b -> b.userName("editor").policyName("scratch").policyDocument("""
                    {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:DeleteObject",
                      "Resource": "arn:aws:s3:::scratch/tmp/*"}]}"""));
        }
        store.bucketWith("scratch", "tmp/a.log", "keep/b.log");
        try (S3Client s3 = store.s3(editor)) {
            var result = s3.deleteObjects(b -> b.bucket("scratch").delete(d -> d.objects(
                    o -> o.key("tmp/a.log"), o -> o.key("keep/b.log"))));
            assertThat(result.deleted()).extracting(o -> o.key()).containsExactly("tmp/a.log");
            assertThat(result.errors()).singleElement().satisfies(e -> {
                assertThat(e.key()).isEqualTo("keep/b.log");
                assertThat(e.code()).isEqualTo("AccessDenied");
            });
        }
        try (S3Client s3 = store.s3(store.admin)) {
            assertThat(s3.listObjectsV2(b -> b.bucket("scratch")).contents()).extracting(o -> o.key())
                    .containsExactly("keep/b.log");
        }
    }

    private String code(Instant at) {
        return Totp.AWS.generate(Base32.decode(seed), at);
    }
}
