package dev.warden.core.auth.sigv4;

import java.io.InputStream;

/** Wraps the raw body in whatever checks the verified request's payload mode calls for. */
@FunctionalInterface
interface PayloadReader {

    PayloadReader AS_IS = raw -> raw;

    InputStream open(InputStream raw);
}
