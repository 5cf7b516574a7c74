package dev.warden.examples.objectstore;

import dev.warden.filter.error.AwsError;
import dev.warden.filter.error.ErrorBody;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ThreadLocalRandom;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * Jetty's own refusals (a header section too large, a URI it cannot parse), answered in S3's error shape instead of
 * Jetty's HTML page, so that clients parse them like any other S3 error.
 */
final class S3ErrorHandler extends ErrorHandler {

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        int status = response.getStatus();
        AwsError error = switch (status) {
            case 431 -> new AwsError(400, "RequestHeaderSectionTooLarge",
                    "Your request header section exceeds the maximum allowed size.");
            case 414 -> new AwsError(400, "KeyTooLongError", "Your key is too long");
            case 400 -> new AwsError(400, "InvalidURI", "Couldn't parse the specified URI.");
            case 404 -> new AwsError(404, "NoSuchKey", "The specified key does not exist.");
            case 405 -> new AwsError(405, "MethodNotAllowed", "The specified method is not allowed against this resource.");
            case 413 -> new AwsError(400, "EntityTooLarge", "Your proposed upload exceeds the maximum allowed size");
            default -> status >= 500 ? new AwsError(500, "InternalError", "We encountered an internal error. Please try again.")
                    : new AwsError(status, "InvalidRequest", "The request could not be processed.");
        };
        String requestId = Long.toHexString(ThreadLocalRandom.current().nextLong()).toUpperCase();
        byte[] body = ErrorBody.s3(error, requestId).getBytes(StandardCharsets.UTF_8);
        response.setStatus(error.status());
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/xml");
        response.getHeaders().put("x-amz-request-id", requestId);
        response.getHeaders().put(HttpHeader.CONTENT_LENGTH, body.length);
        response.write(true, ByteBuffer.wrap(body), callback);
        return true;
    }
}
