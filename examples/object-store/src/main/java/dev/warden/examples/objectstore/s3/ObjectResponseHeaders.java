package dev.warden.examples.objectstore.s3;

import dev.warden.examples.objectstore.storage.ObjectHeaders;
import dev.warden.examples.objectstore.storage.ObjectMeta;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Locale;
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
        contentType(response, override(request, "response-content-type",
                headers.contentType() == null ? DEFAULT_CONTENT_TYPE : headers.contentType()));
        set(response, "Content-Encoding", override(request, "response-content-encoding", headers.contentEncoding()));
        set(response, "Content-Disposition",
                override(request, "response-content-disposition", headers.contentDisposition()));
        set(response, "Cache-Control", override(request, "response-cache-control", headers.cacheControl()));
        set(response, "Content-Language", override(request, "response-content-language", headers.contentLanguage()));
        set(response, "Expires", override(request, "response-expires", headers.expires()));
        for (Map.Entry<String, String> entry : headers.userMetadata().entrySet()) {
            response.setHeader("x-amz-meta-" + entry.getKey(), MetadataValues.encode(entry.getValue()));
        }
    }

    /**
     * The stored media type as it was given. Jetty adds a charset of its own to {@code text/plain} and
     * {@code text/html} unless told there is none, which would change the object's representation.
     */
    private static void contentType(HttpServletResponse response, String type) {
        response.setContentType(type);
        if (!type.toLowerCase(Locale.ROOT).contains("charset=")) {
            response.setCharacterEncoding((String) null);
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
