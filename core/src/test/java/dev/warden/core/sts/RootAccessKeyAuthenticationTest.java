package dev.warden.core.sts;

import static dev.warden.core.sts.StsFixture.ACCOUNT;
import static dev.warden.core.sts.StsFixture.trust;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.warden.core.auth.AuthFailure;
import dev.warden.core.auth.AuthenticationException;
import dev.warden.core.auth.Caller;
import dev.warden.core.auth.mfa.Totp;
import dev.warden.core.iam.IamError;
import dev.warden.core.iam.IamException;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A root user's access key signs requests as {@code arn:aws:iam::ACCOUNT:root}: resolved by
 * {@link CallerCredentials} like a user's key (active, sealed secret), with the account id as {@code aws:userid};
 * STS answers it as AWS answers the root user: GetSessionToken for 15 minutes to one hour, AssumeRole never.
 */
class RootAccessKeyAuthenticationTest {

    private static final String ROOT_ARN = "arn:aws:iam::111122223333:root";
    private final StsFixture f;

    RootAccessKeyAuthenticationTest() throws Exception {
        f = new StsFixture(null);
    }

    @AfterEach
    void close() throws Exception {
        f.close();
    }

    @Test
    void a_root_key_resolves_to_the_root_user_with_its_secret() throws Exception {
        ObjectNode created = f.iam(ACCOUNT, "CreateAccessKey");
        String id = created.at("/AccessKey/AccessKeyId").asText();

        CallerCredential root = f.resolve(id, null);

        assertThat(root.secretAccessKey()).isEqualTo(created.at("/AccessKey/SecretAccessKey").asText());
        assertThat(root.caller().via()).isEqualTo(Caller.Via.ACCESS_KEY);
        assertThat(root.caller().principal().arn()).isEqualTo(ROOT_ARN);
        var context = root.caller().contextAt(f.clock.instant());
        assertThat(context.get("aws:userid").values()).containsExactly(ACCOUNT);
        assertThat(context.get("aws:PrincipalType").values()).containsExactly("Account");
        ObjectNode identity = f.sts(root, "GetCallerIdentity");
        assertThat(identity.get("Arn").asText()).isEqualTo(ROOT_ARN);
        assertThat(identity.get("UserId").asText()).isEqualTo(ACCOUNT);
    }

    @Test
    void an_inactive_or_deleted_root_key_signs_nothing() throws Exception {
        String id = f.rootKey(ACCOUNT).accessKeyId();

        f.iam(ACCOUNT, "UpdateAccessKey", "AccessKeyId", id, "Status", "Inactive");
        assertThatThrownBy(() -> f.resolve(id, null)).isInstanceOfSatisfying(AuthenticationException.class,
                e -> assertThat(e.failure()).isEqualTo(AuthFailure.UNKNOWN_ACCESS_KEY));
        f.iam(ACCOUNT, "DeleteAccessKey", "AccessKeyId", id);
        assertThatThrownBy(() -> f.resolve(id, null)).isInstanceOf(AuthenticationException.class);
    }

    @Test
    void the_root_user_may_do_everything_in_its_account_without_a_policy() throws Exception {
        CallerCredential root = f.rootKey(ACCOUNT);

        f.warden.iam().call(root.caller(), ACCOUNT, "CreateUser", Map.of("UserName", "alice"));

        assertThat(f.decide(root, "iam:DeleteUser", "arn:aws:iam::111122223333:user/alice").isAllowed()).isTrue();
        assertThat(f.decide(root, "iam:DeleteUser", "arn:aws:iam::444455556666:user/alice").isAllowed())
                .as("another account's resources").isFalse();
    }

    @Test
    void the_root_user_may_not_assume_a_role_even_one_trusting_it() throws Exception {
        CallerCredential root = f.rootKey(ACCOUNT);
        String role = f.role(ACCOUNT, "admin", trust(ROOT_ARN), null);

        IamException e = f.stsFails(root, "AssumeRole", "RoleArn", role, "RoleSessionName", "session");

        assertThat(e.error()).isEqualTo(IamError.ACCESS_DENIED);
        assertThat(e.getMessage()).isEqualTo("Roles may not be assumed by root accounts.");
    }

    @Test
    void the_root_users_session_token_lasts_fifteen_minutes_to_one_hour() throws Exception {
        CallerCredential root = f.rootKey(ACCOUNT);

        ObjectNode byDefault = f.sts(root, "GetSessionToken");
        ObjectNode shortest = f.sts(root, "GetSessionToken", "DurationSeconds", "900");
        IamException tooLong = f.stsFails(root, "GetSessionToken", "DurationSeconds", "3601");

        assertThat(Instant.parse(byDefault.at("/Credentials/Expiration").asText()))
                .isEqualTo(f.clock.instant().plus(Duration.ofHours(1)));
        assertThat(Instant.parse(shortest.at("/Credentials/Expiration").asText()))
                .isEqualTo(f.clock.instant().plusSeconds(900));
        assertThat(tooLong.error()).isEqualTo(IamError.VALIDATION_ERROR);
        CallerCredential session = f.session(byDefault);
        assertThat(session.caller().principal().arn()).isEqualTo(ROOT_ARN);
        assertThat(session.caller().via()).isEqualTo(Caller.Via.SESSION_TOKEN);
    }

    @Test
    void a_root_session_token_with_the_root_users_mfa_code_may_call_iam() throws Exception {
        CallerCredential root = f.rootKey(ACCOUNT);
        byte[] seed = f.rootMfaDevice(ACCOUNT, "root-phone");
        f.clock.advance(Duration.ofSeconds(30));
        String code = Totp.AWS.generate(seed, Totp.AWS.step(f.clock.instant()));

        CallerCredential plain = f.session(f.sts(root, "GetSessionToken"));
        CallerCredential strong = f.session(f.sts(root, "GetSessionToken", "SerialNumber",
                "arn:aws:iam::111122223333:mfa/root-phone", "TokenCode", code));

        assertThat(strong.caller().contextAt(f.clock.instant()).get("aws:MultiFactorAuthPresent").values())
                .containsExactly("true");
        f.warden.iam().call(strong.caller(), ACCOUNT, "CreateUser", Map.of("UserName", "bob"));
        assertThatThrownBy(() -> f.warden.iam().call(plain.caller(), ACCOUNT, "CreateUser",
                Map.of("UserName", "carol"))).isInstanceOfSatisfying(IamException.class,
                        e -> assertThat(e.error()).isEqualTo(IamError.ACCESS_DENIED));
    }
}
