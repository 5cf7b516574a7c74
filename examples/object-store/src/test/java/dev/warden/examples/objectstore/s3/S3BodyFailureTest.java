package dev.warden.examples.objectstore.s3;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.Filter;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * A body whose reading fails after the servlet started storing it (as WardenFilter's check fails at the end of a
 * forged body) is answered with an S3 error, and nothing of it stays on disk.
 */
class S3BodyFailureTest {

    /** Lets half of every body through, then fails the read. */
    private static final Filter FAILS_HALFWAY = (request, response, chain) -> chain.doFilter(
            new HttpServletRequestWrapper((HttpServletRequest) request) {
                @Override
                public ServletInputStream getInputStream() throws IOException {
                    ServletInputStream raw = super.getInputStream();
                    long half = getContentLengthLong() / 2;
                    return new ServletInputStream() {
                        private long read;

                        @Override
                        public int read() throws IOException {
                            if (read++ >= half) {
                                throw new IOException("body check failed");
                            }
                            return raw.read();
                        }

                        @Override
                        public boolean isFinished() {
                            return false;
                        }

                        @Override
                        public boolean isReady() {
                            return true;
                        }

                        @Override
                        public void setReadListener(ReadListener listener) {
                            throw new UnsupportedOperationException();
                        }
                    };
                }
            }, response);

    @Test
    void putWhoseBodyFailsIsIncompleteBodyAndStoresNothing() throws Exception {
        try (S3Fixture fixture = new S3Fixture(S3Access.trusting(S3Fixture.ACCOUNT), FAILS_HALFWAY)) {
            fixture.store.createBucket("failing", S3Fixture.ACCOUNT, null,
                    dev.warden.examples.objectstore.storage.CannedAcl.PRIVATE);

            HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create(fixture.uri + "/failing/k")).PUT(HttpRequest.BodyPublishers.ofByteArray(
                            new byte[300_000])).build(), HttpResponse.BodyHandlers.ofString());

            assertThat(response.statusCode()).isEqualTo(400);
            assertThat(response.body()).contains("<Code>IncompleteBody</Code>");
            assertThat(fixture.store.find("failing", "k")).isEmpty();
            try (Stream<Path> files = Files.walk(fixture.dir)) {
                assertThat(files.filter(Files::isRegularFile).map(f -> fixture.dir.relativize(f).toString()))
                        .containsExactly("buckets/failing/bucket.json");
            }
        }
    }
}
