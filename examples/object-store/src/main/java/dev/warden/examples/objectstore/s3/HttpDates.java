package dev.warden.examples.objectstore.s3;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;

/** The two date forms S3 speaks: RFC 1123 in headers, ISO 8601 with milliseconds in documents. */
final class HttpDates {

    private static final DateTimeFormatter ISO_MILLIS = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'")
            .withZone(ZoneOffset.UTC);

    private HttpDates() {
    }

    /** {@code Last-Modified: Wed, 12 Oct 2009 17:50:00 GMT}. */
    static String header(Instant instant) {
        return DateTimeFormatter.RFC_1123_DATE_TIME.format(instant.truncatedTo(ChronoUnit.SECONDS)
                .atOffset(ZoneOffset.UTC));
    }

    /** {@code <LastModified>2009-10-12T17:50:00.000Z</LastModified>}. */
    static String document(Instant instant) {
        return ISO_MILLIS.format(instant);
    }

    /** A header date, or {@code null} when it is not one (S3 ignores such conditions). */
    static Instant parseHeader(String value) {
        if (value == null) {
            return null;
        }
        try {
            return Instant.from(DateTimeFormatter.RFC_1123_DATE_TIME.parse(value.trim()));
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
