package dev.warden.core.sts;

import static dev.warden.core.sts.StsFixture.ACCOUNT;
import static dev.warden.core.sts.StsFixture.refused;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.warden.core.auth.Caller;
import dev.warden.core.auth.mfa.Base32;
import dev.warden.core.auth.mfa.Totp;
import dev.warden.core.iam.IamError;
import dev.warden.core.iam.IamException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ConsoleSignInTest {

    private final StsFixture f;

    ConsoleSignInTest() throws Exception {
        f = new StsFixture(null);
        f.iam(ACCOUNT, "CreateUser", "UserName", "alice");
        f.iam(ACCOUNT, "PutUserPolicy", "UserName", "alice", "PolicyName", "p", "PolicyDocument",
                StsFixture.allow("s3:GetObject", "*"));
        f.iam(ACCOUNT, "CreateLoginProfile", "UserName", "alice", "Password", "Correct-Horse-7");
    }

    @AfterEach
    void close() throws Exception {
        f.close();
    }

    @Test
    void theRightPasswordGivesATwelveHourConsoleSessionWithTheUsersPermissions() throws Exception {
        ConsoleSignIn.Result result = f.warden.login(ACCOUNT, "alice", "Correct-Horse-7".toCharArray(), null);

        assertThat(result.passwordResetRequired()).isFalse();
        assertThat(result.credentials().expiration()).isEqualTo(f.clock.instant().plus(Duration.ofHours(12)));
        assertThat(result.credentials().toString()).doesNotContain(result.credentials().secretAccessKey());
        CallerCredential session = f.resolve(result.credentials().accessKeyId(), result.credentials().sessionToken());
        assertThat(session.caller().via()).isEqualTo(Caller.Via.CONSOLE);
        assertThat(f.decide(session, "s3:GetObject", "arn:aws:s3:::b/k").isAllowed()).isTrue();
        assertThat(f.warden.directory().current().account(ACCOUNT).user("alice").passwordLastUsed())
                .isEqualTo(f.clock.instant());
        assertThat(f.warden.login("example", "alice", "Correct-Horse-7".toCharArray(), null)).isNotNull();
    }

    @Test
    void aWrongAccountUserOrPasswordFailsAlike() {
        for (String[] attempt : new String[][] {{ACCOUNT, "alice", "wrong"}, {ACCOUNT, "nobody", "Correct-Horse-7"},
                {"999999999999", "alice", "Correct-Horse-7"}, {ACCOUNT, "ALICE", "Correct-Horse-7"}}) {
            refused(() -> f.warden.login(attempt[0], attempt[1], attempt[2].toCharArray(), null),
                    IamError.ACCESS_DENIED, ConsoleSignIn.FAILED);
        }
    }

    @Test
    void aUserWithAnMfaDeviceMustGiveItsCodeAndTheSessionCarriesMfa() throws Exception {
        var device = f.iam(ACCOUNT, "CreateVirtualMFADevice", "VirtualMFADeviceName", "alice").get("VirtualMFADevice");
        byte[] seed = Base32.decode(new String(Base64.getDecoder().decode(device.get("Base32StringSeed").asText()),
                StandardCharsets.US_ASCII));
        long now = Totp.AWS.step(f.clock.instant());
        f.iam(ACCOUNT, "EnableMFADevice", "UserName", "alice", "SerialNumber", device.get("SerialNumber").asText(),
                "AuthenticationCode1", Totp.AWS.generate(seed, now - 1), "AuthenticationCode2", Totp.AWS.generate(seed, now));
        f.clock.advance(Duration.ofSeconds(30));
        String code = Totp.AWS.generate(seed, now + 1);

        refused(() -> f.warden.login(ACCOUNT, "alice", "Correct-Horse-7".toCharArray(), null), IamError.ACCESS_DENIED,
                "An MFA code is required to sign in as alice.");
        var result = f.warden.login(ACCOUNT, "alice", "Correct-Horse-7".toCharArray(), code);
        var context = f.resolve(result.credentials().accessKeyId(), result.credentials().sessionToken()).caller()
                .contextAt(f.clock.instant());
        assertThat(context.get("aws:MultiFactorAuthPresent").values()).containsExactly("true");
        refused(() -> f.warden.login(ACCOUNT, "alice", "Correct-Horse-7".toCharArray(), code), IamError.ACCESS_DENIED,
                MfaCheck.FAILED);
    }

    @Test
    void anExpiredPasswordMustBeChangedAndAHardExpiredOneCannotSignIn() throws Exception {
        f.iam(ACCOUNT, "UpdateAccountPasswordPolicy", "MaxPasswordAge", "30");
        f.clock.advance(Duration.ofDays(31));

        assertThat(f.warden.login(ACCOUNT, "alice", "Correct-Horse-7".toCharArray(), null).passwordResetRequired())
                .isTrue();
        f.iam(ACCOUNT, "UpdateAccountPasswordPolicy", "MaxPasswordAge", "30", "HardExpiry", "true");
        assertThatThrownBy(() -> f.warden.login(ACCOUNT, "alice", "Correct-Horse-7".toCharArray(), null))
                .isInstanceOfSatisfying(IamException.class,
                        e -> assertThat(e.error()).isEqualTo(IamError.ENTITY_TEMPORARILY_UNMODIFIABLE));
    }

    @Test
    void signInsAreCounted() throws Exception {
        f.warden.login(ACCOUNT, "alice", "Correct-Horse-7".toCharArray(), null);
        try {
            f.warden.login(ACCOUNT, "alice", "nope".toCharArray(), null);
        } catch (IamException expected) {
            // counted below
        }
        assertThat(f.registry.get("warden.signins").tag("result", "success").counter().count()).isEqualTo(1);
        assertThat(f.registry.get("warden.signins").tag("result", "failure").counter().count()).isEqualTo(1);
    }
}
