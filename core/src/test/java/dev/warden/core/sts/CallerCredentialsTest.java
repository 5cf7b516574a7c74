package dev.warden.core.sts;

import static dev.warden.core.sts.StsFixture.ACCOUNT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.warden.core.auth.AuthFailure;
import dev.warden.core.auth.AuthenticationException;
import dev.warden.core.auth.Caller;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class CallerCredentialsTest {

    private final StsFixture f;

    CallerCredentialsTest() throws Exception {
        f = new StsFixture();
    }

    @AfterEach
    void close() throws Exception {
        f.close();
    }

    private static void refused(ThrowingLookup lookup, AuthFailure failure) {
        assertThatThrownBy(lookup::run).isInstanceOfSatisfying(AuthenticationException.class,
                e -> assertThat(e.failure()).isEqualTo(failure));
    }

    private interface ThrowingLookup {
        void run() throws Exception;
    }

    @Test
    void anActiveKeyResolvesToItsUserWithTheSecretHandedOutAtCreation() throws Exception {
        f.iam(ACCOUNT, "CreateUser", "UserName", "alice", "Tags.member.1.Key", "Team", "Tags.member.1.Value", "blue");
        var created = f.iam(ACCOUNT, "CreateAccessKey", "UserName", "alice").get("AccessKey");

        CallerCredential credential = f.resolve(created.get("AccessKeyId").asText(), null);

        assertThat(credential.secretAccessKey()).isEqualTo(created.get("SecretAccessKey").asText());
        assertThat(credential.caller().via()).isEqualTo(Caller.Via.ACCESS_KEY);
        assertThat(credential.caller().principal().arn()).isEqualTo("arn:aws:iam::111122223333:user/alice");
        var context = credential.caller().contextAt(f.clock.instant());
        assertThat(context.get("aws:userid").values().get(0)).startsWith("AIDA");
        assertThat(context.get("aws:PrincipalTag/team").values()).containsExactly("blue");
        assertThat(credential.toString()).doesNotContain(credential.secretAccessKey());
    }

    @Test
    void aResolvedKeySeesTheNextDirectoryChange() throws Exception {
        f.iam(ACCOUNT, "CreateUser", "UserName", "alice");
        String key = f.iam(ACCOUNT, "CreateAccessKey", "UserName", "alice").get("AccessKey").get("AccessKeyId")
                .asText();
        assertThat(f.resolve(key, null)).isSameAs(f.resolve(key, null));
        assertThat(f.resolve(key, null).caller().keys()).doesNotContainKey("aws:PrincipalTag/team");

        f.iam(ACCOUNT, "TagUser", "UserName", "alice", "Tags.member.1.Key", "Team", "Tags.member.1.Value", "red");

        assertThat(f.resolve(key, null).caller().keys().get("aws:PrincipalTag/team").values()).containsExactly("red");
    }

    @Test
    void unknownInactiveAndDeletedKeysAreRefusedAsInvalidClientTokenId() throws Exception {
        CallerCredential alice = f.user(ACCOUNT, "alice", null);
        String key = alice.accessKeyId();

        refused(() -> f.resolve("AKIAUNKNOWNUNKNOWN00", null), AuthFailure.UNKNOWN_ACCESS_KEY);
        refused(() -> f.resolve("short", null), AuthFailure.UNKNOWN_ACCESS_KEY);
        f.iam(ACCOUNT, "UpdateAccessKey", "UserName", "alice", "AccessKeyId", key, "Status", "Inactive");
        refused(() -> f.resolve(key, null), AuthFailure.UNKNOWN_ACCESS_KEY);
        f.iam(ACCOUNT, "UpdateAccessKey", "UserName", "alice", "AccessKeyId", key, "Status", "Active");
        assertThat(f.resolve(key, null).caller().principal().name()).isEqualTo("alice");
        f.iam(ACCOUNT, "DeleteAccessKey", "UserName", "alice", "AccessKeyId", key);
        refused(() -> f.resolve(key, null), AuthFailure.UNKNOWN_ACCESS_KEY);
        assertThat(AuthFailure.UNKNOWN_ACCESS_KEY.code(false)).isEqualTo("InvalidClientTokenId");
        assertThat(AuthFailure.UNKNOWN_ACCESS_KEY.code(true)).isEqualTo("InvalidAccessKeyId");
    }

    @Test
    void temporaryKeysNeedTheirOwnToken() throws Exception {
        CallerCredential alice = f.user(ACCOUNT, "alice", null);
        CallerCredential bob = f.user(ACCOUNT, "bob", null);
        var aliceSession = f.sts(alice, "GetSessionToken").get("Credentials");
        var bobSession = f.sts(bob, "GetSessionToken").get("Credentials");

        refused(() -> f.resolve(aliceSession.get("AccessKeyId").asText(), null), AuthFailure.UNKNOWN_ACCESS_KEY);
        refused(() -> f.resolve(aliceSession.get("AccessKeyId").asText(), bobSession.get("SessionToken").asText()),
                AuthFailure.INVALID_TOKEN);
        assertThat(f.resolve(aliceSession.get("AccessKeyId").asText(), aliceSession.get("SessionToken").asText())
                .caller().principal().name()).isEqualTo("alice");
    }
}
