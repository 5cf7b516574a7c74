package dev.warden.examples.objectstore.s3;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;

/**
 * S3's error document: {@code <Error><Code/><Message/>...<Resource/><RequestId/><HostId/></Error>}; for HEAD the
 * status alone, as S3 sends no body there.
 */
final class ErrorResponse {

    private ErrorResponse() {
    }

    static void send(HttpServletRequest request, HttpServletResponse response, S3Exception error, String resource,
                     String requestId) throws IOException {
        if (response.isCommitted()) {
            // the status line is gone: all that is left is to cut the response short
            throw new IOException("response already committed when " + error.code() + " occurred");
        }
        response.reset();
        response.setHeader("x-amz-request-id", requestId);
        response.setHeader("x-amz-id-2", requestId);
        if (error.status() == 416) {
            String size = error.details().get("ActualObjectSize");
            if (size != null) {
                response.setHeader("Content-Range", "bytes */" + size);
            }
        }
        if (request.getMethod().equals("HEAD")) {
            response.setStatus(error.status());
            return;
        }
        XmlOut xml = XmlOut.bare("Error").element("Code", error.code()).element("Message", error.getMessage());
        for (Map.Entry<String, String> detail : error.details().entrySet()) {
            xml.element(detail.getKey(), detail.getValue());
        }
        xml.element("Resource", resource).element("RequestId", requestId).element("HostId", requestId)
                .send(response, error.status());
    }
}
