package dev.warden.core.sts;

import static dev.warden.core.sts.StsFixture.ACCOUNT;
import static dev.warden.core.sts.StsFixture.refused;
import static dev.warden.core.sts.StsFixture.OTHER;
import static org.assertj.core.api.Assertions.assertThat;

import dev.warden.core.auth.Caller;
import dev.warden.core.auth.mfa.Totp;
import dev.warden.core.iam.IamError;
import dev.warden.core.iam.IamException;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Sign-in as the root user, as AWS's root sign-in: the root user's email (or the account id) and its password give
 * a 12-hour console session of {@code arn:aws:iam::ACCOUNT:root}, which may do everything in its account; when the
 * root user has an MFA device, its code is required.
 */
class RootSignInTest {

    private static final char[] PASSWORD = "Root-Password-1".toCharArray();
    private final StsFixture f;

    RootSignInTest() throws Exception {
        f = new StsFixture(null);
        f.warden.iam().setRootEmail(ACCOUNT, "owner@example.com");
        f.warden.iam().setRootPassword(ACCOUNT, PASSWORD);
    }

    @AfterEach
    void close() throws Exception {
        f.close();
    }

    @Test
    void the_root_email_and_password_give_a_console_session_of_the_root_user() throws Exception {
        ConsoleSignIn.Result result = f.warden.loginAsRoot("Owner@Example.com", PASSWORD, null);

        assertThat(result.passwordResetRequired()).isFalse();
        assertThat(result.credentials().expiration()).isEqualTo(f.clock.instant().plus(Duration.ofHours(12)));
        CallerCredential session = f.resolve(result.credentials().accessKeyId(), result.credentials().sessionToken());
        assertThat(session.caller().via()).isEqualTo(Caller.Via.CONSOLE);
        assertThat(session.caller().principal().arn()).isEqualTo("arn:aws:iam::111122223333:root");
        assertThat(session.caller().contextAt(f.clock.instant()).get("aws:userid").values()).containsExactly(ACCOUNT);
        assertThat(f.sts(session, "GetCallerIdentity").get("Arn").asText()).isEqualTo("arn:aws:iam::111122223333:root");
        // the root user needs no policy: it creates a user with its console session
        f.warden.iam().call(session.caller(), ACCOUNT, "CreateUser", Map.of("UserName", "alice"));
        assertThat(f.warden.directory().current().account(ACCOUNT).root().passwordLastUsed())
                .isEqualTo(f.clock.instant());
    }

    @Test
    void the_account_id_signs_the_root_user_in_too() throws Exception {
        ConsoleSignIn.Result result = f.warden.loginAsRoot(ACCOUNT, PASSWORD, null);

        assertThat(f.resolve(result.credentials().accessKeyId(), result.credentials().sessionToken()).caller()
                .principal().arn()).isEqualTo("arn:aws:iam::111122223333:root");
    }

    @Test
    void a_wrong_address_password_or_an_account_without_root_password_fail_alike() {
        for (String[] attempt : new String[][] {{"owner@example.com", "Wrong-Password-1"},
                {"nobody@example.com", "Root-Password-1"}, {OTHER, "Root-Password-1"}, {null, "Root-Password-1"}}) {
            refused(() -> f.warden.loginAsRoot(attempt[0], attempt[1].toCharArray(), null), IamError.ACCESS_DENIED,
                    ConsoleSignIn.FAILED);
        }
        assertThat(f.registry.get("warden.signins").tag("result", "failure").counter().count()).isEqualTo(4);
    }

    @Test
    void a_root_user_with_an_mfa_device_must_give_its_code() throws Exception {
        byte[] seed = f.rootMfaDevice(ACCOUNT, "root-phone");
        f.clock.advance(Duration.ofSeconds(30));
        String code = Totp.AWS.generate(seed, Totp.AWS.step(f.clock.instant()));

        refused(() -> f.warden.loginAsRoot("owner@example.com", PASSWORD, null), IamError.ACCESS_DENIED,
                "An MFA code is required to sign in as the root user.");
        refused(() -> f.warden.loginAsRoot("owner@example.com", PASSWORD, "000000".equals(code) ? "111111" : "000000"),
                IamError.ACCESS_DENIED, MfaCheck.FAILED);
        ConsoleSignIn.Result result = f.warden.loginAsRoot("owner@example.com", PASSWORD, code);

        var context = f.resolve(result.credentials().accessKeyId(), result.credentials().sessionToken()).caller()
                .contextAt(f.clock.instant());
        assertThat(context.get("aws:MultiFactorAuthPresent").values()).containsExactly("true");
        refused(() -> f.warden.loginAsRoot("owner@example.com", PASSWORD, code), IamError.ACCESS_DENIED,
                MfaCheck.FAILED);
    }
}
