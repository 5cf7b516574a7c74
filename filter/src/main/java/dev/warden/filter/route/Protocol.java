package dev.warden.filter.route;

/** How the protected service speaks, and so how its errors are written. */
public enum Protocol {
    /** S3's REST protocol: {@code <Error>} documents. */
    S3,
    /** The Query protocol (IAM, STS, EC2, ...): {@code <ErrorResponse>} documents. */
    QUERY,
    /** The JSON protocols (DynamoDB, KMS, ...): {@code {"__type": ..., "message": ...}}. */
    JSON
}
