package dev.warden.core.admin;

import static dev.warden.core.admin.IamFixture.expect;
import static org.assertj.core.api.Assertions.assertThat;

import dev.warden.core.iam.IamError;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class PasswordPolicyOperationsTest {

    private final IamFixture f;

    PasswordPolicyOperationsTest() throws Exception {
        f = new IamFixture();
    }

    @AfterEach
    void close() throws Exception {
        f.close();
    }

    @Test
    void thePolicyIsSetReadAndDeletedWithAwssShape() throws Exception {
        expect(f.rootFails("GetAccountPasswordPolicy"), IamError.NO_SUCH_ENTITY,
                "The Password Policy with domain name 111122223333 cannot be found.");
        f.root("UpdateAccountPasswordPolicy", "MinimumPasswordLength", "14", "RequireSymbols", "true",
                "MaxPasswordAge", "90", "PasswordReusePrevention", "5", "HardExpiry", "true");

        var policy = f.root("GetAccountPasswordPolicy").get("PasswordPolicy");
        assertThat(policy.get("MinimumPasswordLength").asInt()).isEqualTo(14);
        assertThat(policy.get("RequireSymbols").asBoolean()).isTrue();
        assertThat(policy.get("RequireNumbers").asBoolean()).isFalse();
        assertThat(policy.get("ExpirePasswords").asBoolean()).isTrue();
        assertThat(policy.get("MaxPasswordAge").asInt()).isEqualTo(90);
        assertThat(policy.get("PasswordReusePrevention").asInt()).isEqualTo(5);
        assertThat(policy.get("HardExpiry").asBoolean()).isTrue();
        f.root("DeleteAccountPasswordPolicy");
        assertThat(f.rootFails("GetAccountPasswordPolicy").error()).isEqualTo(IamError.NO_SUCH_ENTITY);
    }

    @Test
    void anUpdateReplacesTheWholePolicyWithDefaultsForWhatItLeavesOut() throws Exception {
        f.root("UpdateAccountPasswordPolicy", "MinimumPasswordLength", "14", "RequireSymbols", "true");
        f.root("UpdateAccountPasswordPolicy", "RequireNumbers", "true");

        var policy = f.root("GetAccountPasswordPolicy").get("PasswordPolicy");
        assertThat(policy.get("MinimumPasswordLength").asInt()).isEqualTo(6);
        assertThat(policy.get("RequireSymbols").asBoolean()).isFalse();
        assertThat(policy.has("MaxPasswordAge")).isFalse();
    }

    @Test
    void outOfRangeValuesAreValidationErrorsAndChangeNothing() throws Exception {
        expect(f.rootFails("UpdateAccountPasswordPolicy", "MinimumPasswordLength", "200"), IamError.VALIDATION_ERROR,
                "1 validation error detected: Value '200' at 'minimumPasswordLength' failed to satisfy constraint: "
                        + "Member must have value less than or equal to 128");
        assertThat(f.rootFails("UpdateAccountPasswordPolicy", "MaxPasswordAge", "0").error())
                .isEqualTo(IamError.VALIDATION_ERROR);
        assertThat(f.rootFails("UpdateAccountPasswordPolicy", "PasswordReusePrevention", "25").error())
                .isEqualTo(IamError.VALIDATION_ERROR);
    }
}
