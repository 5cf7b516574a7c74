package dev.warden.core.auth.password;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A password policy has UpdateAccountPasswordPolicy's ranges (length 6..128, age 1..1095 days, reuse 1..24) and
 * defaults, and a value out of range is refused with AWS's ValidationError message naming the field.
 */
class PasswordPolicyBoundsTest {

    private static String constraint(String value, String field, String rule) {
        return "Value '" + value + "' at '" + field + "' failed to satisfy constraint: Member must have value " + rule;
    }

    @Test
    void aPolicyWithNothingGivenHasUpdateAccountPasswordPolicysDefaults() {
        PasswordPolicy policy = PasswordPolicy.builder().build();

        assertThat(policy).isEqualTo(new PasswordPolicy(6, false, false, false, false, false, 0, 0, false));
        assertThat(policy.expirePasswords()).isFalse();
    }

    @Test
    void everyFieldIsTakenAsGiven() {
        PasswordPolicy policy = PasswordPolicy.builder().minimumPasswordLength(14).requireSymbols(true)
                .requireNumbers(true).requireUppercaseCharacters(true).requireLowercaseCharacters(true)
                .allowUsersToChangePassword(true).maxPasswordAge(90).passwordReusePrevention(24).hardExpiry(true)
                .build();

        assertThat(policy).isEqualTo(new PasswordPolicy(14, true, true, true, true, true, 90, 24, true));
        assertThat(policy.expirePasswords()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(ints = {6, 7, 127, 128})
    void theMinimumLengthMayBeFrom6To128(int length) {
        assertThat(PasswordPolicy.builder().minimumPasswordLength(length).build().minimumPasswordLength())
                .isEqualTo(length);
    }

    @ParameterizedTest
    @CsvSource({"5, greater than or equal to 6", "0, greater than or equal to 6", "-1, greater than or equal to 6",
            "129, less than or equal to 128", "200, less than or equal to 128"})
    void aMinimumLengthOutOfRangeIsAValidationError(int length, String rule) {
        assertThatThrownBy(() -> PasswordPolicy.builder().minimumPasswordLength(length).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("1 validation error detected: "
                        + constraint(String.valueOf(length), "minimumPasswordLength", rule));
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 1094, 1095})
    void theMaximumAgeMayBeFrom1To1095Days(int days) {
        assertThat(PasswordPolicy.builder().maxPasswordAge(days).build().maxPasswordAge()).isEqualTo(days);
    }

    @ParameterizedTest
    @CsvSource({"0, greater than or equal to 1", "-5, greater than or equal to 1", "1096, less than or equal to 1095"})
    void aMaximumAgeOutOfRangeIsAValidationError(int days, String rule) {
        assertThatThrownBy(() -> PasswordPolicy.builder().maxPasswordAge(days).build())
                .hasMessage("1 validation error detected: " + constraint(String.valueOf(days), "maxPasswordAge", rule));
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 23, 24})
    void reusePreventionMayBeFrom1To24(int count) {
        assertThat(PasswordPolicy.builder().passwordReusePrevention(count).build().passwordReusePrevention())
                .isEqualTo(count);
    }

    @ParameterizedTest
    @CsvSource({"0, greater than or equal to 1", "25, less than or equal to 24"})
    void reusePreventionOutOfRangeIsAValidationError(int count, String rule) {
        assertThatThrownBy(() -> PasswordPolicy.builder().passwordReusePrevention(count).build())
                .hasMessage("1 validation error detected: "
                        + constraint(String.valueOf(count), "passwordReusePrevention", rule));
    }

    @Test
    void everyValueOutOfRangeIsListedInOneMessage() {
        assertThatThrownBy(() -> PasswordPolicy.builder().minimumPasswordLength(129).maxPasswordAge(1096)
                .passwordReusePrevention(25).build())
                .hasMessage("3 validation errors detected: "
                        + constraint("129", "minimumPasswordLength", "less than or equal to 128") + "; "
                        + constraint("25", "passwordReusePrevention", "less than or equal to 24") + "; "
                        + constraint("1096", "maxPasswordAge", "less than or equal to 1095"));
    }

    @Test
    void theRecordItselfTakesZeroAsNotSetAndRefusesOtherValuesOutOfRange() {
        assertThat(new PasswordPolicy(8, false, false, false, false, false, 0, 0, false).expirePasswords()).isFalse();
        assertThatThrownBy(() -> new PasswordPolicy(8, false, false, false, false, false, -1, 0, false))
                .hasMessage("1 validation error detected: "
                        + constraint("-1", "maxPasswordAge", "greater than or equal to 1"));
        assertThatThrownBy(() -> new PasswordPolicy(5, false, false, false, false, false, 0, 30, false))
                .hasMessage("2 validation errors detected: "
                        + constraint("5", "minimumPasswordLength", "greater than or equal to 6") + "; "
                        + constraint("30", "passwordReusePrevention", "less than or equal to 24"));
    }
}
