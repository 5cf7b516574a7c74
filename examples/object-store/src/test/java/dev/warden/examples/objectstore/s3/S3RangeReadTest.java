package dev.warden.examples.objectstore.s3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.ResponseBytes;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.S3Exception;

/** GetObject's Range header: 206 with Content-Range, 416 InvalidRange, multiple ranges ignored as S3 does. */
class S3RangeReadTest {

    private static final String BODY = "0123456789abcdefghij";

    private S3Fixture fixture;

    @BeforeEach
    void start() throws Exception {
        fixture = new S3Fixture();
        fixture.s3.createBucket(b -> b.bucket("ranges"));
        fixture.s3.putObject(p -> p.bucket("ranges").key("digits"), RequestBody.fromString(BODY));
    }

    @AfterEach
    void stop() throws Exception {
        fixture.close();
    }

    private ResponseBytes<GetObjectResponse> get(String range) {
        return fixture.s3.getObjectAsBytes(g -> g.bucket("ranges").key("digits").range(range));
    }

    @Test
    void closedRangeIsServedWithContentRange() {
        ResponseBytes<GetObjectResponse> part = get("bytes=2-5");

        assertThat(part.asUtf8String()).isEqualTo("2345");
        assertThat(part.response().contentRange()).isEqualTo("bytes 2-5/20");
        assertThat(part.response().contentLength()).isEqualTo(4);
    }

    @Test
    void openAndSuffixRangesAreServed() {
        assertThat(get("bytes=15-").asUtf8String()).isEqualTo("fghij");
        assertThat(get("bytes=-3").asUtf8String()).isEqualTo("hij");
        assertThat(get("bytes=-100").asUtf8String()).isEqualTo(BODY);
        assertThat(get("bytes=18-1000").response().contentRange()).isEqualTo("bytes 18-19/20");
    }

    @Test
    void rangeStartingPastTheEndIsInvalidRange() {
        assertThatThrownBy(() -> get("bytes=20-30")).isInstanceOfSatisfying(S3Exception.class, e -> {
            assertThat(e.statusCode()).isEqualTo(416);
            assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InvalidRange");
        });
    }

    @Test
    void multipleRangesAreIgnoredAndTheWholeObjectSent() {
        ResponseBytes<GetObjectResponse> all = get("bytes=0-1,4-5");

        assertThat(all.asUtf8String()).isEqualTo(BODY);
        assertThat(all.response().contentRange()).isNull();
    }

    @Test
    void conditionalGetsAnswer304And412() {
        String etag = fixture.s3.headObject(h -> h.bucket("ranges").key("digits")).eTag();

        assertThatThrownBy(() -> fixture.s3.getObjectAsBytes(g -> g.bucket("ranges").key("digits")
                .ifNoneMatch(etag))).isInstanceOfSatisfying(S3Exception.class,
                        e -> assertThat(e.statusCode()).isEqualTo(304));
        assertThatThrownBy(() -> fixture.s3.getObjectAsBytes(g -> g.bucket("ranges").key("digits")
                .ifMatch("\"other\""))).isInstanceOfSatisfying(S3Exception.class,
                        e -> assertThat(e.statusCode()).isEqualTo(412));
        assertThat(fixture.s3.getObjectAsBytes(g -> g.bucket("ranges").key("digits").ifMatch(etag))
                .asUtf8String()).isEqualTo(BODY);
    }
}
