package dev.warden.examples.objectstore.s3;

import dev.warden.examples.objectstore.storage.StoreException;
import java.util.LinkedHashMap;
import java.util.Map;

/** A request S3 would refuse: status, S3's error code and message, and extra elements for the error document. */
final class S3Exception extends Exception {

    private static final long serialVersionUID = 1L;

    private final int status;
    private final String code;
    private final Map<String, String> details = new LinkedHashMap<>();

    S3Exception(int status, String code, String message) {
        super(message, null, false, false);
        this.status = status;
        this.code = code;
    }

    static S3Exception of(StoreException e) {
        return new S3Exception(e.failure().status(), e.failure().code(), e.getMessage());
    }

    static S3Exception invalidArgument(String message, String name, String value) {
        return new S3Exception(400, "InvalidArgument", message).with("ArgumentName", name)
                .with("ArgumentValue", value);
    }

    static S3Exception malformedXml() {
        return new S3Exception(400, "MalformedXML",
                "The XML you provided was not well-formed or did not validate against our published schema");
    }

    static S3Exception notImplemented(String what) {
        return new S3Exception(501, "NotImplemented",
                "A header or query you provided implies functionality that is not implemented: " + what);
    }

    /** Adds an element to the error document (e.g. {@code BucketName}); a {@code null} value is left out. */
    S3Exception with(String element, String value) {
        if (value != null) {
            details.put(element, value);
        }
        return this;
    }

    int status() {
        return status;
    }

    String code() {
        return code;
    }

    Map<String, String> details() {
        return details;
    }
}
