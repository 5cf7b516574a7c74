package dev.warden.examples.objectstore.s3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.Bucket;
import software.amazon.awssdk.services.s3.model.BucketLocationConstraint;
import software.amazon.awssdk.services.s3.model.ListBucketsResponse;
import software.amazon.awssdk.services.s3.model.NoSuchBucketException;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * ListBuckets, CreateBucket, HeadBucket, GetBucketLocation and DeleteBucket, with two accounts on one store (creating
 * a bucket that exists: {@link S3RecreateBucketTest}).
 */
class S3BucketOperationsTest {

    private S3Fixture fixture;
    private OtherAccount otherAccount;
    private S3Client other;

    @BeforeEach
    void start() throws Exception {
        fixture = new S3Fixture();
        otherAccount = new OtherAccount(fixture);
        other = otherAccount.s3;
    }

    @AfterEach
    void stop() throws Exception {
        otherAccount.close();
        fixture.close();
    }

    @Test
    void listBucketsShowsOnlyTheCallersBuckets() {
        fixture.s3.createBucket(b -> b.bucket("mine-b"));
        fixture.s3.createBucket(b -> b.bucket("mine-a"));
        other.createBucket(b -> b.bucket("theirs"));

        ListBucketsResponse mine = fixture.s3.listBuckets();

        assertThat(mine.buckets()).extracting(Bucket::name).containsExactly("mine-a", "mine-b");
        assertThat(mine.buckets()).allSatisfy(b -> assertThat(b.creationDate()).isNotNull());
        assertThat(mine.owner().id()).isEqualTo(S3Fixture.ACCOUNT);
        assertThat(other.listBuckets().buckets()).extracting(Bucket::name).containsExactly("theirs");
    }

    @Test
    void headBucketAnswers200Or404() {
        fixture.s3.createBucket(b -> b.bucket("here"));

        assertThat(fixture.s3.headBucket(h -> h.bucket("here")).sdkHttpResponse().statusCode()).isEqualTo(200);
        assertThatThrownBy(() -> fixture.s3.headBucket(h -> h.bucket("gone")))
                .isInstanceOfSatisfying(NoSuchBucketException.class, e -> assertThat(e.statusCode()).isEqualTo(404));
    }

    @Test
    void locationIsEmptyForUsEast1AndTheConstraintOtherwise() {
        fixture.s3.createBucket(b -> b.bucket("east"));
        fixture.s3.createBucket(b -> b.bucket("west").createBucketConfiguration(
                c -> c.locationConstraint(BucketLocationConstraint.EU_WEST_1)));

        assertThat(fixture.s3.getBucketLocation(g -> g.bucket("east")).locationConstraintAsString()).isEmpty();
        assertThat(fixture.s3.getBucketLocation(g -> g.bucket("west")).locationConstraint())
                .isEqualTo(BucketLocationConstraint.EU_WEST_1);
    }

    @Test
    void deleteBucketRefusesANonEmptyBucketThenDeletes() {
        fixture.s3.createBucket(b -> b.bucket("full"));
        fixture.s3.putObject(p -> p.bucket("full").key("k"), RequestBody.fromString("x"));

        assertThatThrownBy(() -> fixture.s3.deleteBucket(d -> d.bucket("full")))
                .isInstanceOfSatisfying(S3Exception.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(409);
                    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("BucketNotEmpty");
                });
        fixture.s3.deleteObject(d -> d.bucket("full").key("k"));
        fixture.s3.deleteBucket(d -> d.bucket("full"));

        assertThat(fixture.s3.listBuckets().buckets()).isEmpty();
        assertThatThrownBy(() -> fixture.s3.deleteBucket(d -> d.bucket("full")))
                .isInstanceOf(NoSuchBucketException.class);
        assertThatThrownBy(() -> fixture.s3.putObject(p -> p.bucket("full").key("k"), RequestBody.fromString("x")))
                .isInstanceOf(NoSuchBucketException.class);
    }
}
