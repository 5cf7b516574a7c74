package dev.warden.examples.objectstore.s3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * CompleteMultipartUpload as S3 takes it: a single part of any size (only parts before the last need 5 MiB), a part
 * number sent again replaces the earlier upload of that number (the last one wins, and only its ETag completes), and
 * ETags are taken with or without their quotes.
 */
class S3MultipartResendAndSinglePartTest {

    private S3Fixture fixture;

    @BeforeEach
    void start() throws Exception {
        fixture = new S3Fixture();
        fixture.s3.createBucket(b -> b.bucket("uploads"));
    }

    @AfterEach
    void stop() throws Exception {
        fixture.close();
    }

    private String etagOf(String key, String uploadId, int number, String body) {
        return fixture.s3.uploadPart(u -> u.bucket("uploads").key(key).uploadId(uploadId).partNumber(number),
                RequestBody.fromString(body)).eTag();
    }

    private void complete(String key, String uploadId, String etag) {
        fixture.s3.completeMultipartUpload(c -> c.bucket("uploads").key(key).uploadId(uploadId)
                .multipartUpload(m -> m.parts(List.of(CompletedPart.builder().partNumber(1).eTag(etag).build()))));
    }

    @Test
    void aSingleSmallPartCompletesIntoTheObject() {
        String upload = fixture.s3.createMultipartUpload(b -> b.bucket("uploads").key("tiny")).uploadId();
        String etag = etagOf("tiny", upload, 1, "ten bytes!");

        complete("tiny", upload, etag);

        assertThat(fixture.s3.getObjectAsBytes(b -> b.bucket("uploads").key("tiny")).asUtf8String())
                .isEqualTo("ten bytes!");
        assertThat(fixture.s3.headObject(b -> b.bucket("uploads").key("tiny")).eTag()).endsWith("-1\"");
    }

    @Test
    void aPartSentAgainReplacesTheEarlierOneAndOnlyItsEtagCompletes() {
        String upload = fixture.s3.createMultipartUpload(b -> b.bucket("uploads").key("resent")).uploadId();
        String first = etagOf("resent", upload, 1, "first attempt");
        String second = etagOf("resent", upload, 1, "second attempt");

        assertThat(fixture.s3.listParts(b -> b.bucket("uploads").key("resent").uploadId(upload)).parts())
                .singleElement().satisfies(p -> assertThat(p.eTag()).isEqualTo(second));
        assertThatThrownBy(() -> complete("resent", upload, first))
                .isInstanceOfSatisfying(S3Exception.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(400);
                    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InvalidPart");
                });
        complete("resent", upload, second.replace("\"", ""));

        assertThat(fixture.s3.getObjectAsBytes(b -> b.bucket("uploads").key("resent")).asUtf8String())
                .isEqualTo("second attempt");
    }
}
