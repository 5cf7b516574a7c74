package dev.warden.core.sts;

import static dev.warden.core.sts.StsFixture.ACCOUNT;
import static dev.warden.core.sts.StsFixture.allow;
import static dev.warden.core.sts.StsFixture.bucketPolicyFor;
import static dev.warden.core.sts.StsFixture.trust;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.warden.core.auth.Caller;
import dev.warden.core.iam.IamError;
import dev.warden.core.iam.IamException;
import dev.warden.spi.Decision;
import dev.warden.spi.Outcome;
import dev.warden.spi.Principal;
import java.time.Instant;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

/**
 * GetFederationToken as the STS API Reference describes it: an IAM user's long-term credentials get a federated-user
 * session {@code arn:aws:sts::ACCOUNT:federated-user/NAME} for 900 s to 36 h (the root user's at most one hour), whose
 * permissions are the user's narrowed by the session policies passed ("if you do not pass a policy, then the
 * resulting federated user session has no permissions"), plus what a resource-based policy grants to the session
 * itself; it cannot call IAM, nor STS except GetCallerIdentity.
 */
class GetFederationTokenTest {

    private static final String SESSION_ARN = "arn:aws:sts::111122223333:federated-user/bob";
    private static final String OBJECT = "arn:aws:s3:::reports/q1.csv";
    private static final String USER_MAY_FEDERATE_AND_READ = "{\"Version\":\"2012-10-17\",\"Statement\":["
            + "{\"Effect\":\"Allow\",\"Action\":[\"sts:GetFederationToken\",\"s3:*\"],\"Resource\":\"*\"}]}";
    private static final String READ_ONLY = allow("s3:GetObject", "*");

    @AutoClose
    private final StsFixture f;

    GetFederationTokenTest() throws Exception {
        f = new StsFixture();
    }

    private CallerCredential proxy() throws Exception {
        return f.user(ACCOUNT, "proxy", USER_MAY_FEDERATE_AND_READ);
    }

    @Test
    void a_user_gets_a_federated_user_session_named_by_the_call() throws Exception {
        ObjectNode answer = f.sts(proxy(), "GetFederationToken", "Name", "bob", "Policy", READ_ONLY);

        assertThat(answer.at("/FederatedUser/Arn").asText()).isEqualTo(SESSION_ARN);
        assertThat(answer.at("/FederatedUser/FederatedUserId").asText()).isEqualTo("111122223333:bob");
        assertThat(answer.at("/Credentials/AccessKeyId").asText()).matches("ASIA[A-Z2-7]{16}");
        assertThat(answer.at("/PackedPolicySize").asInt()).isPositive();
        assertThat(Instant.parse(answer.at("/Credentials/Expiration").asText()))
                .isEqualTo(f.clock.instant().plusSeconds(43_200));
        CallerCredential session = f.session(answer);
        assertThat(session.caller().via()).isEqualTo(Caller.Via.FEDERATED_USER);
        Principal principal = session.caller().principal();
        assertThat(principal.kind()).isEqualTo(Principal.Kind.FEDERATED_USER);
        assertThat(principal.arn()).isEqualTo(SESSION_ARN);
        assertThat(principal.sessionIssuer()).isEqualTo("arn:aws:iam::111122223333:user/proxy");
        assertThat(session.caller().contextAt(f.clock.instant()).get("aws:PrincipalType").values())
                .containsExactly("FederatedUser");
    }

    @Test
    void without_a_session_policy_the_session_has_no_permissions() throws Exception {
        CallerCredential session = f.session(f.sts(proxy(), "GetFederationToken", "Name", "bob"));

        Decision decision = f.decide(session, "s3:GetObject", OBJECT);

        assertThat(decision.outcome()).isEqualTo(Outcome.IMPLICITLY_DENIED);
        assertThat(decision.reason()).contains("no session policy allows the s3:GetObject action");
    }

    @Test
    void the_session_has_what_both_the_user_and_the_session_policy_allow() throws Exception {
        String readAndQueues = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
                + "\"Action\":[\"s3:GetObject\",\"sqs:SendMessage\"],\"Resource\":\"*\"}]}";
        CallerCredential session = f.session(f.sts(proxy(), "GetFederationToken", "Name", "bob",
                "Policy", readAndQueues));

        assertThat(f.decide(session, "s3:GetObject", OBJECT).isAllowed()).isTrue();
        assertThat(f.decide(session, "s3:PutObject", OBJECT).isAllowed()).isFalse();
        assertThat(f.decide(session, "sqs:SendMessage", "arn:aws:sqs:us-east-1:111122223333:q").isAllowed())
                .as("the user itself may not send messages").isFalse();
    }

    @Test
    void a_managed_session_policy_narrows_the_session_like_an_inline_one() throws Exception {
        f.iam(ACCOUNT, "CreatePolicy", "PolicyName", "ReadOnly", "PolicyDocument", READ_ONLY);
        CallerCredential session = f.session(f.sts(proxy(), "GetFederationToken", "Name", "bob",
                "PolicyArns.member.1.arn", "arn:aws:iam::111122223333:policy/ReadOnly"));

        assertThat(f.decide(session, "s3:GetObject", OBJECT).isAllowed()).isTrue();
        assertThat(f.decide(session, "s3:DeleteObject", OBJECT).isAllowed()).isFalse();
    }

    @Test
    void a_resource_based_policy_naming_the_session_grants_even_without_a_session_policy() throws Exception {
        CallerCredential session = f.session(f.sts(proxy(), "GetFederationToken", "Name", "bob"));

        assertThat(f.decide(session, "s3:GetObject", OBJECT, ACCOUNT, bucketPolicyFor(SESSION_ARN)).isAllowed())
                .isTrue();
        assertThat(f.decide(session, "s3:GetObject", OBJECT, ACCOUNT,
                bucketPolicyFor("arn:aws:iam::111122223333:user/proxy")).isAllowed())
                .as("a grant to the user is capped by the session policy, of which there is none").isFalse();
        assertThat(f.decide(session, "s3:GetObject", OBJECT, ACCOUNT, bucketPolicyFor(ACCOUNT)).isAllowed())
                .isFalse();
    }

    @Test
    void the_session_cannot_call_iam_nor_sts_except_get_caller_identity() throws Exception {
        String role = f.role(ACCOUNT, "reader", trust("arn:aws:iam::111122223333:root"), READ_ONLY);
        CallerCredential session = f.session(f.sts(proxy(), "GetFederationToken", "Name", "bob",
                "Policy", allow("*", "*")));

        ObjectNode identity = f.sts(session, "GetCallerIdentity");
        assertThat(identity.at("/Arn").asText()).isEqualTo(SESSION_ARN);
        assertThat(f.stsFails(session, "AssumeRole", "RoleArn", role, "RoleSessionName", "s1").error())
                .isEqualTo(IamError.ACCESS_DENIED);
        assertThat(f.stsFails(session, "GetSessionToken").error()).isEqualTo(IamError.ACCESS_DENIED);
        assertThat(f.stsFails(session, "GetFederationToken", "Name", "carol").getMessage())
                .isEqualTo("Cannot call GetFederationToken with session credentials");
        assertThatThrownBy(() -> f.warden.iam().call(session.caller(), ACCOUNT, "ListUsers", StsFixture.params()))
                .isInstanceOfSatisfying(IamException.class, e -> assertThat(e.getMessage()).isEqualTo(
                        "User: " + SESSION_ARN + " is not authorized to perform: iam:ListUsers with credentials "
                                + "from GetFederationToken"));
    }

    @Test
    void the_caller_needs_sts_get_federation_token_on_the_sessions_arn() throws Exception {
        CallerCredential plain = f.user(ACCOUNT, "plain", allow("s3:*", "*"));
        CallerCredential onlyAlice = f.user(ACCOUNT, "narrow",
                allow("sts:GetFederationToken", "arn:aws:sts::111122223333:federated-user/alice"));

        IamException denied = f.stsFails(plain, "GetFederationToken", "Name", "bob");
        assertThat(denied.error()).isEqualTo(IamError.ACCESS_DENIED);
        assertThat(denied.getMessage()).startsWith("User: arn:aws:iam::111122223333:user/plain is not authorized to "
                + "perform: sts:GetFederationToken on resource: " + SESSION_ARN);
        assertThat(f.stsFails(onlyAlice, "GetFederationToken", "Name", "bob").error())
                .isEqualTo(IamError.ACCESS_DENIED);
        assertThat(f.sts(onlyAlice, "GetFederationToken", "Name", "alice").has("Credentials")).isTrue();
    }

    @Test
    void temporary_credentials_cannot_federate() throws Exception {
        CallerCredential proxy = proxy();
        CallerCredential sessionToken = f.session(f.sts(proxy, "GetSessionToken"));
        String role = f.role(ACCOUNT, "federator", trust("arn:aws:iam::111122223333:user/proxy"),
                allow("sts:GetFederationToken", "*"));
        CallerCredential roleSession = f.session(f.sts(proxy, "AssumeRole", "RoleArn", role, "RoleSessionName", "s1"));

        assertThat(f.stsFails(roleSession, "GetFederationToken", "Name", "bob").getMessage())
                .isEqualTo("Cannot call GetFederationToken with session credentials");
        assertThat(f.stsFails(sessionToken, "GetFederationToken", "Name", "bob").error())
                .isEqualTo(IamError.ACCESS_DENIED);
    }

    @Test
    void the_session_lasts_from_fifteen_minutes_to_thirty_six_hours() throws Exception {
        CallerCredential proxy = proxy();

        ObjectNode longest = f.sts(proxy, "GetFederationToken", "Name", "bob", "DurationSeconds", "129600");
        assertThat(Instant.parse(longest.at("/Credentials/Expiration").asText()))
                .isEqualTo(f.clock.instant().plusSeconds(129_600));
        for (String duration : new String[] {"899", "129601"}) {
            assertThat(f.stsFails(proxy, "GetFederationToken", "Name", "bob", "DurationSeconds", duration).error())
                    .as(duration).isEqualTo(IamError.VALIDATION_ERROR);
        }
    }

    @Test
    void the_root_users_session_lasts_at_most_an_hour_and_has_what_its_session_policy_allows() throws Exception {
        CallerCredential root = new CallerCredential("AKIAROOTEXAMPLE00001", "secret",
                Caller.of(StsFixture.ROOT), null);

        ObjectNode answer = f.sts(root, "GetFederationToken", "Name", "bob", "DurationSeconds", "7200",
                "Policy", READ_ONLY);
        CallerCredential session = f.session(answer);

        assertThat(Instant.parse(answer.at("/Credentials/Expiration").asText()))
                .isEqualTo(f.clock.instant().plusSeconds(3_600));
        assertThat(f.decide(session, "s3:GetObject", OBJECT).isAllowed()).isTrue();
        assertThat(f.decide(session, "iam:CreateUser", "arn:aws:iam::111122223333:user/x").isAllowed()).isFalse();
    }

    @Test
    void the_name_is_two_to_thirty_two_characters_of_words_and_plus_equals_comma_period_at_hyphen() throws Exception {
        CallerCredential proxy = proxy();

        for (String name : new String[] {"b", "a-name-that-is-longer-than-32-chars", "bob smith", "bob/x"}) {
            assertThat(f.stsFails(proxy, "GetFederationToken", "Name", name).error()).as(name)
                    .isEqualTo(IamError.VALIDATION_ERROR);
        }
        assertThat(f.sts(proxy, "GetFederationToken", "Name", "bo+b=,.@-_1").at("/FederatedUser/Arn").asText())
                .isEqualTo("arn:aws:sts::111122223333:federated-user/bo+b=,.@-_1");
    }

    @Test
    void session_tags_need_tag_session_and_override_the_users_tags() throws Exception {
        CallerCredential proxy = proxy();
        f.iam(ACCOUNT, "TagUser", "UserName", "proxy", "Tags.member.1.Key", "team", "Tags.member.1.Value", "blue");
        String tags = "Tags.member.1.Key";

        assertThat(f.stsFails(proxy, "GetFederationToken", "Name", "bob", tags, "Team", "Tags.member.1.Value", "red")
                .error()).isEqualTo(IamError.ACCESS_DENIED);

        f.iam(ACCOUNT, "PutUserPolicy", "UserName", "proxy", "PolicyName", "tagging", "PolicyDocument",
                allow("sts:TagSession", "*"));
        CallerCredential session = f.session(f.sts(f.resolve(proxy.accessKeyId(), null), "GetFederationToken",
                "Name", "bob", tags, "Team", "Tags.member.1.Value", "red"));
        assertThat(session.caller().contextAt(f.clock.instant()).get("aws:PrincipalTag/team").values())
                .containsExactly("red");
    }

    @Test
    void a_session_of_a_user_deleted_and_created_again_has_none_of_the_new_users_permissions() throws Exception {
        CallerCredential proxy = proxy();
        ObjectNode answer = f.sts(proxy, "GetFederationToken", "Name", "bob", "Policy", READ_ONLY);
        assertThat(f.decide(f.session(answer), "s3:GetObject", OBJECT).isAllowed()).isTrue();

        f.deleteUser(ACCOUNT, "proxy", proxy);
        f.user(ACCOUNT, "proxy", USER_MAY_FEDERATE_AND_READ);

        Decision decision = f.decide(f.session(answer), "s3:GetObject", OBJECT);
        assertThat(decision.isAllowed()).isFalse();
        assertThat(decision.reason()).contains("is not authorized to perform: s3:GetObject because the IAM user or "
                + "role its credentials were issued for (AIDA").contains(") no longer exists");
    }
}
