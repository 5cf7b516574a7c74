package dev.warden.examples.objectstore.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** S3's bucket naming rules. */
class BucketNamesTest {

    @ParameterizedTest
    @ValueSource(strings = {"abc", "seeds", "my.bucket-2024", "0-start-digit",
        "a23456789012345678901234567890123456789012345678901234567890123"})
    void validNamesAreAccepted(String name) {
        assertThat(BucketNames.isValid(name)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "ab", "Seeds", "under_score", "-start", "end-", ".start", "end.", "a..b",
        "10.0.0.1", "xn--bucket", "sthree-bucket", "amzn-s3-demo-bucket", "bucket-s3alias", "bucket--ol-s3",
        "bucket.mrap", "bucket--x-s3", "bucket--table-s3", "sp ace", "slash/es",
        "a234567890123456789012345678901234567890123456789012345678901234"})
    void invalidNamesAreInvalidBucketName(String name) {
        assertThat(BucketNames.isValid(name)).isFalse();
        assertThatThrownBy(() -> BucketNames.validate(name)).isInstanceOfSatisfying(StoreException.class,
                e -> assertThat(e.failure()).isEqualTo(StoreFailure.INVALID_BUCKET_NAME));
    }
}
