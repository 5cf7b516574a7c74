package dev.warden.examples.objectstore.s3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.model.CopyObjectResponse;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.MetadataDirective;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;

/** CopyObject: across buckets, metadata copied or replaced, special keys, and S3's refusals. */
class S3CopyObjectTest {

    private S3Fixture fixture;

    @BeforeEach
    void start() throws Exception {
        fixture = new S3Fixture();
        fixture.s3.createBucket(b -> b.bucket("from"));
        fixture.s3.createBucket(b -> b.bucket("target"));
        fixture.s3.putObject(p -> p.bucket("from").key("dir/a b+c%.txt").contentType("text/plain")
                .metadata(Map.of("kind", "seed")), RequestBody.fromString("payload"));
    }

    @AfterEach
    void stop() throws Exception {
        fixture.close();
    }

    @Test
    void copyKeepsBytesAndMetadataByDefault() {
        CopyObjectResponse copied = fixture.s3.copyObject(c -> c.sourceBucket("from").sourceKey("dir/a b+c%.txt")
                .destinationBucket("target").destinationKey("copy/ü"));

        var got = fixture.s3.getObjectAsBytes(g -> g.bucket("target").key("copy/ü"));
        assertThat(got.asUtf8String()).isEqualTo("payload");
        assertThat(got.response().metadata()).containsEntry("kind", "seed");
        assertThat(got.response().contentType()).isEqualTo("text/plain");
        assertThat(copied.copyObjectResult().eTag()).isEqualTo(got.response().eTag());
        assertThat(copied.copyObjectResult().lastModified()).isNotNull();
    }

    @Test
    void replaceDirectiveTakesTheRequestsMetadata() {
        fixture.s3.copyObject(c -> c.sourceBucket("from").sourceKey("dir/a b+c%.txt").destinationBucket("from")
                .destinationKey("dir/a b+c%.txt").metadataDirective(MetadataDirective.REPLACE)
                .contentType("text/csv").metadata(Map.of("kind", "replaced")));

        GetObjectResponse got = fixture.s3.getObjectAsBytes(g -> g.bucket("from").key("dir/a b+c%.txt")).response();
        assertThat(got.metadata()).containsExactly(Map.entry("kind", "replaced"));
        assertThat(got.contentType()).isEqualTo("text/csv");
    }

    @Test
    void copyOntoItselfWithoutChangesIsInvalidRequest() {
        assertThatThrownBy(() -> fixture.s3.copyObject(c -> c.sourceBucket("from").sourceKey("dir/a b+c%.txt")
                .destinationBucket("from").destinationKey("dir/a b+c%.txt")))
                .isInstanceOfSatisfying(S3Exception.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(400);
                    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InvalidRequest");
                });
    }

    @Test
    void missingSourceIsNoSuchKey() {
        assertThatThrownBy(() -> fixture.s3.copyObject(c -> c.sourceBucket("from").sourceKey("nope")
                .destinationBucket("target").destinationKey("x"))).isInstanceOf(NoSuchKeyException.class);
    }
}
