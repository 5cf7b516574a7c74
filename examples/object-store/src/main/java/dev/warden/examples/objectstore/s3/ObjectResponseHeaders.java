package dev.warden.examples.objectstore.s3;

import dev.warden.examples.objectstore.storage.ObjectHeaders;
import dev.warden.examples.objectstore.storage.ObjectMeta;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Map;

/** The headers GetObject and HeadObject answer with, including the {@code response-*} overrides. */
final class ObjectResponseHeaders {

    private static final String DEFAULT_CONTENT_TYPE = "binary/octet-stream";

    private ObjectResponseHeaders() {
    }

    static void write(S3Request request, HttpServletResponse response, ObjectMeta meta) {
        ObjectHeaders headers = meta.headers();
        response.setHeader("ETag", meta.quotedEtag());
        response.setHeader("Last-Modified", HttpDates.header(meta.lastModified()));
        response.setHeader("Accept-Ranges", "bytes");
        set(response, "Content-Type", override(request, "response-content-type",
                headers.contentType() == null ? DEFAULT_CONTENT_TYPE : headers.contentType()));
        set(response, "Content-Encoding", override(request, "response-content-encoding", headers.contentEncoding()));
        set(response, "Content-Disposition",
                override(request, "response-content-disposition", headers.contentDisposition()));
        set(response, "Cache-Control", override(request, "response-cache-control", headers.cacheControl()));
        set(response, "Content-Language", override(request, "response-content-language", headers.contentLanguage()));
        set(response, "Expires", override(request, "response-expires", headers.expires()));
        for (Map.Entry<String, String> entry : headers.userMetadata().entrySet()) {
            response.setHeader("x-amz-meta-" + entry.getKey(), entry.getValue());
        }
    }

    private static String override(S3Request request, String parameter, String stored) {
        String value = request.param(parameter);
        return value != null ? value : stored;
    }

    private static void set(HttpServletResponse response, String name, String value) {
        if (value != null) {
            response.setHeader(name, value);
        }
    }
}
