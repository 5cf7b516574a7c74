package dev.warden.core.auth.sigv4;

import dev.warden.core.auth.AuthFailure;
import dev.warden.core.auth.AuthenticationException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What must be signed. {@code Host}, always: otherwise a request signed for one endpoint is good on another. For S3,
 * every {@code x-amz-*} header the request carries, as S3 demands: an unsigned {@code x-amz-copy-source} or
 * {@code x-amz-acl} added to a presigned URL would change what it does.
 */
final class SignedHeaderRules {

    private static final String AMZ_PREFIX = "x-amz-";

    private SignedHeaderRules() {
    }

    static void check(SignedRequest request, SignatureClaim claim, boolean s3) throws AuthenticationException {
        if (!isSigned("host", claim)) {
            throw new AuthenticationException(AuthFailure.INCOMPLETE_SIGNATURE, AwsMessages.HOST_NOT_SIGNED);
        }
        if (!s3) {
            return;
        }
        List<String> unsigned = null;
        for (String name : request.headers().keySet()) {
            if (name.regionMatches(true, 0, AMZ_PREFIX, 0, AMZ_PREFIX.length()) && !isSigned(name, claim)) {
                if (unsigned == null) {
                    unsigned = new ArrayList<>(2);
                }
                unsigned.add(name.toLowerCase(Locale.ROOT));
            }
        }
        if (unsigned != null) {
            throw new AuthenticationException(AuthFailure.INCOMPLETE_SIGNATURE,
                    AwsMessages.unsignedAmzHeaders(unsigned));
        }
    }

    private static boolean isSigned(String name, SignatureClaim claim) {
        for (String signed : claim.signedHeaders()) {
            if (signed.equalsIgnoreCase(name)) {
                return true;
            }
        }
        return false;
    }
}
