package dev.warden.examples.objectstore.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.ConcurrentSkipListMap;
import org.junit.jupiter.api.Test;

/** One page of a listing: prefixes, delimiters, markers inside rolled-up prefixes, truncation. */
class ListerTest {

    private static ConcurrentSkipListMap<String, ObjectMeta> index(String... keys) {
        ConcurrentSkipListMap<String, ObjectMeta> index = new ConcurrentSkipListMap<>(ObjectKeys.ORDER);
        for (String key : keys) {
            index.put(key, new ObjectMeta(key, "id", 1, "etag", Instant.EPOCH, null));
        }
        return index;
    }

    private static final ConcurrentSkipListMap<String, ObjectMeta> INDEX = index("a/1", "a/2", "b", "c/x/1", "c/y",
            "d");

    @Test
    void delimiterRollsUpAndCountsPrefixesTowardsMaxKeys() {
        Listing page = Lister.list(INDEX, new ListQuery("", "/", null, 3));

        assertThat(page.commonPrefixes()).containsExactly("a/", "c/");
        assertThat(page.objects()).extracting(ObjectMeta::key).containsExactly("b");
        assertThat(page.truncated()).isTrue();
        assertThat(page.last()).isEqualTo("c/");
    }

    @Test
    void markerInsideARolledUpPrefixDoesNotRepeatIt() {
        Listing page = Lister.list(INDEX, new ListQuery("", "/", "a/1", 10));

        assertThat(page.commonPrefixes()).containsExactly("c/");
        assertThat(page.objects()).extracting(ObjectMeta::key).containsExactly("b", "d");
    }

    @Test
    void prefixAndDelimiterListOneLevel() {
        Listing page = Lister.list(INDEX, new ListQuery("c/", "/", null, 10));

        assertThat(page.commonPrefixes()).containsExactly("c/x/");
        assertThat(page.objects()).extracting(ObjectMeta::key).containsExactly("c/y");
        assertThat(page.truncated()).isFalse();
    }

    @Test
    void exactlyFullPageIsNotTruncated() {
        Listing page = Lister.list(index("x", "y"), new ListQuery("", null, null, 2));

        assertThat(page.truncated()).isFalse();
        assertThat(page.objects()).hasSize(2);
        assertThat(Lister.list(index("x", "y"), new ListQuery("", null, null, 0)).objects()).isEqualTo(List.of());
    }
}
