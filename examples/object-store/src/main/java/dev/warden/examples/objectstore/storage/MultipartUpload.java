package dev.warden.examples.objectstore.storage;

import java.time.Instant;
import java.util.Objects;

/**
 * A multipart upload in progress, as stored in its {@code upload.json}.
 *
 * @param uploadId its generated id
 * @param key the key the object will have
 * @param initiated when it was created
 * @param headers what the object will carry
 */
public record MultipartUpload(String uploadId, String key, Instant initiated, ObjectHeaders headers) {

    public MultipartUpload {
        Objects.requireNonNull(uploadId, "uploadId");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(initiated, "initiated");
        headers = headers == null ? ObjectHeaders.NONE : headers;
    }
}
