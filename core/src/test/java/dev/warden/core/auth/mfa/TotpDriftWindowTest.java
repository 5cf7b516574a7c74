package dev.warden.core.auth.mfa;

import static dev.warden.core.auth.mfa.TotpVerifier.NEVER_USED;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** At sign-in the current step's code is accepted, and one step either side for clock drift; nothing further. */
class TotpDriftWindowTest {

    private final VerifierFixture f = new VerifierFixture();
    private final TotpVerifier verifier = VerifierFixture.at(VerifierFixture.NOW);
    private final long now = VerifierFixture.STEP;

    @Test
    void theCurrentCodeIsAcceptedAndItsStepReturned() {
        assertThat(verifier.verify(f.seed, f.code(now), NEVER_USED)).hasValue(now);
    }

    @Test
    void oneStepEitherSideIsAccepted() {
        assertThat(verifier.verify(f.seed, f.code(now - 1), NEVER_USED)).hasValue(now - 1);
        assertThat(verifier.verify(f.seed, f.code(now + 1), NEVER_USED)).hasValue(now + 1);
    }

    @ParameterizedTest
    @ValueSource(longs = {-3, -2, 2, 3, 100})
    void twoStepsOrMoreAwayAreRejected(long offset) {
        assertThat(verifier.verify(f.seed, f.code(now + offset), NEVER_USED)).isEmpty();
    }

    @Test
    void theWindowFollowsTheClockAcrossAStepBoundary() {
        Instant lastSecond = Instant.ofEpochSecond(now * 30 + 29);
        Instant nextStep = lastSecond.plusSeconds(1);

        assertThat(VerifierFixture.at(lastSecond).verify(f.seed, f.code(now - 1), NEVER_USED)).isPresent();
        assertThat(VerifierFixture.at(nextStep).verify(f.seed, f.code(now - 1), NEVER_USED)).isEmpty();
        assertThat(VerifierFixture.at(nextStep).verify(f.seed, f.code(now + 2), NEVER_USED)).hasValue(now + 2);
    }

    @Test
    void anotherDevicesCodeIsRejected() {
        assertThat(verifier.verify(VerifierFixture.seed(2), f.code(now), NEVER_USED)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "12345", "1234567", "12 456", "12345a", "-12345", "+12345", "１２３４５６", "١٢٣٤٥٦"})
    void malformedCodesAreRejectedWithoutAnError(String code) {
        assertThat(verifier.verify(f.seed, code, NEVER_USED)).isEmpty();
    }

    @Test
    void aMissingCodeIsRejected() {
        assertThat(verifier.verify(f.seed, null, NEVER_USED)).isEmpty();
    }

    @Test
    void theDriftIsConfigurable() {
        Clock clock = Clock.fixed(VerifierFixture.NOW, ZoneOffset.UTC);
        TotpVerifier exact = new TotpVerifier(Totp.AWS, clock, 0, 1);
        TotpVerifier lenient = new TotpVerifier(Totp.AWS, clock, 2, 1);

        assertThat(exact.verify(f.seed, f.code(now - 1), NEVER_USED)).isEmpty();
        assertThat(exact.verify(f.seed, f.code(now), NEVER_USED)).hasValue(now);
        assertThat(lenient.verify(f.seed, f.code(now - 2), NEVER_USED)).hasValue(now - 2);
    }
}
