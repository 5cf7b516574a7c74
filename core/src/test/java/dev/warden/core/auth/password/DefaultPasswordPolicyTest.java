package dev.warden.core.auth.password;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * AWS's default password policy, for accounts without a custom one: 8 to 128 characters, at least three of the four
 * character types, not identical to the account name or email address.
 */
class DefaultPasswordPolicyTest {

    private static final List<String> ACCOUNT = Arrays.asList("acme-prod", "admin@acme.example", null);

    private final PasswordValidator validator = new PasswordValidator(new PasswordHasher());

    private PasswordCheck check(String candidate) {
        return validator.checkDefault(candidate.toCharArray(), ACCOUNT);
    }

    @ParameterizedTest
    @ValueSource(strings = {"Abcdefg1", "abcdefg1!", "ABCDEFG1!", "Abcdefgh!", "Abc1!xyz"})
    void threeOrFourCharacterTypesAndEightCharactersPass(String candidate) {
        assertThat(check(candidate).passed()).isTrue();
    }

    @Test
    void sevenCharactersAreTooFew() {
        assertThat(check("Abcde1!").violations()).containsExactly(new PasswordViolation(PasswordRule.MINIMUM_LENGTH,
                "Password should have a minimum length of 8"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"abcdefgh", "abcdefg1", "ABCDEFG!", "12345678!", "abcdEFGH", "éèêëàâäô1"})
    void twoCharacterTypesOrFewerAreNotEnough(String candidate) {
        assertThat(check(candidate).violations()).containsExactly(new PasswordViolation(PasswordRule.CHARACTER_TYPES,
                "Password should have at least three of the following: uppercase letters, lowercase letters, numbers "
                        + "and symbols"));
    }

    @Test
    void thePasswordMustNotBeTheAccountNameOrEmail() {
        assertThat(validator.checkDefault("Acme-Prod-1".toCharArray(), List.of("Acme-Prod-1")).violations())
                .containsExactly(new PasswordViolation(PasswordRule.ACCOUNT_NAME_OR_EMAIL,
                        "Password should not be identical to your account name or email address"));
        assertThat(validator.checkDefault("Admin@acme.example".toCharArray(), List.of("x", "Admin@acme.example"))
                .rules()).containsExactly(PasswordRule.ACCOUNT_NAME_OR_EMAIL);
    }

    @Test
    void onlyAnIdenticalNameIsRefused() {
        assertThat(validator.checkDefault("Acme-Prod-12".toCharArray(), List.of("Acme-Prod-1")).passed()).isTrue();
        assertThat(validator.checkDefault("acme-prod-1!".toCharArray(), List.of("Acme-Prod-1!")).passed()).isTrue();
    }

    @Test
    void moreThan128CharactersAreRefused() {
        assertThat(check("Aa1!".repeat(32)).passed()).isTrue();
        assertThat(check("Aa1!".repeat(32) + "x").rules()).containsExactly(PasswordRule.MAXIMUM_LENGTH);
    }

    @Test
    void everyBrokenRuleIsReported() {
        assertThat(validator.checkDefault("abc".toCharArray(), List.of("abc")).rules())
                .containsExactly(PasswordRule.MINIMUM_LENGTH, PasswordRule.CHARACTER_TYPES,
                        PasswordRule.ACCOUNT_NAME_OR_EMAIL);
    }
}
