package dev.warden.examples.objectstore.s3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.model.DeleteObjectsResponse;
import software.amazon.awssdk.services.s3.model.DeletedObject;
import software.amazon.awssdk.services.s3.model.ObjectIdentifier;
import software.amazon.awssdk.services.s3.model.S3Error;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.S3Object;

/** DeleteObjects: every key authorized on its own, denied keys reported as AccessDenied, quiet mode, the limit. */
class S3DeleteObjectsTest {

    private final List<String> checked = new CopyOnWriteArrayList<>();
    private S3Fixture fixture;

    @BeforeEach
    void start() throws Exception {
        fixture = new S3Fixture(new S3Access() {
            @Override
            public String callerAccount(HttpServletRequest request) {
                return S3Fixture.ACCOUNT;
            }

            @Override
            public boolean allowed(HttpServletRequest request, String action, String resourceArn) {
                checked.add(action + " " + resourceArn);
                return !resourceArn.contains("/keep/");
            }
        });
        fixture.s3.createBucket(b -> b.bucket("batch"));
        for (String key : List.of("a", "b c", "keep/x")) {
            fixture.s3.putObject(p -> p.bucket("batch").key(key), RequestBody.fromString(key));
        }
    }

    @AfterEach
    void stop() throws Exception {
        fixture.close();
    }

    private DeleteObjectsResponse delete(boolean quiet, String... keys) {
        List<ObjectIdentifier> ids = new ArrayList<>();
        for (String key : keys) {
            ids.add(ObjectIdentifier.builder().key(key).build());
        }
        return fixture.s3.deleteObjects(d -> d.bucket("batch").delete(x -> x.objects(ids).quiet(quiet)));
    }

    @Test
    void eachKeyIsCheckedAndDeniedKeysAreReportedAsAccessDenied() {
        DeleteObjectsResponse response = delete(false, "a", "b c", "keep/x", "missing");

        assertThat(response.deleted()).extracting(DeletedObject::key).containsExactly("a", "b c", "missing");
        assertThat(response.errors()).extracting(S3Error::key, S3Error::code)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("keep/x", "AccessDenied"));
        assertThat(checked).contains("s3:DeleteObject arn:aws:s3:::batch/a", "s3:DeleteObject arn:aws:s3:::batch/b c",
                "s3:DeleteObject arn:aws:s3:::batch/keep/x");
        assertThat(fixture.s3.listObjectsV2(l -> l.bucket("batch")).contents()).extracting(S3Object::key)
                .containsExactly("keep/x");
    }

    @Test
    void quietModeReportsOnlyErrors() {
        DeleteObjectsResponse response = delete(true, "a", "keep/x");

        assertThat(response.deleted()).isEmpty();
        assertThat(response.errors()).extracting(S3Error::key).containsExactly("keep/x");
    }

    @Test
    void moreThanAThousandKeysIsMalformedXml() {
        String[] keys = new String[1001];
        for (int i = 0; i < keys.length; i++) {
            keys[i] = "k" + i;
        }

        assertThatThrownBy(() -> delete(false, keys)).isInstanceOfSatisfying(S3Exception.class,
                e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("MalformedXML"));
    }
}
