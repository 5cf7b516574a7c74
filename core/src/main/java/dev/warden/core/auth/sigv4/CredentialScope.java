package dev.warden.core.auth.sigv4;

import java.time.LocalDate;
import java.util.Objects;

/**
 * What a signing key was derived for: the day, region and service of the {@code Credential}
 * ({@code AKID/20150830/us-east-1/iam/aws4_request}). A verified request proves the signer meant this region and
 * service; whether they are this endpoint's is the caller's to check.
 *
 * @param date the scope's day (UTC), equal to the day of the request's timestamp
 * @param region the region as signed, for example {@code us-east-1}
 * @param service the service signing name as signed, for example {@code iam}, {@code sts} or {@code s3}
 */
public record CredentialScope(LocalDate date, String region, String service) {

    /** The terminator every SigV4 scope ends with. */
    public static final String TERMINATOR = "aws4_request";

    /** A scope; every part is required. */
    public CredentialScope {
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(region, "region");
        Objects.requireNonNull(service, "service");
    }

    /** Whether the service is S3 (or one of its variants signed like it, such as {@code s3-object-lambda}). */
    public boolean isS3() {
        return ServiceNames.isS3(service);
    }

    /** The scope as it appears in the string to sign: {@code 20150830/us-east-1/iam/aws4_request}. */
    @Override
    public String toString() {
        return ScopeDate.format(date) + '/' + region + '/' + service + '/' + TERMINATOR;
    }
}
