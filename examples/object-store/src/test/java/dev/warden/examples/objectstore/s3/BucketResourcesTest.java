package dev.warden.examples.objectstore.s3;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Which policy resources name the bucket {@code logs} or something in it. */
class BucketResourcesTest {

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', textBlock = """
            arn:aws:s3:::logs              | true
            arn:aws:s3:::logs/*            | true
            arn:aws:s3:::logs/2026/a.gz    | true
            arn:aws:s3:::*                 | true
            arn:aws:s3:::*/*               | true
            arn:aws:s3:::lo*               | true
            arn:aws:s3:::l?gs/x            | true
            arn:*:s3:::*                   | true
            *                              | true
            arn:aws:s3:::logs?x            | true
            arn:aws:s3:::logs2             | false
            arn:aws:s3:::logs2/*           | false
            arn:aws:s3:::other/*           | false
            arn:aws:s3:::*x                | true
            arn:aws:s3:::log               | false
            arn:aws:s3:::logx*             | false
            arn:aws:s3:::other*x           | false
            arn:aws:s3:::logs*x            | true
            arn:aws:iam::*                 | false
            """)
    void aResourceCoversTheBucketWhenSomeNameOfItOrOfItsObjectsMatches(String pattern, boolean covers) {
        assertThat(BucketResources.coverBucket(pattern, "arn:aws:s3:::logs")).isEqualTo(covers);
    }
}
