package dev.warden.examples.objectstore.s3;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** ListObjectsV2's opaque continuation token: the last key or common prefix of the previous page, base64url. */
final class ContinuationToken {

    private ContinuationToken() {
    }

    static String encode(String last) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(last.getBytes(StandardCharsets.UTF_8));
    }

    static String decode(String token) throws S3Exception {
        try {
            String last = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
            if (!last.isEmpty()) {
                return last;
            }
        } catch (IllegalArgumentException e) {
            // falls through to S3's refusal
        }
        // S3 names the parameter and not the value, for an empty token as for any other it cannot read
        throw new S3Exception(400, "InvalidArgument", "The continuation token provided is incorrect")
                .with("ArgumentName", "continuation-token");
    }
}
