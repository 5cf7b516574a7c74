package dev.warden.core.sts;

import static dev.warden.core.sts.StsFixture.ACCOUNT;
import static dev.warden.core.sts.StsFixture.allow;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.warden.core.auth.Caller;
import dev.warden.core.iam.IamError;
import dev.warden.core.iam.IamException;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class GetSessionTokenTest {

    private final StsFixture f;

    GetSessionTokenTest() throws Exception {
        f = new StsFixture();
    }

    @AfterEach
    void close() throws Exception {
        f.close();
    }

    private IamException fails(CallerCredential who, String... params) {
        return f.stsFails(who, "GetSessionToken", params);
    }

    @Test
    void aUsersSessionHasTheUsersPermissionsForTwelveHoursByDefault() throws Exception {
        CallerCredential alice = f.user(ACCOUNT, "alice", allow("s3:GetObject", "*"));

        ObjectNode answer = f.sts(alice, "GetSessionToken");
        CallerCredential session = f.session(answer);

        assertThat(Instant.parse(answer.at("/Credentials/Expiration").asText()))
                .isEqualTo(f.clock.instant().plusSeconds(43_200));
        assertThat(session.caller().via()).isEqualTo(Caller.Via.SESSION_TOKEN);
        assertThat(session.caller().principal().arn()).isEqualTo("arn:aws:iam::111122223333:user/alice");
        assertThat(f.decide(session, "s3:GetObject", "arn:aws:s3:::b/k").isAllowed()).isTrue();
        var context = session.caller().contextAt(f.clock.instant());
        assertThat(context.get("aws:MultiFactorAuthPresent").values()).containsExactly("false");
        assertThat(context).doesNotContainKey("aws:MultiFactorAuthAge");
        assertThat(alice.caller().contextAt(f.clock.instant())).doesNotContainKey("aws:MultiFactorAuthPresent");
    }

    @Test
    void withAnMfaCodeTheSessionSatisfiesMfaConditions() throws Exception {
        String deletesNeedMfa = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":"
                + "\"s3:DeleteObject\",\"Resource\":\"*\",\"Condition\":{\"Bool\":{\"aws:MultiFactorAuthPresent\":\"true\"}}}]}";
        CallerCredential alice = f.user(ACCOUNT, "alice", deletesNeedMfa);
        String serial = "arn:aws:iam::111122223333:mfa/alice";

        CallerCredential plain = f.session(f.sts(alice, "GetSessionToken"));
        CallerCredential strong = f.session(f.sts(alice, "GetSessionToken", "SerialNumber", serial, "TokenCode", "123456"));

        assertThat(f.decide(alice, "s3:DeleteObject", "arn:aws:s3:::b/k").isAllowed()).isFalse();
        assertThat(f.decide(plain, "s3:DeleteObject", "arn:aws:s3:::b/k").isAllowed()).isFalse();
        assertThat(f.decide(strong, "s3:DeleteObject", "arn:aws:s3:::b/k").isAllowed()).isTrue();
        assertThat(fails(alice, "SerialNumber", serial, "TokenCode", "654321").getMessage()).isEqualTo(MfaCheck.FAILED);
        assertThat(fails(alice, "TokenCode", "123456").error()).isEqualTo(IamError.VALIDATION_ERROR);
    }

    @Test
    void sessionCredentialsCannotGetAnotherSessionToken() throws Exception {
        CallerCredential alice = f.user(ACCOUNT, "alice", null);
        CallerCredential session = f.session(f.sts(alice, "GetSessionToken"));

        IamException e = fails(session);
        assertThat(e.error()).isEqualTo(IamError.ACCESS_DENIED);
        assertThat(e.getMessage()).isEqualTo("Cannot call GetSessionToken with session credentials");
    }

    @Test
    void durationRunsFrom15MinutesTo36HoursAndTheRootUserGetsAtMostOneHour() throws Exception {
        CallerCredential alice = f.user(ACCOUNT, "alice", null);
        CallerCredential root = new CallerCredential("AKIAROOTROOTROOTROOT", "x".repeat(40), Caller.of(StsFixture.ROOT),
                null);

        assertThat(fails(alice, "DurationSeconds", "899").error()).isEqualTo(IamError.VALIDATION_ERROR);
        assertThat(fails(alice, "DurationSeconds", "129601").error()).isEqualTo(IamError.VALIDATION_ERROR);
        assertThat(f.sts(alice, "GetSessionToken", "DurationSeconds", "129600").has("Credentials")).isTrue();
        assertThat(fails(root, "DurationSeconds", "3601").error()).isEqualTo(IamError.VALIDATION_ERROR);
        assertThat(Instant.parse(f.sts(root, "GetSessionToken").at("/Credentials/Expiration").asText()))
                .isEqualTo(f.clock.instant().plusSeconds(3_600));
    }

    @Test
    void anExplicitDenyStopsGetSessionToken() throws Exception {
        CallerCredential alice = f.user(ACCOUNT, "alice", "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":"
                + "\"Deny\",\"Action\":\"sts:GetSessionToken\",\"Resource\":\"*\"}]}");

        assertThat(fails(alice).error()).isEqualTo(IamError.ACCESS_DENIED);
    }

    @Test
    void getCallerIdentityAnswersForEveryKindOfCallerAndCannotBeDenied() throws Exception {
        String denyAll = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Deny\",\"Action\":\"*\",\"Resource\":\"*\"}]}";
        CallerCredential alice = f.user(ACCOUNT, "alice", denyAll);
        CallerCredential bob = f.user(ACCOUNT, "bob", null);
        String role = f.role(ACCOUNT, "r", StsFixture.trust("arn:aws:iam::111122223333:user/bob"), null);
        CallerCredential session = f.session(f.sts(bob, "AssumeRole", "RoleArn", role, "RoleSessionName", "web"));

        ObjectNode user = f.sts(alice, "GetCallerIdentity");
        assertThat(user.get("Arn").asText()).isEqualTo("arn:aws:iam::111122223333:user/alice");
        assertThat(user.get("Account").asText()).isEqualTo(ACCOUNT);
        assertThat(user.get("UserId").asText()).matches("AIDA[A-Z2-7]{16}");
        ObjectNode assumed = f.sts(session, "GetCallerIdentity");
        assertThat(assumed.get("Arn").asText()).isEqualTo("arn:aws:sts::111122223333:assumed-role/r/web");
        assertThat(assumed.get("UserId").asText()).matches("AROA[A-Z2-7]{16}:web");
    }

    @Test
    void getAccessKeyInfoNamesTheAccountOfAKnownKey() throws Exception {
        CallerCredential alice = f.user(ACCOUNT, "alice", null);
        CallerCredential bob = f.user(StsFixture.OTHER, "bob", null);

        assertThat(f.sts(alice, "GetAccessKeyInfo", "AccessKeyId", bob.accessKeyId()).get("Account").asText())
                .isEqualTo(StsFixture.OTHER);
    }

    @Test
    void anUnknownOperationIsInvalidAction() throws Exception {
        CallerCredential alice = f.user(ACCOUNT, "alice", null);
        try {
            f.sts(alice, "GetFederationTokens");
            throw new AssertionError("should fail");
        } catch (IamException e) {
            assertThat(e.error()).isEqualTo(IamError.INVALID_ACTION);
        }
    }
}
