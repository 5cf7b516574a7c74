package dev.warden.examples.objectstore.storage;

/** Why the store refused an operation, with the S3 error code and HTTP status S3 answers it with. */
public enum StoreFailure {
    NO_SUCH_BUCKET("NoSuchBucket", 404, "The specified bucket does not exist"),
    NO_SUCH_KEY("NoSuchKey", 404, "The specified key does not exist."),
    NO_SUCH_UPLOAD("NoSuchUpload", 404, "The specified upload does not exist. The upload ID may be invalid, or the"
            + " upload may have been aborted or completed."),
    NO_SUCH_BUCKET_POLICY("NoSuchBucketPolicy", 404, "The bucket policy does not exist"),
    BUCKET_ALREADY_OWNED_BY_YOU("BucketAlreadyOwnedByYou", 409, "Your previous request to create the named bucket"
            + " succeeded and you already own it."),
    BUCKET_ALREADY_EXISTS("BucketAlreadyExists", 409, "The requested bucket name is not available. The bucket"
            + " namespace is shared by all users of the system. Please select a different name and try again."),
    BUCKET_NOT_EMPTY("BucketNotEmpty", 409, "The bucket you tried to delete is not empty"),
    INVALID_BUCKET_NAME("InvalidBucketName", 400, "The specified bucket is not valid."),
    KEY_TOO_LONG("KeyTooLongError", 400, "Your key is too long"),
    INVALID_PART("InvalidPart", 400, "One or more of the specified parts could not be found.  The part may not have"
            + " been uploaded, or the specified entity tag may not match the part's entity tag."),
    INVALID_PART_ORDER("InvalidPartOrder", 400, "The list of parts was not in ascending order. Parts must be ordered"
            + " by part number."),
    ENTITY_TOO_SMALL("EntityTooSmall", 400, "Your proposed upload is smaller than the minimum allowed object size."),
    ENTITY_TOO_LARGE("EntityTooLarge", 400, "Your proposed upload exceeds the maximum allowed object size."),
    BAD_DIGEST("BadDigest", 400, "The Content-MD5 you specified did not match what we received.");

    private final String code;
    private final int status;
    private final String message;

    StoreFailure(String code, int status, String message) {
        this.code = code;
        this.status = status;
        this.message = message;
    }

    /** S3's error code, e.g. {@code NoSuchKey}. */
    public String code() {
        return code;
    }

    /** The HTTP status S3 answers with. */
    public int status() {
        return status;
    }

    /** S3's message for it. */
    public String message() {
        return message;
    }
}
