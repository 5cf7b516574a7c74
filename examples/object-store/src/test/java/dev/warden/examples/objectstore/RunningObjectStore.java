package dev.warden.examples.objectstore;

import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import software.amazon.awssdk.auth.credentials.AnonymousCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.AttachUserPolicyRequest;
import software.amazon.awssdk.services.iam.model.CreateAccessKeyResponse;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.model.Credentials;

/**
 * The object store started as its main does (file store, data folder, shipped route table), on 127.0.0.1 with an
 * ephemeral port; and AWS SDK for Java v2 clients for it with the SDK's default settings (aws-chunked signed uploads
 * with trailing checksums, response checksum validation), except path-style addressing.
 */
final class RunningObjectStore implements AutoCloseable {

    final ObjectStoreApp app;
    final AwsBasicCredentials admin;

    RunningObjectStore(Path dir) throws Exception {
        this(dir, Clock.systemUTC());
    }

    RunningObjectStore(Path dir, Clock clock) throws Exception {
        app = ObjectStoreApp.start(new ObjectStoreApp.Options("127.0.0.1", 0, dir.resolve("store"),
                dir.resolve("data"), null, clock));
        FirstStart.AdminKey key = app.createdAdmin().orElseThrow();
        admin = AwsBasicCredentials.create(key.accessKeyId(), key.secretAccessKey());
    }

    URI uri() {
        return app.uri();
    }

    S3Client s3(AwsCredentials credentials) {
        return s3(StaticCredentialsProvider.create(credentials));
    }

    S3Client anonymousS3() {
        return s3(AnonymousCredentialsProvider.create());
    }

    S3Client s3(AwsCredentialsProvider credentials) {
        return S3Client.builder().endpointOverride(uri()).region(Region.US_EAST_1).forcePathStyle(true)
                .credentialsProvider(credentials).httpClient(UrlConnectionHttpClient.create()).build();
    }

    S3Presigner presigner(AwsCredentials credentials) {
        return S3Presigner.builder().endpointOverride(uri()).region(Region.US_EAST_1)
                .serviceConfiguration(software.amazon.awssdk.services.s3.S3Configuration.builder()
                        .pathStyleAccessEnabled(true).build())
                .credentialsProvider(StaticCredentialsProvider.create(credentials)).build();
    }

    IamClient iam(AwsCredentials credentials) {
        return IamClient.builder().endpointOverride(uri()).region(Region.AWS_GLOBAL)
                .credentialsProvider(StaticCredentialsProvider.create(credentials))
                .httpClient(UrlConnectionHttpClient.create()).build();
    }

    StsClient sts(AwsCredentials credentials) {
        return StsClient.builder().endpointOverride(uri()).region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(credentials))
                .httpClient(UrlConnectionHttpClient.create()).build();
    }

    /** A new user made through the IAM endpoint by the admin, with {@code managedPolicies} attached and a key. */
    AwsBasicCredentials user(String name, String... managedPolicies) {
        try (IamClient iam = iam(admin)) {
            iam.createUser(b -> b.userName(name));
            for (String arn : managedPolicies) {
                iam.attachUserPolicy(AttachUserPolicyRequest.builder().userName(name).policyArn(arn).build());
            }
            CreateAccessKeyResponse key = iam.createAccessKey(b -> b.userName(name));
            return AwsBasicCredentials.create(key.accessKey().accessKeyId(), key.accessKey().secretAccessKey());
        }
    }

    /** A new user made through the IAM endpoint by the admin, with {@code policy} as its inline policy and a key. */
    AwsBasicCredentials userWithPolicy(String name, String policy) {
        AwsBasicCredentials credentials = user(name);
        try (IamClient iam = iam(admin)) {
            iam.putUserPolicy(b -> b.userName(name).policyName(name + "-policy").policyDocument(policy));
        }
        return credentials;
    }

    static AwsSessionCredentials session(Credentials credentials) {
        return AwsSessionCredentials.create(credentials.accessKeyId(), credentials.secretAccessKey(),
                credentials.sessionToken());
    }

    /** Makes {@code bucket} as the admin and puts {@code keys} into it (each holding its own name). */
    void bucketWith(String bucket, String... keys) {
        try (S3Client s3 = s3(admin)) {
            s3.createBucket(b -> b.bucket(bucket));
            for (String key : keys) {
                s3.putObject(b -> b.bucket(bucket).key(key), RequestBody.fromString(key));
            }
        }
    }

    @Override
    public void close() throws Exception {
        app.close();
    }
}
