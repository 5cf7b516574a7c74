package dev.warden.examples.objectstore.s3;

import static org.assertj.core.api.Assertions.assertThat;

import dev.warden.examples.objectstore.storage.ObjectHeaders;
import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.s3.model.CommonPrefix;
import software.amazon.awssdk.services.s3.model.ListObjectsResponse;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Response;
import software.amazon.awssdk.services.s3.model.S3Object;

/** ListObjectsV2 and ListObjects over 2,500 keys: pages, prefixes, delimiters, continuation and markers. */
class S3ListingTest {

    private static S3Fixture fixture;
    private static final List<String> KEYS = new ArrayList<>();

    @BeforeAll
    static void start() throws Exception {
        fixture = new S3Fixture();
        fixture.s3.createBucket(b -> b.bucket("many"));
        for (int dir = 0; dir < 5; dir++) {
            for (int file = 0; file < 500; file++) {
                KEYS.add("dir" + dir + "/file" + String.format("%04d", file));
            }
        }
        // straight into the store, in parallel: each durable write waits on fsync, not on the CPU
        ExecutorService pool = Executors.newFixedThreadPool(16);
        try {
            List<Future<?>> writes = new ArrayList<>();
            for (String key : KEYS) {
                writes.add(pool.submit(() -> fixture.store.put("many", key, new ByteArrayInputStream(new byte[] {1}),
                        ObjectHeaders.NONE, null)));
            }
            for (Future<?> write : writes) {
                write.get();
            }
        } finally {
            pool.shutdown();
        }
    }

    @AfterAll
    static void stop() throws Exception {
        fixture.close();
    }

    @Test
    void v2PagesThroughEveryKeyInOrderThousandAtATime() {
        List<ListObjectsV2Response> pages = fixture.s3.listObjectsV2Paginator(l -> l.bucket("many")).stream()
                .toList();

        assertThat(pages).extracting(ListObjectsV2Response::keyCount).containsExactly(1000, 1000, 500);
        assertThat(pages).extracting(ListObjectsV2Response::isTruncated).containsExactly(true, true, false);
        assertThat(pages.stream().flatMap(p -> p.contents().stream()).map(S3Object::key))
                .containsExactlyElementsOf(KEYS);
    }

    @Test
    void v2PrefixNarrowsTheListing() {
        List<String> keys = fixture.s3.listObjectsV2Paginator(l -> l.bucket("many").prefix("dir3/").maxKeys(300))
                .contents().stream().map(S3Object::key).toList();

        assertThat(keys).hasSize(500).allMatch(k -> k.startsWith("dir3/"));
    }

    @Test
    void v2DelimiterRollsKeysUpIntoCommonPrefixesAcrossPages() {
        List<ListObjectsV2Response> pages = fixture.s3.listObjectsV2Paginator(l -> l.bucket("many").delimiter("/")
                .maxKeys(2)).stream().toList();

        assertThat(pages.stream().flatMap(p -> p.commonPrefixes().stream()).map(CommonPrefix::prefix))
                .containsExactly("dir0/", "dir1/", "dir2/", "dir3/", "dir4/");
        assertThat(pages.stream().mapToInt(p -> p.contents().size()).sum()).isZero();
        assertThat(pages).hasSize(3);
    }

    @Test
    void v2StartAfterSkipsKeys() {
        ListObjectsV2Response page = fixture.s3.listObjectsV2(l -> l.bucket("many").startAfter("dir4/file0497"));

        assertThat(page.contents()).extracting(S3Object::key).containsExactly("dir4/file0498", "dir4/file0499");
        assertThat(page.startAfter()).isEqualTo("dir4/file0497");
    }

    @Test
    void v2FetchOwnerAddsTheOwner() {
        ListObjectsV2Response page = fixture.s3.listObjectsV2(l -> l.bucket("many").maxKeys(1).fetchOwner(true));

        assertThat(page.contents().get(0).owner().id()).isEqualTo(S3Fixture.ACCOUNT);
        assertThat(fixture.s3.listObjectsV2(l -> l.bucket("many").maxKeys(1)).contents().get(0).owner()).isNull();
    }

    @Test
    void v1PagesWithMarkersAndNextMarkerWithADelimiter() {
        List<String> keys = fixture.s3.listObjectsV2Paginator(l -> l.bucket("many")).contents().stream()
                .map(S3Object::key).toList();
        List<String> v1 = new ArrayList<>();
        String marker = null;
        ListObjectsResponse page;
        do {
            String from = marker;
            page = fixture.s3.listObjects(l -> l.bucket("many").marker(from).maxKeys(700));
            page.contents().forEach(o -> v1.add(o.key()));
            marker = page.contents().isEmpty() ? null : page.contents().get(page.contents().size() - 1).key();
        } while (page.isTruncated());
        assertThat(v1).isEqualTo(keys);

        ListObjectsResponse rolled = fixture.s3.listObjects(l -> l.bucket("many").delimiter("/").maxKeys(2));
        assertThat(rolled.commonPrefixes()).extracting(CommonPrefix::prefix).containsExactly("dir0/", "dir1/");
        assertThat(rolled.nextMarker()).isEqualTo("dir1/");
        ListObjectsResponse next = fixture.s3.listObjects(l -> l.bucket("many").delimiter("/").maxKeys(2)
                .marker(rolled.nextMarker()));
        assertThat(next.commonPrefixes()).extracting(CommonPrefix::prefix).containsExactly("dir2/", "dir3/");
    }
}
