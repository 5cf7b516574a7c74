package dev.warden.examples.objectstore.storage;

import java.io.IOException;
import java.io.InputStream;

/** A body that delivers {@code good} bytes, then fails as a verification at the end of a body would. */
final class FailingStream extends InputStream {

    private long remaining;

    FailingStream(long good) {
        this.remaining = good;
    }

    @Override
    public int read() throws IOException {
        if (remaining == 0) {
            throw new IOException("payload rejected at its end");
        }
        remaining--;
        return 'x';
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        if (remaining == 0) {
            throw new IOException("payload rejected at its end");
        }
        int n = (int) Math.min(length, remaining);
        java.util.Arrays.fill(buffer, offset, offset + n, (byte) 'x');
        remaining -= n;
        return n;
    }
}
