package dev.warden.examples.objectstore.s3;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.model.BucketCannedACL;
import software.amazon.awssdk.services.s3.model.GetObjectAclResponse;
import software.amazon.awssdk.services.s3.model.Grant;
import software.amazon.awssdk.services.s3.model.ObjectCannedACL;
import software.amazon.awssdk.services.s3.model.Type;

/**
 * GetBucketAcl and GetObjectAcl documents as S3 writes them: every Grantee declares {@code xmlns:xsi} and its
 * {@code xsi:type}; a canonical user has its {@code ID} and {@code DisplayName}, a group its {@code URI}; a canned ACL
 * lists the grants S3's canned ACL table gives it, on objects as on buckets.
 */
class S3AclDocumentTest {

    private static final String XSI = "xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\"";

    private final HttpClient http = HttpClient.newHttpClient();
    private S3Fixture fixture;

    @BeforeEach
    void start() throws Exception {
        fixture = new S3Fixture();
        fixture.s3.createBucket(b -> b.bucket("acls").acl(BucketCannedACL.PUBLIC_READ_WRITE));
        fixture.s3.putObject(b -> b.bucket("acls").key("k").acl(ObjectCannedACL.AUTHENTICATED_READ),
                RequestBody.fromString("x"));
    }

    @AfterEach
    void stop() throws Exception {
        fixture.close();
    }

    private String get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(fixture.uri + path)).build(),
                HttpResponse.BodyHandlers.ofString()).body();
    }

    @Test
    void theBucketAclNamesTheOwnerAndEachGroupWithCompleteGrantees() throws Exception {
        String body = get("/acls?acl");

        assertThat(body).contains("<AccessControlPolicy xmlns=\"http://s3.amazonaws.com/doc/2006-03-01/\">"
                + "<Owner><ID>111122223333</ID><DisplayName>111122223333</DisplayName></Owner><AccessControlList>"
                + "<Grant><Grantee " + XSI + " xsi:type=\"CanonicalUser\"><ID>111122223333</ID>"
                + "<DisplayName>111122223333</DisplayName></Grantee><Permission>FULL_CONTROL</Permission></Grant>"
                + "<Grant><Grantee " + XSI + " xsi:type=\"Group\"><URI>http://acs.amazonaws.com/groups/global/AllUsers"
                + "</URI></Grantee><Permission>READ</Permission></Grant>"
                + "<Grant><Grantee " + XSI + " xsi:type=\"Group\"><URI>http://acs.amazonaws.com/groups/global/AllUsers"
                + "</URI></Grantee><Permission>WRITE</Permission></Grant></AccessControlList></AccessControlPolicy>");
    }

    @Test
    void aPublicReadWriteObjectListsBothGrantsAsS3sCannedAclTableDoes() {
        fixture.s3.putObject(b -> b.bucket("acls").key("open").acl(ObjectCannedACL.PUBLIC_READ_WRITE),
                RequestBody.fromString("x"));

        GetObjectAclResponse acl = fixture.s3.getObjectAcl(b -> b.bucket("acls").key("open"));

        assertThat(acl.grants()).extracting(Grant::permissionAsString).containsExactly("FULL_CONTROL", "READ",
                "WRITE");
        assertThat(acl.grants().get(2).grantee().uri()).isEqualTo("http://acs.amazonaws.com/groups/global/AllUsers");
    }

    @Test
    void theObjectAclParsesIntoTheSdksGrantees() {
        GetObjectAclResponse acl = fixture.s3.getObjectAcl(b -> b.bucket("acls").key("k"));

        assertThat(acl.owner().id()).isEqualTo("111122223333");
        assertThat(acl.grants()).extracting(Grant::permissionAsString).containsExactly("FULL_CONTROL", "READ");
        assertThat(acl.grants().get(0).grantee().type()).isEqualTo(Type.CANONICAL_USER);
        assertThat(acl.grants().get(0).grantee().id()).isEqualTo("111122223333");
        assertThat(acl.grants().get(0).grantee().displayName()).isEqualTo("111122223333");
        assertThat(acl.grants().get(1).grantee().type()).isEqualTo(Type.GROUP);
        assertThat(acl.grants().get(1).grantee().uri())
                .isEqualTo("http://acs.amazonaws.com/groups/global/AuthenticatedUsers");
    }
}
