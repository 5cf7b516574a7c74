package dev.warden.examples.objectstore.s3;

import dev.warden.core.auth.sigv4.PayloadRejectedException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * The request body as the store reads it. A body whose check fails in the filter keeps its
 * {@link PayloadRejectedException}; any other read failure (the client went away, the body is shorter than its
 * {@code Content-Length}) becomes an {@link IncompleteBody}, so that the servlet can tell it from a failure of its
 * own disk.
 */
final class RequestBody extends FilterInputStream {

    /** The client's body could not be read to its end. */
    static final class IncompleteBody extends IOException {
        private static final long serialVersionUID = 1L;

        IncompleteBody(IOException cause) {
            super(cause.getMessage(), cause);
        }
    }

    private RequestBody(InputStream in) {
        super(in);
    }

    static InputStream of(S3Request request) throws IOException {
        return new RequestBody(request.http.getInputStream());
    }

    @Override
    public int read() throws IOException {
        try {
            return super.read();
        } catch (PayloadRejectedException e) {
            throw e;
        } catch (IOException e) {
            throw new IncompleteBody(e);
        }
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        try {
            return super.read(buffer, offset, length);
        } catch (PayloadRejectedException e) {
            throw e;
        } catch (IOException e) {
            throw new IncompleteBody(e);
        }
    }
}
