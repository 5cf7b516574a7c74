package dev.warden.core.auth.sigv4;

import dev.warden.core.auth.AuthFailure;
import dev.warden.core.auth.AuthenticationException;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.util.Objects;

/**
 * A body that was not buffered, checked against its signed SHA-256 as it is read: the end of the stream is reported
 * only if the hash matches, otherwise the read that reaches it throws {@link PayloadRejectedException}. The bytes
 * before the end are handed out before the hash can be known, so a reader must not act on the body until it has read
 * it to the end.
 */
final class Sha256VerifyingInputStream extends InputStream {

    private final InputStream in;
    private final byte[] expected;
    private final MessageDigest digest = Sha256.newDigest();
    private boolean ended;
    private PayloadRejectedException failure;

    Sha256VerifyingInputStream(InputStream in, byte[] expected) {
        this.in = Objects.requireNonNull(in, "in");
        this.expected = expected;
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        int n = read(one, 0, 1);
        return n < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        Objects.checkFromIndexSize(off, len, b.length);
        if (failure != null) {
            throw failure;
        }
        if (ended) {
            return -1;
        }
        if (len == 0) {
            return 0;
        }
        int n = in.read(b, off, len);
        if (n > 0) {
            digest.update(b, off, n);
            return n;
        }
        if (n < 0) {
            ended = true;
            if (!MessageDigest.isEqual(digest.digest(), expected)) {
                failure = new PayloadRejectedException(
                        new AuthenticationException(AuthFailure.PAYLOAD_MISMATCH, AwsMessages.PAYLOAD_HASH_MISMATCH));
                throw failure;
            }
        }
        return n;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
