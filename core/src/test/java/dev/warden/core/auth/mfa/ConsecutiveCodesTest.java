package dev.warden.core.auth.mfa;

import static dev.warden.core.auth.mfa.TotpVerifier.NEVER_USED;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * EnableMFADevice and ResyncMFADevice: two codes of consecutive steps, the second within ±10 steps of now, in order,
 * after the last used step; the second's step becomes the last used one.
 */
class ConsecutiveCodesTest {

    private final VerifierFixture f = new VerifierFixture();
    private final TotpVerifier verifier = VerifierFixture.at(VerifierFixture.NOW);
    private final long now = VerifierFixture.STEP;

    @Test
    void theCurrentAndPreviousCodesEnableTheDeviceAndAreUsedUp() {
        long last = verifier.verifyConsecutive(f.seed, f.code(now - 1), f.code(now), NEVER_USED).getAsLong();

        assertThat(last).isEqualTo(now);
        assertThat(verifier.verify(f.seed, f.code(now), last)).isEmpty();
        assertThat(verifier.verify(f.seed, f.code(now - 1), last)).isEmpty();
        assertThat(VerifierFixture.atStep(now + 1).verify(f.seed, f.code(now + 1), last)).hasValue(now + 1);
    }

    @ParameterizedTest
    @ValueSource(longs = {-10, -5, -1, 0, 1, 5, 10})
    void theSecondCodeMayBeUpToTenStepsFromNow(long offset) {
        long second = now + offset;

        assertThat(verifier.verifyConsecutive(f.seed, f.code(second - 1), f.code(second), NEVER_USED))
                .hasValue(second);
    }

    @ParameterizedTest
    @ValueSource(longs = {-12, -11, 11, 12, 1000})
    void fartherThanTenStepsIsRejected(long offset) {
        long second = now + offset;

        assertThat(verifier.verifyConsecutive(f.seed, f.code(second - 1), f.code(second), NEVER_USED)).isEmpty();
    }

    @Test
    void codesThatAreNotConsecutiveAreRejected() {
        assertThat(verifier.verifyConsecutive(f.seed, f.code(now - 2), f.code(now), NEVER_USED)).isEmpty();
        assertThat(verifier.verifyConsecutive(f.seed, f.code(now), f.code(now), NEVER_USED)).isEmpty();
    }

    @Test
    void codesInTheWrongOrderAreRejected() {
        assertThat(verifier.verifyConsecutive(f.seed, f.code(now), f.code(now - 1), NEVER_USED)).isEmpty();
    }

    @Test
    void oneWrongCodeIsEnoughToReject() {
        String wrong = f.code(now).equals("000000") ? "000001" : "000000";

        assertThat(verifier.verifyConsecutive(f.seed, f.code(now - 1), wrong, NEVER_USED)).isEmpty();
        assertThat(verifier.verifyConsecutive(f.seed, wrong, f.code(now), NEVER_USED)).isEmpty();
    }

    @Test
    void malformedCodesAreRejectedWithoutAnError() {
        assertThat(verifier.verifyConsecutive(f.seed, "12345", f.code(now), NEVER_USED)).isEmpty();
        assertThat(verifier.verifyConsecutive(f.seed, f.code(now - 1), null, NEVER_USED)).isEmpty();
        assertThat(verifier.verifyConsecutive(f.seed, f.code(now - 1), f.code(now) + " ", NEVER_USED)).isEmpty();
    }

    @Test
    void resynchronizingCannotReuseCodesAlreadyUsed() {
        long last = verifier.verify(f.seed, f.code(now), NEVER_USED).getAsLong();

        assertThat(verifier.verifyConsecutive(f.seed, f.code(now - 1), f.code(now), last)).isEmpty();
        assertThat(verifier.verifyConsecutive(f.seed, f.code(now), f.code(now + 1), last)).isEmpty();
        assertThat(verifier.verifyConsecutive(f.seed, f.code(now + 1), f.code(now + 2), last)).hasValue(now + 2);
    }

    @Test
    void theSynchronizationWindowIsConfigurable() {
        TotpVerifier narrow = new TotpVerifier(Totp.AWS, Clock.fixed(VerifierFixture.NOW, ZoneOffset.UTC), 1, 2);

        assertThat(narrow.verifyConsecutive(f.seed, f.code(now - 3), f.code(now - 2), NEVER_USED)).hasValue(now - 2);
        assertThat(narrow.verifyConsecutive(f.seed, f.code(now - 4), f.code(now - 3), NEVER_USED)).isEmpty();
    }
}
