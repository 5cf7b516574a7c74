package dev.warden.examples.objectstore.s3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.CompleteMultipartUploadResponse;
import software.amazon.awssdk.services.s3.model.ListPartsResponse;
import software.amazon.awssdk.services.s3.model.MultipartUpload;
import software.amazon.awssdk.services.s3.model.NoSuchUploadException;
import software.amazon.awssdk.services.s3.model.Part;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.UploadPartCopyResponse;

/** Multipart uploads with the SDK's low-level calls: a 20 MiB object in 5 MiB parts, and every refusal. */
class S3MultipartUploadTest {

    private static final int MIB = 1024 * 1024;

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

    private String create(String key) {
        return fixture.s3.createMultipartUpload(c -> c.bucket("uploads").key(key).contentType("application/zip")
                .metadata(java.util.Map.of("batch", "7"))).uploadId();
    }

    private CompletedPart upload(String key, String uploadId, int number, byte[] bytes) {
        String etag = fixture.s3.uploadPart(u -> u.bucket("uploads").key(key).uploadId(uploadId).partNumber(number),
                RequestBody.fromBytes(bytes)).eTag();
        return CompletedPart.builder().partNumber(number).eTag(etag).build();
    }

    private CompleteMultipartUploadResponse complete(String key, String uploadId, List<CompletedPart> parts) {
        return fixture.s3.completeMultipartUpload(c -> c.bucket("uploads").key(key).uploadId(uploadId)
                .multipartUpload(m -> m.parts(parts)));
    }

    @Test
    void twentyMebibytesInFourPartsAssembleIntoOneObject() throws Exception {
        byte[] whole = new byte[20 * MIB];
        new Random(42).nextBytes(whole);
        String uploadId = create("big.bin");
        List<CompletedPart> parts = new ArrayList<>();
        MessageDigest partMd5s = MessageDigest.getInstance("MD5");
        for (int i = 0; i < 4; i++) {
            byte[] part = Arrays.copyOfRange(whole, i * 5 * MIB, (i + 1) * 5 * MIB);
            partMd5s.update(MessageDigest.getInstance("MD5").digest(part));
            parts.add(upload("big.bin", uploadId, i + 1, part));
        }

        ListPartsResponse listed = fixture.s3.listParts(l -> l.bucket("uploads").key("big.bin").uploadId(uploadId));
        assertThat(listed.parts()).extracting(Part::partNumber).containsExactly(1, 2, 3, 4);
        assertThat(listed.parts()).extracting(Part::size).containsOnly((long) 5 * MIB);
        assertThat(fixture.s3.listMultipartUploads(l -> l.bucket("uploads")).uploads())
                .extracting(MultipartUpload::key, MultipartUpload::uploadId).containsExactly(
                        org.assertj.core.groups.Tuple.tuple("big.bin", uploadId));

        CompleteMultipartUploadResponse done = complete("big.bin", uploadId, parts);

        String expectedEtag = '"' + HexFormat.of().formatHex(partMd5s.digest()) + "-4\"";
        assertThat(done.eTag()).isEqualTo(expectedEtag);
        var got = fixture.s3.getObjectAsBytes(g -> g.bucket("uploads").key("big.bin"));
        assertThat(got.asByteArray()).isEqualTo(whole);
        assertThat(got.response().eTag()).isEqualTo(expectedEtag);
        assertThat(got.response().contentType()).isEqualTo("application/zip");
        assertThat(got.response().metadata()).containsEntry("batch", "7");
        assertThat(fixture.s3.listMultipartUploads(l -> l.bucket("uploads")).uploads()).isEmpty();
    }

    @Test
    void uploadPartCopyTakesARangeOfAnExistingObject() {
        byte[] source = new byte[6 * MIB];
        new Random(7).nextBytes(source);
        fixture.s3.putObject(p -> p.bucket("uploads").key("source"), RequestBody.fromBytes(source));
        String uploadId = create("copied");

        UploadPartCopyResponse first = fixture.s3.uploadPartCopy(u -> u.sourceBucket("uploads").sourceKey("source")
                .destinationBucket("uploads").destinationKey("copied").uploadId(uploadId).partNumber(1)
                .copySourceRange("bytes=0-" + (5 * MIB - 1)));
        CompletedPart last = upload("copied", uploadId, 2, new byte[] {1, 2, 3});
        complete("copied", uploadId, List.of(CompletedPart.builder().partNumber(1)
                .eTag(first.copyPartResult().eTag()).build(), last));

        byte[] got = fixture.s3.getObjectAsBytes(g -> g.bucket("uploads").key("copied")).asByteArray();
        assertThat(got).hasSize(5 * MIB + 3);
        assertThat(Arrays.copyOf(got, 5 * MIB)).isEqualTo(Arrays.copyOf(source, 5 * MIB));
    }

    @Test
    void completeRefusesAWrongEtagAsInvalidPart() {
        String uploadId = create("k");
        upload("k", uploadId, 1, new byte[] {1});

        assertThatThrownBy(() -> complete("k", uploadId, List.of(CompletedPart.builder().partNumber(1)
                .eTag("\"00000000000000000000000000000000\"").build())))
                .isInstanceOfSatisfying(S3Exception.class, e -> assertThat(e.awsErrorDetails().errorCode())
                        .isEqualTo("InvalidPart"));
        assertThatThrownBy(() -> complete("k", uploadId, List.of(CompletedPart.builder().partNumber(2)
                .eTag("\"x\"").build()))).isInstanceOfSatisfying(S3Exception.class,
                        e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InvalidPart"));
    }

    @Test
    void completeRefusesPartsOutOfOrderAsInvalidPartOrder() {
        String uploadId = create("k");
        CompletedPart one = upload("k", uploadId, 1, new byte[5 * MIB]);
        CompletedPart two = upload("k", uploadId, 2, new byte[] {1});

        assertThatThrownBy(() -> complete("k", uploadId, List.of(two, one)))
                .isInstanceOfSatisfying(S3Exception.class, e -> assertThat(e.awsErrorDetails().errorCode())
                        .isEqualTo("InvalidPartOrder"));
    }

    @Test
    void completeRefusesASmallPartBeforeTheLastAsEntityTooSmall() {
        String uploadId = create("k");
        CompletedPart one = upload("k", uploadId, 1, new byte[] {1});
        CompletedPart two = upload("k", uploadId, 2, new byte[] {2});

        assertThatThrownBy(() -> complete("k", uploadId, List.of(one, two)))
                .isInstanceOfSatisfying(S3Exception.class, e -> assertThat(e.awsErrorDetails().errorCode())
                        .isEqualTo("EntityTooSmall"));
        assertThat(fixture.s3.listObjectsV2(l -> l.bucket("uploads")).contents()).isEmpty();
    }

    @Test
    void abortEndsTheUploadAndLaterCallsAreNoSuchUpload() {
        String uploadId = create("k");
        upload("k", uploadId, 1, new byte[] {1});

        fixture.s3.abortMultipartUpload(a -> a.bucket("uploads").key("k").uploadId(uploadId));

        assertThatThrownBy(() -> fixture.s3.listParts(l -> l.bucket("uploads").key("k").uploadId(uploadId)))
                .isInstanceOf(NoSuchUploadException.class);
        assertThatThrownBy(() -> upload("k", uploadId, 2, new byte[] {1})).isInstanceOf(NoSuchUploadException.class);
    }

    @Test
    void partNumberOutsideOneToTenThousandIsInvalidArgument() {
        String uploadId = create("k");

        assertThatThrownBy(() -> upload("k", uploadId, 10_001, new byte[] {1}))
                .isInstanceOfSatisfying(S3Exception.class, e -> assertThat(e.awsErrorDetails().errorCode())
                        .isEqualTo("InvalidArgument"));
    }
}
