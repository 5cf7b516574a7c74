package dev.warden.examples.objectstore.s3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.ResponseBytes;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * GetObject and HeadObject with {@code partNumber}: a multipart object answers that part's bytes as a 206 with its
 * Content-Range and {@code x-amz-mp-parts-count}; an object written whole is its own part 1; any other part is 416
 * {@code InvalidPartNumber}; a part number beside a Range, or outside 1 to 10,000, is refused.
 */
class S3GetObjectPartTest {

    private static final int FIVE_MIB = 5 * 1024 * 1024;

    private final HttpClient http = HttpClient.newHttpClient();
    private S3Fixture fixture;
    private byte[] first;
    private byte[] second;

    @BeforeEach
    void start() throws Exception {
        fixture = new S3Fixture();
        fixture.s3.createBucket(b -> b.bucket("parts"));
        first = new byte[FIVE_MIB];
        Arrays.fill(first, (byte) 'a');
        second = "the last part".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        String upload = fixture.s3.createMultipartUpload(b -> b.bucket("parts").key("two")).uploadId();
        String one = fixture.s3.uploadPart(b -> b.bucket("parts").key("two").uploadId(upload).partNumber(1),
                RequestBody.fromBytes(first)).eTag();
        String two = fixture.s3.uploadPart(b -> b.bucket("parts").key("two").uploadId(upload).partNumber(2),
                RequestBody.fromBytes(second)).eTag();
        fixture.s3.completeMultipartUpload(b -> b.bucket("parts").key("two").uploadId(upload).multipartUpload(m ->
                m.parts(List.of(CompletedPart.builder().partNumber(1).eTag(one).build(),
                        CompletedPart.builder().partNumber(2).eTag(two).build()))));
        fixture.s3.putObject(b -> b.bucket("parts").key("whole"), RequestBody.fromString("written whole"));
    }

    @AfterEach
    void stop() throws Exception {
        fixture.close();
    }

    @Test
    void eachPartOfAMultipartObjectIsA206OfItsBytes() {
        ResponseBytes<GetObjectResponse> part2 = fixture.s3.getObjectAsBytes(b -> b.bucket("parts").key("two")
                .partNumber(2));

        assertThat(part2.asByteArray()).isEqualTo(second);
        assertThat(part2.response().partsCount()).isEqualTo(2);
        assertThat(part2.response().contentRange()).isEqualTo("bytes " + FIVE_MIB + "-"
                + (FIVE_MIB + second.length - 1) + "/" + (FIVE_MIB + second.length));
        assertThat(part2.response().eTag()).endsWith("-2\"");
        assertThat(fixture.s3.getObjectAsBytes(b -> b.bucket("parts").key("two").partNumber(1)).asByteArray())
                .isEqualTo(first);
        HeadObjectResponse head = fixture.s3.headObject(b -> b.bucket("parts").key("two").partNumber(1));
        assertThat(head.contentLength()).isEqualTo(FIVE_MIB);
        assertThat(head.partsCount()).isEqualTo(2);
    }

    @Test
    void anObjectWrittenWholeIsItsOwnPartOne() throws Exception {
        HttpResponse<String> response = get("/parts/whole?partNumber=1", null);

        assertThat(response.statusCode()).isEqualTo(206);
        assertThat(response.body()).isEqualTo("written whole");
        assertThat(response.headers().firstValue("Content-Range")).hasValue("bytes 0-12/13");
        assertThat(response.headers().firstValue("x-amz-mp-parts-count")).isEmpty();
    }

    @Test
    void aPartTheObjectDoesNotHaveIsInvalidPartNumber() throws Exception {
        HttpResponse<String> response = get("/parts/two?partNumber=3", null);

        assertThat(response.statusCode()).isEqualTo(416);
        assertThat(response.body()).contains("<Code>InvalidPartNumber</Code>",
                "<Message>The requested partnumber is not satisfiable</Message>",
                "<PartNumberRequested>3</PartNumberRequested><ActualPartCount>2</ActualPartCount>");
        assertThatThrownBy(() -> fixture.s3.getObjectAsBytes(b -> b.bucket("parts").key("whole").partNumber(2)))
                .isInstanceOfSatisfying(S3Exception.class, e -> assertThat(e.statusCode()).isEqualTo(416));
    }

    @Test
    void aPartNumberBesideARangeOrOutOfBoundsIsRefused() throws Exception {
        HttpResponse<String> withRange = get("/parts/two?partNumber=1", "bytes=0-9");
        HttpResponse<String> zero = get("/parts/two?partNumber=0", null);

        assertThat(withRange.statusCode()).isEqualTo(400);
        assertThat(withRange.body()).contains("<Code>InvalidRequest</Code>",
                "<Message>Cannot specify both Range header and partNumber query parameter</Message>");
        assertThat(zero.statusCode()).isEqualTo(400);
        assertThat(zero.body()).contains("<Code>InvalidArgument</Code>",
                "<ArgumentName>partNumber</ArgumentName><ArgumentValue>0</ArgumentValue>");
    }

    private HttpResponse<String> get(String path, String range) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(fixture.uri + path));
        if (range != null) {
            request.header("Range", range);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
