package dev.warden.filter;

import dev.warden.core.auth.sigv4.VerifiedRequest;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.Locale;

/**
 * The request as the application sees it once its signature checked out: the body is the payload the signature
 * covers, checked as it is read ({@code aws-chunked} framing, chunk signatures and trailing checksums removed and
 * verified; a signed hash compared at the end), and the headers describe that payload ({@code Content-Length} is the
 * decoded length, {@code aws-chunked} is gone from {@code Content-Encoding}). A failed check is thrown from the read
 * that finds it, so an application that reads to the end before acting never acts on a forged body.
 */
final class VerifiedBodyRequest extends HttpServletRequestWrapper {

    private final VerifiedRequest<?> verified;
    private final boolean chunked;
    private ServletInputStream stream;
    private BufferedReader reader;

    VerifiedBodyRequest(HttpServletRequest request, VerifiedRequest<?> verified) {
        super(request);
        this.verified = verified;
        this.chunked = verified.payloadMode().isStreaming();
    }

    @Override
    public ServletInputStream getInputStream() throws IOException {
        if (reader != null) {
            throw new IllegalStateException("getReader() was already called");
        }
        if (stream == null) {
            stream = new CheckedStream(super.getInputStream(), verified.payload(super.getInputStream()));
        }
        return stream;
    }

    @Override
    public BufferedReader getReader() throws IOException {
        if (stream != null && reader == null) {
            throw new IllegalStateException("getInputStream() was already called");
        }
        if (reader == null) {
            String encoding = getCharacterEncoding();
            Charset charset = encoding == null ? StandardCharsets.ISO_8859_1 : Charset.forName(encoding);
            reader = new BufferedReader(new InputStreamReader(
                    new CheckedStream(super.getInputStream(), verified.payload(super.getInputStream())), charset));
        }
        return reader;
    }

    @Override
    public long getContentLengthLong() {
        if (!chunked) {
            return super.getContentLengthLong();
        }
        return verified.decodedContentLength().orElse(-1);
    }

    @Override
    public int getContentLength() {
        long length = getContentLengthLong();
        return length > Integer.MAX_VALUE ? -1 : (int) length;
    }

    @Override
    public String getHeader(String name) {
        if (!chunked) {
            return super.getHeader(name);
        }
        List<String> values = Collections.list(getHeaders(name));
        return values.isEmpty() ? null : values.get(0);
    }

    @Override
    public Enumeration<String> getHeaders(String name) {
        if (!chunked) {
            return super.getHeaders(name);
        }
        String lower = name.toLowerCase(Locale.ROOT);
        if (lower.equals("content-length")) {
            long length = getContentLengthLong();
            return length < 0 ? Collections.emptyEnumeration() : Collections.enumeration(List.of(Long.toString(length)));
        }
        if (lower.equals("content-encoding")) {
            List<String> kept = new ArrayList<>();
            for (String value : Collections.list(super.getHeaders(name))) {
                for (String coding : value.split(",")) {
                    String trimmed = coding.trim();
                    if (!trimmed.isEmpty() && !trimmed.equalsIgnoreCase("aws-chunked")) {
                        kept.add(trimmed);
                    }
                }
            }
            return Collections.enumeration(kept);
        }
        return super.getHeaders(name);
    }

    /** The checked payload as a blocking servlet stream (asynchronous reads are not offered over it). */
    private static final class CheckedStream extends ServletInputStream {
        private final ServletInputStream raw;
        private final InputStream payload;
        private boolean finished;

        CheckedStream(ServletInputStream raw, InputStream payload) {
            this.raw = raw;
            this.payload = payload;
        }

        @Override
        public int read() throws IOException {
            int b = payload.read();
            finished = b < 0;
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = payload.read(buffer, offset, length);
            finished = n < 0;
            return n;
        }

        @Override
        public boolean isFinished() {
            return finished;
        }

        @Override
        public boolean isReady() {
            return true;
        }

        @Override
        public void setReadListener(ReadListener listener) {
            throw new IllegalStateException("the verified body is read with blocking reads");
        }

        @Override
        public void close() throws IOException {
            payload.close();
            raw.close();
        }
    }
}
