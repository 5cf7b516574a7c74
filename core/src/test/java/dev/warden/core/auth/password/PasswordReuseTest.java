package dev.warden.core.auth.password;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Reuse prevention: the last N passwords (newest first, current included) cannot be set again; older ones can. */
class PasswordReuseTest {

    private final PasswordValidator validator = new PasswordValidator(new PasswordHasher());

    private static PasswordPolicy remembering(int count) {
        return PasswordPolicy.builder().passwordReusePrevention(count).build();
    }

    @Test
    void theCurrentPasswordCannotBeSetAgain() {
        List<String> history = List.of(CheapHashes.of("current-pw"));

        assertThat(validator.check(remembering(1), "current-pw".toCharArray(), history).violations())
                .containsExactly(new PasswordViolation(PasswordRule.REUSE,
                        "Password should not be one of your previous 1 passwords"));
    }

    @Test
    void anyOfTheLastNIsRefusedAndOneOlderIsAllowed() {
        List<String> history = List.of(CheapHashes.of("password-5"), CheapHashes.of("password-4"),
                CheapHashes.of("password-3"), CheapHashes.of("password-2"), CheapHashes.of("password-1"));
        PasswordPolicy three = remembering(3);

        for (String recent : List.of("password-5", "password-4", "password-3")) {
            assertThat(validator.check(three, recent.toCharArray(), history).message())
                    .isEqualTo("Password does not conform to the account password policy. "
                            + "Password should not be one of your previous 3 passwords");
        }
        assertThat(validator.check(three, "password-2".toCharArray(), history).passed()).isTrue();
        assertThat(validator.check(three, "password-6".toCharArray(), history).passed()).isTrue();
    }

    @Test
    void withoutReusePreventionAnyPreviousPasswordMayReturn() {
        List<String> history = List.of(CheapHashes.of("current-pw"));

        assertThat(validator.check(PasswordPolicy.builder().build(), "current-pw".toCharArray(), history).passed())
                .isTrue();
    }

    @Test
    void aDamagedHashInTheHistoryDoesNotMatchAnything() {
        List<String> history = List.of("damaged", CheapHashes.of("password-1"));

        assertThat(validator.check(remembering(2), "password-2".toCharArray(), history).passed()).isTrue();
        assertThat(validator.check(remembering(2), "password-1".toCharArray(), history).rules())
                .containsExactly(PasswordRule.REUSE);
    }

    @Test
    void reuseIsReportedWithTheOtherBrokenRules() {
        PasswordPolicy policy = PasswordPolicy.builder().minimumPasswordLength(12).requireNumbers(true)
                .passwordReusePrevention(24).build();

        assertThat(validator.check(policy, "short".toCharArray(), List.of(CheapHashes.of("short"))).rules())
                .containsExactly(PasswordRule.MINIMUM_LENGTH, PasswordRule.NUMBER, PasswordRule.REUSE);
    }
}
