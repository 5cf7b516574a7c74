package dev.warden.examples.objectstore.s3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.core.ResponseBytes;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.PutObjectResponse;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * PutObject, GetObject, HeadObject and DeleteObject through the AWS SDK, including keys that are not file names.
 * (Keys with {@code .} or {@code ..} segments never reach the servlet: the route table refuses their paths as
 * {@code InvalidURI}, and the storage keeps them inside the store, see {@code DotSegmentKeysStayInTheStoreTest}.)
 */
class S3ObjectRoundTripTest {

    private S3Fixture fixture;

    @BeforeEach
    void start() throws Exception {
        fixture = new S3Fixture();
        fixture.s3.createBucket(b -> b.bucket("objects"));
    }

    @AfterEach
    void stop() throws Exception {
        fixture.close();
    }

    @Test
    void objectComesBackWithItsHeadersMetadataAndMd5Etag() throws Exception {
        byte[] body = "seed catalogue 2024".getBytes(StandardCharsets.UTF_8);
        PutObjectResponse put = fixture.s3.putObject(p -> p.bucket("objects").key("catalogue.txt")
                        .contentType("text/plain; charset=utf-8").contentDisposition("attachment")
                        .cacheControl("max-age=60").contentLanguage("en")
                        .metadata(Map.of("season", "spring", "Origin", "farm")),
                RequestBody.fromBytes(body));

        String md5 = '"' + HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(body)) + '"';
        assertThat(put.eTag()).isEqualTo(md5);

        ResponseBytes<GetObjectResponse> got = fixture.s3.getObjectAsBytes(g -> g.bucket("objects")
                .key("catalogue.txt"));
        assertThat(got.asByteArray()).isEqualTo(body);
        GetObjectResponse meta = got.response();
        assertThat(meta.eTag()).isEqualTo(md5);
        // Jetty writes the media type in its canonical form, without the optional space
        assertThat(meta.contentType().replace(" ", "")).isEqualTo("text/plain;charset=utf-8");
        assertThat(meta.contentDisposition()).isEqualTo("attachment");
        assertThat(meta.cacheControl()).isEqualTo("max-age=60");
        assertThat(meta.contentLanguage()).isEqualTo("en");
        assertThat(meta.metadata()).containsExactlyInAnyOrderEntriesOf(Map.of("season", "spring", "origin", "farm"));
        assertThat(meta.acceptRanges()).isEqualTo("bytes");
        assertThat(meta.contentLength()).isEqualTo(body.length);
        assertThat(meta.lastModified()).isNotNull();

        HeadObjectResponse head = fixture.s3.headObject(h -> h.bucket("objects").key("catalogue.txt"));
        assertThat(head.eTag()).isEqualTo(md5);
        assertThat(head.contentLength()).isEqualTo(body.length);
        assertThat(head.metadata()).containsEntry("season", "spring");
        assertThat(head.lastModified()).isEqualTo(meta.lastModified());
    }

    @Test
    void responseParametersOverrideTheStoredHeaders() {
        fixture.s3.putObject(p -> p.bucket("objects").key("raw").contentType("application/octet-stream"),
                RequestBody.fromString("x"));

        assertThat(fixture.s3.headObject(h -> h.bucket("objects").key("raw")).contentType())
                .isEqualTo("application/octet-stream");
        GetObjectResponse overridden = fixture.s3.getObjectAsBytes(g -> g.bucket("objects").key("raw")
                .responseContentType("text/csv").responseContentDisposition("inline")).response();
        assertThat(overridden.contentType()).isEqualTo("text/csv");
        assertThat(overridden.contentDisposition()).isEqualTo("inline");
    }

    @Test
    void emptyObjectRoundTrips() {
        fixture.s3.putObject(p -> p.bucket("objects").key("empty"), RequestBody.empty());

        assertThat(fixture.s3.getObjectAsBytes(g -> g.bucket("objects").key("empty")).asByteArray()).isEmpty();
        assertThat(fixture.s3.headObject(h -> h.bucket("objects").key("empty")).eTag())
                .isEqualTo("\"d41d8cd98f00b204e9800998ecf8427e\"");
    }

    @Test
    void overwritingReplacesTheObject() {
        fixture.s3.putObject(p -> p.bucket("objects").key("k"), RequestBody.fromString("old"));
        fixture.s3.putObject(p -> p.bucket("objects").key("k"), RequestBody.fromString("new!"));

        assertThat(fixture.s3.getObjectAsBytes(g -> g.bucket("objects").key("k")).asUtf8String()).isEqualTo("new!");
    }

    @ParameterizedTest
    @ValueSource(strings = {"with space.txt", "unicode/日本語/ü.txt", "plus+sign", "percent%25and%",
        "trailing/", "emoji 😀", "a//b", "question?hash#", "dots..not.a.segment", "..x", "x/..y",
        "tilde~star*quote'",
        "amp&lt;less>", "semi;colon=equals", "\u00e9t\u00e9", "back\\slash"})
    void keysThatAreNotFileNamesRoundTrip(String key) throws Exception {
        fixture.s3.putObject(p -> p.bucket("objects").key(key), RequestBody.fromString("body of " + key));

        assertThat(fixture.s3.getObjectAsBytes(g -> g.bucket("objects").key(key)).asUtf8String())
                .isEqualTo("body of " + key);
        List<String> listed = fixture.s3.listObjectsV2(l -> l.bucket("objects")).contents().stream()
                .map(S3Object::key).toList();
        assertThat(listed).containsExactly(key);
        List<String> listedV1 = fixture.s3.listObjects(l -> l.bucket("objects")).contents().stream()
                .map(S3Object::key).toList();
        assertThat(listedV1).containsExactly(key);
        try (Stream<Path> files = Files.walk(fixture.dir)) {
            assertThat(files.map(f -> f.getFileName().toString())).doesNotContain(key);
        }

        fixture.s3.deleteObject(d -> d.bucket("objects").key(key));
        assertThatThrownBy(() -> fixture.s3.headObject(h -> h.bucket("objects").key(key)))
                .isInstanceOf(NoSuchKeyException.class);
    }

    @Test
    void deletingAMissingKeySucceeds() {
        fixture.s3.deleteObject(d -> d.bucket("objects").key("never-was"));

        assertThatThrownBy(() -> fixture.s3.getObjectAsBytes(g -> g.bucket("objects").key("never-was")))
                .isInstanceOfSatisfying(NoSuchKeyException.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(404);
                    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("NoSuchKey");
                });
    }
}
