package dev.warden.core.auth.mfa;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

/** A device seed, a moment, and verifiers whose clock stands still at some step around it. */
final class VerifierFixture {

    /** 2026-11-23T15:00:10Z, 10 s into its step. */
    static final Instant NOW = Instant.parse("2026-11-23T15:00:10Z");
    static final long STEP = Totp.AWS.step(NOW);

    /** A fixed seed, so the test codes (and any chance collisions between them) are the same on every run. */
    final byte[] seed = seed(1);

    static byte[] seed(int device) {
        byte[] seed = new byte[Totp.AWS_SEED_BYTES];
        for (int i = 0; i < seed.length; i++) {
            seed[i] = (byte) (device * 31 + i * 7);
        }
        return seed;
    }

    String code(long step) {
        return Totp.AWS.generate(seed, step);
    }

    static TotpVerifier at(Instant instant) {
        return new TotpVerifier(Clock.fixed(instant, ZoneOffset.UTC));
    }

    static TotpVerifier atStep(long step) {
        return at(Instant.ofEpochSecond(step * 30 + 10));
    }
}
