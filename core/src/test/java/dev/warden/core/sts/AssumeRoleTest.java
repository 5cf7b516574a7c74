package dev.warden.core.sts;

import static dev.warden.core.sts.StsFixture.ACCOUNT;
import static dev.warden.core.sts.StsFixture.OTHER;
import static dev.warden.core.sts.StsFixture.allow;
import static dev.warden.core.sts.StsFixture.trust;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.warden.core.auth.AuthFailure;
import dev.warden.core.auth.AuthenticationException;
import dev.warden.core.auth.Caller;
import dev.warden.core.iam.IamError;
import dev.warden.core.iam.IamException;
import dev.warden.spi.Outcome;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class AssumeRoleTest {

    private static final String READ = allow("s3:GetObject", "*");
    private final StsFixture f;

    AssumeRoleTest() throws Exception {
        f = new StsFixture();
    }

    @AfterEach
    void close() throws Exception {
        f.close();
    }

    private IamException fails(CallerCredential who, String... params) {
        return f.stsFails(who, "AssumeRole", params);
    }

    @Test
    void aUserTheTrustPolicyNamesGetsCredentialsThatActAsTheRoleSession() throws Exception {
        CallerCredential alice = f.user(ACCOUNT, "alice", null);
        String role = f.role(ACCOUNT, "reader", trust("arn:aws:iam::111122223333:user/alice"), READ);

        ObjectNode answer = f.sts(alice, "AssumeRole", "RoleArn", role, "RoleSessionName", "alice-session");

        assertThat(answer.at("/AssumedRoleUser/Arn").asText())
                .isEqualTo("arn:aws:sts::111122223333:assumed-role/reader/alice-session");
        assertThat(answer.at("/AssumedRoleUser/AssumedRoleId").asText()).matches("AROA[A-Z2-7]{16}:alice-session");
        assertThat(answer.at("/Credentials/AccessKeyId").asText()).matches("ASIA[A-Z2-7]{16}");
        assertThat(answer.at("/Credentials/SecretAccessKey").asText()).hasSize(40);
        assertThat(Instant.parse(answer.at("/Credentials/Expiration").asText()))
                .isEqualTo(f.clock.instant().plusSeconds(3_600));
        CallerCredential session = f.session(answer);
        assertThat(session.caller().via()).isEqualTo(Caller.Via.ROLE_SESSION);
        assertThat(session.caller().principal().arn()).isEqualTo("arn:aws:sts::111122223333:assumed-role/reader/alice-session");
        assertThat(f.decide(session, "s3:GetObject", "arn:aws:s3:::bucket/key").isAllowed()).isTrue();
        assertThat(f.decide(session, "s3:PutObject", "arn:aws:s3:::bucket/key").isAllowed()).isFalse();
        assertThat(f.decide(alice, "s3:GetObject", "arn:aws:s3:::bucket/key").isAllowed()).isFalse();
    }

    @Test
    void aTrustPolicyNamingTheAccountNeedsTheCallersOwnPermission() throws Exception {
        CallerCredential bob = f.user(ACCOUNT, "bob", null);
        String role = f.role(ACCOUNT, "reader", trust("arn:aws:iam::111122223333:root"), READ);

        IamException denied = fails(bob, "RoleArn", role, "RoleSessionName", "s1");
        assertThat(denied.error()).isEqualTo(IamError.ACCESS_DENIED);
        assertThat(denied.getMessage()).startsWith("User: arn:aws:iam::111122223333:user/bob is not authorized to "
                + "perform: sts:AssumeRole on resource: " + role);

        CallerCredential carol = f.user(ACCOUNT, "carol", allow("sts:AssumeRole", role));
        assertThat(f.sts(carol, "AssumeRole", "RoleArn", role, "RoleSessionName", "s1").has("Credentials")).isTrue();
    }

    @Test
    void acrossAccountsBothTheTrustPolicyAndTheCallersPolicyMustAllow() throws Exception {
        String role = f.role(OTHER, "partner", trust("arn:aws:iam::111122223333:root"), READ);
        CallerCredential without = f.user(ACCOUNT, "without", null);
        CallerCredential with = f.user(ACCOUNT, "with", allow("sts:AssumeRole", role));
        String untrusting = f.role(OTHER, "closed", trust("arn:aws:iam::444455556666:root"), READ);
        CallerCredential wants = f.user(ACCOUNT, "wants", allow("sts:AssumeRole", "*"));

        assertThat(fails(without, "RoleArn", role, "RoleSessionName", "s0").error()).isEqualTo(IamError.ACCESS_DENIED);
        assertThat(fails(wants, "RoleArn", untrusting, "RoleSessionName", "s0").error()).isEqualTo(IamError.ACCESS_DENIED);
        ObjectNode answer = f.sts(with, "AssumeRole", "RoleArn", role, "RoleSessionName", "s0");
        assertThat(answer.at("/AssumedRoleUser/Arn").asText()).isEqualTo("arn:aws:sts::444455556666:assumed-role/partner/s0");
    }

    @Test
    void anExternalIdConditionAdmitsOnlyTheRightId() throws Exception {
        CallerCredential alice = f.user(ACCOUNT, "alice", null);
        String role = f.role(ACCOUNT, "vendor", trust("arn:aws:iam::111122223333:user/alice",
                "{\"StringEquals\":{\"sts:ExternalId\":\"Unique-123\"}}"), READ);

        assertThat(fails(alice, "RoleArn", role, "RoleSessionName", "s0").error()).isEqualTo(IamError.ACCESS_DENIED);
        assertThat(fails(alice, "RoleArn", role, "RoleSessionName", "s0", "ExternalId", "Wrong-123").error())
                .isEqualTo(IamError.ACCESS_DENIED);
        assertThat(f.sts(alice, "AssumeRole", "RoleArn", role, "RoleSessionName", "s0", "ExternalId", "Unique-123")
                .has("Credentials")).isTrue();
    }

    @Test
    void anMfaConditionInTheTrustPolicyNeedsACodeAndSetsTheSessionsMfaKeys() throws Exception {
        CallerCredential alice = f.user(ACCOUNT, "alice", null);
        String role = f.role(ACCOUNT, "admin", trust("arn:aws:iam::111122223333:user/alice",
                "{\"Bool\":{\"aws:MultiFactorAuthPresent\":\"true\"}}"), READ);
        String serial = "arn:aws:iam::111122223333:mfa/alice";

        assertThat(fails(alice, "RoleArn", role, "RoleSessionName", "s0").error()).isEqualTo(IamError.ACCESS_DENIED);
        IamException wrong = fails(alice, "RoleArn", role, "RoleSessionName", "s0", "SerialNumber", serial,
                "TokenCode", "000000");
        assertThat(wrong.getMessage()).isEqualTo(MfaCheck.FAILED);

        CallerCredential session = f.session(f.sts(alice, "AssumeRole", "RoleArn", role, "RoleSessionName", "s0",
                "SerialNumber", serial, "TokenCode", "123456"));
        f.clock.advance(Duration.ofSeconds(90));
        var context = session.caller().contextAt(f.clock.instant());
        assertThat(context.get("aws:MultiFactorAuthPresent").values()).containsExactly("true");
        assertThat(context.get("aws:MultiFactorAuthAge").values()).containsExactly("90");
        assertThat(context.get("aws:TokenIssueTime").values()).containsExactly("2026-11-23T12:00:00Z");
    }

    @Test
    void aSessionPolicyNarrowsTheRolesPermissions() throws Exception {
        CallerCredential alice = f.user(ACCOUNT, "alice", null);
        String role = f.role(ACCOUNT, "rw", trust("arn:aws:iam::111122223333:user/alice"),
                allow("s3:*", "*"));
        CallerCredential session = f.session(f.sts(alice, "AssumeRole", "RoleArn", role, "RoleSessionName", "s0",
                "Policy", allow("s3:GetObject", "arn:aws:s3:::public/*")));

        assertThat(f.decide(session, "s3:GetObject", "arn:aws:s3:::public/a").isAllowed()).isTrue();
        assertThat(f.decide(session, "s3:GetObject", "arn:aws:s3:::private/a").isAllowed()).isFalse();
        assertThat(f.decide(session, "s3:PutObject", "arn:aws:s3:::public/a").isAllowed()).isFalse();
    }

    @Test
    void managedSessionPoliciesAreResolvedByArn() throws Exception {
        CallerCredential alice = f.user(ACCOUNT, "alice", null);
        String role = f.role(ACCOUNT, "rw", trust("arn:aws:iam::111122223333:user/alice"), allow("s3:*", "*"));
        ObjectNode answer = f.sts(alice, "AssumeRole", "RoleArn", role, "RoleSessionName", "s0",
                "PolicyArns.member.1.arn", "arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess");
        CallerCredential session = f.session(answer);

        assertThat(answer.get("PackedPolicySize").asInt()).isBetween(1, 100);
        assertThat(f.decide(session, "s3:GetObject", "arn:aws:s3:::b/a").isAllowed()).isTrue();
        assertThat(f.decide(session, "s3:DeleteObject", "arn:aws:s3:::b/a").isAllowed()).isFalse();
        assertThat(fails(alice, "RoleArn", role, "RoleSessionName", "s0", "PolicyArns.member.1.arn",
                "arn:aws:iam::aws:policy/NoSuchPolicy").error()).isEqualTo(IamError.INVALID_INPUT);
    }

    @Test
    void aMalformedSessionPolicyIsRefusedWithItsLocation() throws Exception {
        CallerCredential alice = f.user(ACCOUNT, "alice", null);
        String role = f.role(ACCOUNT, "rw", trust("arn:aws:iam::111122223333:user/alice"), READ);

        IamException e = fails(alice, "RoleArn", role, "RoleSessionName", "s0", "Policy",
                "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Maybe\",\"Action\":\"*\",\"Resource\":\"*\"}]}");
        assertThat(e.error()).isEqualTo(IamError.MALFORMED_POLICY_DOCUMENT);
        assertThat(e.getMessage()).contains("/Statement/0/Effect");
    }

    @Test
    void durationIsBetween900SecondsAndTheRolesMaximum() throws Exception {
        CallerCredential alice = f.user(ACCOUNT, "alice", null);
        String role = f.role(ACCOUNT, "r", trust("arn:aws:iam::111122223333:user/alice"), READ);

        assertThat(fails(alice, "RoleArn", role, "RoleSessionName", "s0", "DurationSeconds", "899").error())
                .isEqualTo(IamError.VALIDATION_ERROR);
        IamException overMax = fails(alice, "RoleArn", role, "RoleSessionName", "s0", "DurationSeconds", "3601");
        assertThat(overMax.getMessage()).isEqualTo("The requested DurationSeconds exceeds the MaxSessionDuration set for this role.");
        f.iam(ACCOUNT, "UpdateRole", "RoleName", "r", "MaxSessionDuration", "43200");
        ObjectNode answer = f.sts(alice, "AssumeRole", "RoleArn", role, "RoleSessionName", "s0", "DurationSeconds", "43200");
        assertThat(Instant.parse(answer.at("/Credentials/Expiration").asText()))
                .isEqualTo(f.clock.instant().plusSeconds(43_200));
    }

    @Test
    void roleChainingIsCappedAtOneHourAndCarriesTransitiveTags() throws Exception {
        CallerCredential alice = f.user(ACCOUNT, "alice", null);
        String first = f.role(ACCOUNT, "first", trust("arn:aws:iam::111122223333:user/alice"),
                allow("sts:AssumeRole", "*"));
        String second = f.role(ACCOUNT, "second", trust("arn:aws:iam::111122223333:role/first"), READ);
        f.iam(ACCOUNT, "UpdateRole", "RoleName", "second", "MaxSessionDuration", "43200");
        CallerCredential firstSession = f.session(f.sts(alice, "AssumeRole", "RoleArn", first, "RoleSessionName", "a1",
                "Tags.member.1.Key", "project", "Tags.member.1.Value", "apollo", "TransitiveTagKeys.member.1", "project"));

        IamException tooLong = fails(firstSession, "RoleArn", second, "RoleSessionName", "b1", "DurationSeconds", "7200");
        assertThat(tooLong.getMessage()).isEqualTo(
                "The requested DurationSeconds exceeds the 1 hour session limit for roles assumed by role chaining.");
        CallerCredential chained = f.session(f.sts(firstSession, "AssumeRole", "RoleArn", second, "RoleSessionName", "b1"));
        assertThat(chained.session().chained()).isTrue();
        assertThat(chained.caller().contextAt(f.clock.instant()).get("aws:PrincipalTag/project").values())
                .containsExactly("apollo");
        IamException overridden = fails(firstSession, "RoleArn", second, "RoleSessionName", "c1",
                "Tags.member.1.Key", "Project", "Tags.member.1.Value", "other");
        assertThat(overridden.error()).isEqualTo(IamError.INVALID_INPUT);
    }

    @Test
    void sessionTagsNeedTagSessionPermission() throws Exception {
        CallerCredential alice = f.user(ACCOUNT, "alice", null);
        String withTagging = f.role(ACCOUNT, "t", trust("arn:aws:iam::111122223333:user/alice"), READ);

        // a trust policy that allows only sts:AssumeRole (no sts:TagSession)
        String plain = f.role(ACCOUNT, "p", "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
                + "\"Principal\":{\"AWS\":\"arn:aws:iam::111122223333:user/alice\"},\"Action\":\"sts:AssumeRole\"}]}", READ);
        assertThat(fails(alice, "RoleArn", plain, "RoleSessionName", "s0", "Tags.member.1.Key", "k",
                "Tags.member.1.Value", "v").getMessage()).contains("sts:TagSession");
        CallerCredential tagged = f.session(f.sts(alice, "AssumeRole", "RoleArn", withTagging, "RoleSessionName", "s0",
                "Tags.member.1.Key", "team", "Tags.member.1.Value", "blue"));
        assertThat(tagged.caller().contextAt(f.clock.instant()).get("aws:PrincipalTag/team").values())
                .containsExactly("blue");
    }

    @Test
    void theRootUserCannotAssumeRoles() throws Exception {
        String role = f.role(ACCOUNT, "r", trust("arn:aws:iam::111122223333:root"), READ);
        CallerCredential root = new CallerCredential("AKIAROOTROOTROOTROOT", "x".repeat(40),
                Caller.of(StsFixture.ROOT), null);

        assertThat(fails(root, "RoleArn", role, "RoleSessionName", "s0").getMessage())
                .isEqualTo("Roles may not be assumed by root accounts.");
    }

    @Test
    void anUnknownRoleIsAccessDeniedWithoutSayingItDoesNotExist() throws Exception {
        CallerCredential alice = f.user(ACCOUNT, "alice", allow("sts:AssumeRole", "*"));

        IamException e = fails(alice, "RoleArn", "arn:aws:iam::111122223333:role/ghost", "RoleSessionName", "s0");
        assertThat(e.error()).isEqualTo(IamError.ACCESS_DENIED);
        assertThat(e.getMessage()).doesNotContain("exist");
    }

    @Test
    void parametersAreValidatedAsAwsDoes() throws Exception {
        CallerCredential alice = f.user(ACCOUNT, "alice", null);
        String role = f.role(ACCOUNT, "r", trust("arn:aws:iam::111122223333:user/alice"), READ);

        assertThat(fails(alice, "RoleArn", role).getMessage()).isEqualTo("1 validation error detected: Value null at "
                + "'roleSessionName' failed to satisfy constraint: Member must not be null");
        assertThat(fails(alice, "RoleArn", role, "RoleSessionName", "bad name").error()).isEqualTo(IamError.VALIDATION_ERROR);
        assertThat(fails(alice, "RoleArn", role, "RoleSessionName", "s0", "ExternalId", "x").error())
                .isEqualTo(IamError.VALIDATION_ERROR);
    }

    @Test
    void sessionCredentialsStopAtTheirExpirationAndWhenTheRoleIsGone() throws Exception {
        CallerCredential alice = f.user(ACCOUNT, "alice", null);
        String role = f.role(ACCOUNT, "r", trust("arn:aws:iam::111122223333:user/alice"), READ);
        ObjectNode answer = f.sts(alice, "AssumeRole", "RoleArn", role, "RoleSessionName", "s0", "DurationSeconds", "900");
        CallerCredential session = f.session(answer);

        f.iam(ACCOUNT, "DeleteRolePolicy", "RoleName", "r", "PolicyName", "p");
        f.iam(ACCOUNT, "DeleteRole", "RoleName", "r");
        assertThat(f.decide(session, "s3:GetObject", "arn:aws:s3:::b/k").outcome()).isEqualTo(Outcome.IMPLICITLY_DENIED);
        f.clock.advance(Duration.ofSeconds(900));
        assertThatThrownBy(() -> f.session(answer)).isInstanceOfSatisfying(AuthenticationException.class,
                e -> assertThat(e.failure()).isEqualTo(AuthFailure.EXPIRED_TOKEN));
    }
}
