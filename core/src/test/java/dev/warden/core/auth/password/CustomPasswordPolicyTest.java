package dev.warden.core.auth.password;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** A custom policy: each rule on its own, every broken rule reported at once, in IAM's words. */
class CustomPasswordPolicyTest {

    private static final PasswordPolicy STRICT = PasswordPolicy.builder().minimumPasswordLength(14)
            .requireUppercaseCharacters(true).requireLowercaseCharacters(true).requireNumbers(true)
            .requireSymbols(true).build();

    private final PasswordValidator validator = new PasswordValidator(new PasswordHasher());

    private PasswordCheck check(PasswordPolicy policy, String candidate) {
        return validator.check(policy, candidate.toCharArray(), List.of());
    }

    @Test
    void aPasswordThatMeetsEveryRulePasses() {
        PasswordCheck check = check(STRICT, "Correct-Horse-7-Battery");

        assertThat(check.passed()).isTrue();
        assertThat(check.violations()).isEmpty();
        assertThat(check.message()).isEmpty();
    }

    @Test
    void theMinimumLengthIsInclusive() {
        PasswordPolicy fourteen = PasswordPolicy.builder().minimumPasswordLength(14).build();

        assertThat(check(fourteen, "a".repeat(14)).passed()).isTrue();
        assertThat(check(fourteen, "a".repeat(13)).violations())
                .containsExactly(new PasswordViolation(PasswordRule.MINIMUM_LENGTH,
                        "Password should have a minimum length of 14"));
    }

    @Test
    void lengthCountsCharactersNotUtf16Units() {
        PasswordPolicy six = PasswordPolicy.builder().build();

        // five emoji are ten chars in Java but five characters to the user
        assertThat(check(six, "\uD83D\uDD11".repeat(5)).rules()).containsExactly(PasswordRule.MINIMUM_LENGTH);
        assertThat(check(six, "\uD83D\uDD11".repeat(6)).passed()).isTrue();
    }

    @Test
    void nothingLongerThan128CharactersIsAccepted() {
        PasswordPolicy six = PasswordPolicy.builder().build();

        assertThat(check(six, "a".repeat(128)).passed()).isTrue();
        assertThat(check(six, "a".repeat(129)).violations()).containsExactly(new PasswordViolation(
                PasswordRule.MAXIMUM_LENGTH, "Password should have a maximum length of 128"));
    }

    @Test
    void eachRequiredCharacterTypeIsItsOwnRule() {
        assertThat(check(STRICT, "correct-horse-7-battery").violations()).containsExactly(new PasswordViolation(
                PasswordRule.UPPERCASE, "Password should have at least one uppercase letter"));
        assertThat(check(STRICT, "CORRECT-HORSE-7-BATTERY").violations()).containsExactly(new PasswordViolation(
                PasswordRule.LOWERCASE, "Password should have at least one lowercase letter"));
        assertThat(check(STRICT, "Correct-Horse-X-Battery").violations()).containsExactly(new PasswordViolation(
                PasswordRule.NUMBER, "Password should have at least one number"));
        assertThat(check(STRICT, "CorrectHorse7Battery").violations()).containsExactly(new PasswordViolation(
                PasswordRule.SYMBOL, "Password should have at least one symbol"));
    }

    @Test
    void everyBrokenRuleIsReportedInOneMessage() {
        PasswordCheck check = check(STRICT, "abc");

        assertThat(check.rules()).containsExactly(PasswordRule.MINIMUM_LENGTH, PasswordRule.UPPERCASE,
                PasswordRule.NUMBER, PasswordRule.SYMBOL);
        assertThat(check.message()).isEqualTo("Password does not conform to the account password policy. "
                + "Password should have a minimum length of 14; Password should have at least one uppercase letter; "
                + "Password should have at least one number; Password should have at least one symbol");
    }

    @ParameterizedTest
    @ValueSource(chars = {'!', '@', '#', '$', '%', '^', '&', '*', '(', ')', '_', '+', '-', '=', '[', ']', '{', '}', '|',
            '\''})
    void eachOfIamsTwentySymbolsCounts(char symbol) {
        assertThat(check(STRICT, "CorrectHorse7Battery" + symbol).passed()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(chars = {'~', '.', ',', '?', ' ', '"', '\\', '/', ':', ';', '<', '>', '`', '§'})
    void otherPunctuationIsNotASymbolToIam(char other) {
        assertThat(check(STRICT, "CorrectHorse7Battery" + other).rules()).containsExactly(PasswordRule.SYMBOL);
    }

    @Test
    void lettersAndDigitsOutsideBasicLatinDoNotCount() {
        assertThat(check(STRICT, "ÉÈÊ-ÀÂ-éèê-٣-àâäôûü").rules()).containsExactly(PasswordRule.UPPERCASE,
                PasswordRule.LOWERCASE, PasswordRule.NUMBER);
    }

    @Test
    void aPolicyWithoutCharacterRulesOnlyChecksLength() {
        assertThat(check(PasswordPolicy.builder().build(), "aaaaaa").passed()).isTrue();
    }

    @Test
    void aViolationNeverQuotesThePassword() {
        PasswordCheck check = check(STRICT, "hunter2");

        assertThat(check.message()).doesNotContain("hunter2");
        assertThat(check.toString()).doesNotContain("hunter2");
    }
}
