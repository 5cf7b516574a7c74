package dev.warden.examples.objectstore.s3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.warden.examples.objectstore.storage.CannedAcl;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.BucketAlreadyExistsException;
import software.amazon.awssdk.services.s3.model.BucketAlreadyOwnedByYouException;
import software.amazon.awssdk.services.s3.model.BucketCannedACL;
import software.amazon.awssdk.services.s3.model.BucketLocationConstraint;

/**
 * CreateBucket of a name that exists, as S3 answers: its owner in us-east-1 gets 200 and the bucket's ACL reset to
 * the request's (S3's legacy behaviour there); its owner elsewhere {@code BucketAlreadyOwnedByYou}; another account
 * {@code BucketAlreadyExists}.
 */
class S3RecreateBucketTest {

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
    void theOwnerRecreatingAUsEast1BucketGets200AndTheAclAskedForNow() {
        fixture.s3.createBucket(b -> b.bucket("east").acl(BucketCannedACL.PUBLIC_READ));

        int status = fixture.s3.createBucket(b -> b.bucket("east")).sdkHttpResponse().statusCode();

        assertThat(status).isEqualTo(200);
        assertThat(fixture.store.bucket("east").orElseThrow().acl()).isEqualTo(CannedAcl.PRIVATE);
        fixture.s3.createBucket(b -> b.bucket("east").acl(BucketCannedACL.AUTHENTICATED_READ));
        assertThat(fixture.store.bucket("east").orElseThrow().acl()).isEqualTo(CannedAcl.AUTHENTICATED_READ);
    }

    @Test
    void theOwnerRecreatingABucketOutsideUsEast1IsAlreadyOwnedByYou() {
        fixture.s3.createBucket(b -> b.bucket("west").createBucketConfiguration(
                c -> c.locationConstraint(BucketLocationConstraint.EU_WEST_1)));

        assertThatThrownBy(() -> fixture.s3.createBucket(b -> b.bucket("west").createBucketConfiguration(
                c -> c.locationConstraint(BucketLocationConstraint.EU_WEST_1))))
                .isInstanceOfSatisfying(BucketAlreadyOwnedByYouException.class,
                        e -> assertThat(e.statusCode()).isEqualTo(409));
        assertThatThrownBy(() -> fixture.s3.createBucket(b -> b.bucket("west")))
                .isInstanceOf(BucketAlreadyOwnedByYouException.class);
    }

    @Test
    void anotherAccountIsToldTheBucketAlreadyExistsAndChangesNothing() {
        fixture.s3.createBucket(b -> b.bucket("taken").acl(BucketCannedACL.PUBLIC_READ));

        assertThatThrownBy(() -> other.createBucket(b -> b.bucket("taken")))
                .isInstanceOfSatisfying(BucketAlreadyExistsException.class,
                        e -> assertThat(e.statusCode()).isEqualTo(409));
        assertThat(fixture.store.bucket("taken").orElseThrow().acl()).isEqualTo(CannedAcl.PUBLIC_READ);
        assertThat(fixture.store.bucket("taken").orElseThrow().owner()).isEqualTo(S3Fixture.ACCOUNT);
    }
}
