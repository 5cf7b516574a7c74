package dev.warden.examples.objectstore.s3;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;

/**
 * The tests' client configuration sends bodies as they are: no {@code aws-chunked} framing (which WardenFilter
 * decodes in production, and nothing decodes here). If the SDK started framing them, the stored bytes would differ.
 */
class S3ClientSendsPlainBodiesTest {

    private S3Fixture fixture;

    @BeforeEach
    void start() throws Exception {
        fixture = new S3Fixture();
        fixture.s3.createBucket(b -> b.bucket("plain"));
    }

    @AfterEach
    void stop() throws Exception {
        fixture.close();
    }

    @Test
    void putObjectArrivesWithoutAwsChunkedFraming() {
        fixture.s3.putObject(p -> p.bucket("plain").key("k"), RequestBody.fromString("hello, world"));

        assertThat(fixture.contentEncodings).noneMatch(e -> e.contains("aws-chunked"));
        assertThat(fixture.s3.getObjectAsBytes(g -> g.bucket("plain").key("k")).asUtf8String())
                .isEqualTo("hello, world");
    }
}
