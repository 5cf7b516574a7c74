package dev.warden.examples.objectstore.s3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.warden.examples.objectstore.storage.CannedAcl;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.model.BucketCannedACL;
import software.amazon.awssdk.services.s3.model.GetBucketAclResponse;
import software.amazon.awssdk.services.s3.model.GetObjectAclResponse;
import software.amazon.awssdk.services.s3.model.Grant;
import software.amazon.awssdk.services.s3.model.ObjectCannedACL;
import software.amazon.awssdk.services.s3.model.Permission;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.Type;

/** Canned ACLs: set with x-amz-acl on create and put, or PUT ?acl; shown as grants by GET ?acl. */
class S3CannedAclTest {

    private static final String ALL_USERS = "http://acs.amazonaws.com/groups/global/AllUsers";

    private S3Fixture fixture;

    @BeforeEach
    void start() throws Exception {
        fixture = new S3Fixture();
        fixture.s3.createBucket(b -> b.bucket("acl").acl(BucketCannedACL.PUBLIC_READ));
    }

    @AfterEach
    void stop() throws Exception {
        fixture.close();
    }

    @Test
    void publicReadBucketGrantsAllUsersReadBesideTheOwner() {
        GetBucketAclResponse acl = fixture.s3.getBucketAcl(g -> g.bucket("acl"));

        assertThat(acl.owner().id()).isEqualTo(S3Fixture.ACCOUNT);
        assertThat(acl.grants()).hasSize(2);
        Grant owner = acl.grants().get(0);
        assertThat(owner.grantee().type()).isEqualTo(Type.CANONICAL_USER);
        assertThat(owner.grantee().id()).isEqualTo(S3Fixture.ACCOUNT);
        assertThat(owner.permission()).isEqualTo(Permission.FULL_CONTROL);
        Grant everyone = acl.grants().get(1);
        assertThat(everyone.grantee().type()).isEqualTo(Type.GROUP);
        assertThat(everyone.grantee().uri()).isEqualTo(ALL_USERS);
        assertThat(everyone.permission()).isEqualTo(Permission.READ);
    }

    @Test
    void objectAclIsSetOnPutAndChangedWithPutObjectAcl() throws Exception {
        fixture.s3.putObject(p -> p.bucket("acl").key("k").acl(ObjectCannedACL.PUBLIC_READ),
                RequestBody.fromString("x"));
        assertThat(fixture.s3.getObjectAcl(g -> g.bucket("acl").key("k")).grants()).hasSize(2);

        fixture.s3.putObjectAcl(p -> p.bucket("acl").key("k").acl(ObjectCannedACL.PRIVATE));

        GetObjectAclResponse acl = fixture.s3.getObjectAcl(g -> g.bucket("acl").key("k"));
        assertThat(acl.grants()).singleElement().extracting(Grant::permission).isEqualTo(Permission.FULL_CONTROL);
        assertThat(fixture.store.find("acl", "k").orElseThrow().headers().acl()).isEqualTo(CannedAcl.PRIVATE);
    }

    @Test
    void putBucketAclReplacesTheCannedAcl() {
        fixture.s3.putBucketAcl(p -> p.bucket("acl").acl(BucketCannedACL.AUTHENTICATED_READ));

        assertThat(fixture.s3.getBucketAcl(g -> g.bucket("acl")).grants().get(1).grantee().uri())
                .isEqualTo("http://acs.amazonaws.com/groups/global/AuthenticatedUsers");
    }

    @Test
    void unknownCannedAclIsInvalidArgumentAndUnsupportedOnesNotImplemented() {
        assertThatThrownBy(() -> fixture.s3.putObject(p -> p.bucket("acl").key("k").acl("everyone-may"),
                RequestBody.fromString("x"))).isInstanceOfSatisfying(S3Exception.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(400);
                    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InvalidArgument");
                });
        assertThatThrownBy(() -> fixture.s3.putObject(p -> p.bucket("acl").key("k")
                .acl(ObjectCannedACL.BUCKET_OWNER_FULL_CONTROL), RequestBody.fromString("x")))
                .isInstanceOfSatisfying(S3Exception.class, e -> assertThat(e.statusCode()).isEqualTo(501));
    }
}
