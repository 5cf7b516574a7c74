package dev.warden.core.auth.mfa;

import static dev.warden.core.auth.mfa.TotpVerifier.NEVER_USED;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/**
 * Codes are single-use: the caller stores the returned step, and no code of that step or an earlier one is accepted
 * again.
 */
class TotpReplayTest {

    private final VerifierFixture f = new VerifierFixture();
    private final TotpVerifier verifier = VerifierFixture.at(VerifierFixture.NOW);
    private final long now = VerifierFixture.STEP;

    @Test
    void aUsedCodeIsNotAcceptedTwice() {
        OptionalLong first = verifier.verify(f.seed, f.code(now), NEVER_USED);

        assertThat(first).hasValue(now);
        assertThat(verifier.verify(f.seed, f.code(now), first.getAsLong())).isEmpty();
    }

    @Test
    void anOlderCodeIsRefusedOnceANewerOneWasUsed() {
        long last = verifier.verify(f.seed, f.code(now), NEVER_USED).getAsLong();

        assertThat(verifier.verify(f.seed, f.code(now - 1), last)).isEmpty();
    }

    @Test
    void theNextStepsCodeIsStillAccepted() {
        long last = verifier.verify(f.seed, f.code(now - 1), NEVER_USED).getAsLong();

        assertThat(verifier.verify(f.seed, f.code(now), last)).hasValue(now);
        assertThat(verifier.verify(f.seed, f.code(now + 1), now)).hasValue(now + 1);
    }

    @Test
    void aCodeUsedAheadOfTimeCannotBeUsedWhenItsStepArrives() {
        long last = verifier.verify(f.seed, f.code(now + 1), NEVER_USED).getAsLong();

        assertThat(VerifierFixture.atStep(now + 1).verify(f.seed, f.code(now + 1), last)).isEmpty();
        assertThat(VerifierFixture.atStep(now + 2).verify(f.seed, f.code(now + 2), last)).hasValue(now + 2);
    }

    @Test
    void zeroWorksAsNeverUsed() {
        assertThat(verifier.verify(f.seed, f.code(now), 0)).hasValue(now);
        assertThat(verifier.verifyConsecutive(f.seed, f.code(now - 1), f.code(now), 0)).hasValue(now);
    }
}
