package dev.warden.examples.objectstore.s3;

import dev.warden.examples.objectstore.storage.StoreException;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * One S3 operation the servlet serves, under the name the route table gives it (the route's {@code Sid}), with the
 * method and the kind of resource it takes: a request reaches {@link #handler()} only when both agree with what the
 * route matched, so an edited table cannot make one operation's code run on another's request.
 *
 * @param name the operation's name, as the route's {@code Sid} spells it
 * @param method the HTTP method it takes
 * @param target what the path names
 * @param handler what serves it
 */
record S3Operation(String name, String method, Target target, Handler handler) {

    /** What a path names: the service ({@code /}), a bucket or an object. */
    enum Target {
        SERVICE, BUCKET, OBJECT;

        static Target of(S3Request request) {
            return request.bucket == null ? SERVICE : request.key == null ? BUCKET : OBJECT;
        }
    }

    /** Serves one request of the operation. */
    @FunctionalInterface
    interface Handler {
        void serve(S3Request request, HttpServletResponse response) throws S3Exception, StoreException, IOException;
    }

    /** Whether {@code request} is one this operation takes: its method, and a path naming its kind of resource. */
    boolean takes(S3Request request) {
        return takes(request.http.getMethod(), Target.of(request));
    }

    /** Whether a {@code method} request on a path naming {@code target} is one this operation takes. */
    boolean takes(String method, Target target) {
        return this.method.equals(method) && this.target == target;
    }
}
