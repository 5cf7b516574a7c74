package dev.warden.core.sts;

import static dev.warden.core.sts.StsFixture.ACCOUNT;
import static dev.warden.core.sts.StsFixture.allow;
import static org.assertj.core.api.Assertions.assertThat;

import dev.warden.core.iam.IamError;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * AssumeRole carries STS's request keys ({@code sts:RoleSessionName}, {@code sts:ExternalId},
 * {@code sts:SourceIdentity}, {@code sts:TransitiveTagKeys}, and the session tags as {@code aws:RequestTag/KEY} and
 * {@code aws:TagKeys}) to every authorization of the request, so AWS's documented trust-policy guardrails admit exactly
 * the requests they describe.
 */
class StsRequestKeysGuardrailTest {

    private static final String ALICE = "arn:aws:iam::111122223333:user/alice";
    private static final String READ = allow("s3:GetObject", "*");

    private StsFixture f;
    private CallerCredential alice;

    @BeforeEach
    void setUp() throws Exception {
        f = new StsFixture();
        alice = f.user(ACCOUNT, "alice", allow("sts:*", "*"));
    }

    @AfterEach
    void tearDown() throws Exception {
        f.close();
    }

    private static String trust(String actions, String condition) {
        return "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\"" + ALICE
                + "\"},\"Action\":" + actions + ",\"Condition\":" + condition + "}]}";
    }

    private boolean assumes(String role, String... more) {
        try {
            f.sts(alice, "AssumeRole", concat(new String[] {"RoleArn", role}, more));
            return true;
        } catch (dev.warden.core.iam.IamException e) {
            assertThat(e.error()).as(e.getMessage()).isEqualTo(IamError.ACCESS_DENIED);
            return false;
        }
    }

    private static String[] concat(String[] first, String... rest) {
        String[] out = java.util.Arrays.copyOf(first, first.length + rest.length);
        System.arraycopy(rest, 0, out, first.length, rest.length);
        return out;
    }

    @Test
    void aTrustPolicyCanRequireTheCallersUserNameAsTheSessionName() throws Exception {
        // AWS's example: StringLike sts:RoleSessionName ${aws:username}
        String role = f.role(ACCOUNT, "named", trust("\"sts:AssumeRole\"",
                "{\"StringLike\":{\"sts:RoleSessionName\":\"${aws:username}\"}}"), READ);

        assertThat(assumes(role, "RoleSessionName", "alice")).isTrue();
        assertThat(assumes(role, "RoleSessionName", "bob")).isFalse();
    }

    /** AWS's examples: an external id for a third party; one source identity (with sts:SetSourceIdentity). */
    @ParameterizedTest(name = "{0}")
    @CsvSource({"sts:ExternalId, ExternalId, '\"sts:AssumeRole\"'",
            "sts:SourceIdentity, SourceIdentity, '[\"sts:AssumeRole\",\"sts:SetSourceIdentity\"]'"})
    void aTrustPolicyRequiringAValueAdmitsOnlyRequestsGivingIt(String key, String parameter, String actions)
            throws Exception {
        String role = f.role(ACCOUNT, "guarded", trust(actions,
                "{\"StringEquals\":{\"" + key + "\":\"Diego-123\"}}"), READ);

        assertThat(assumes(role, "RoleSessionName", "s1", parameter, "Diego-123")).isTrue();
        assertThat(assumes(role, "RoleSessionName", "s1", parameter, "Someone-123")).isFalse();
        assertThat(assumes(role, "RoleSessionName", "s1")).isFalse();
    }

    @Test
    void aTrustPolicyCanLimitWhichSessionTagsAreTransitive() throws Exception {
        String role = f.role(ACCOUNT, "tagged", trust("[\"sts:AssumeRole\",\"sts:TagSession\"]",
                "{\"ForAllValues:StringEquals\":{\"sts:TransitiveTagKeys\":[\"project\"]},"
                        + "\"StringEquals\":{\"aws:RequestTag/project\":\"apollo\"}}"), READ);
        String[] tags = {"RoleSessionName", "s1", "Tags.member.1.Key", "project", "Tags.member.1.Value", "apollo",
                "Tags.member.2.Key", "team", "Tags.member.2.Value", "blue"};

        assertThat(assumes(role, concat(tags, "TransitiveTagKeys.member.1", "project"))).isTrue();
        assertThat(assumes(role, concat(tags, "TransitiveTagKeys.member.1", "team"))).isFalse();
        assertThat(assumes(role, "RoleSessionName", "s1", "Tags.member.1.Key", "project", "Tags.member.1.Value",
                "gemini")).isFalse();
    }

    @Test
    void aTrustPolicyCanLimitTheSessionTagKeys() throws Exception {
        String role = f.role(ACCOUNT, "keys", trust("[\"sts:AssumeRole\",\"sts:TagSession\"]",
                "{\"ForAllValues:StringEquals\":{\"aws:TagKeys\":[\"project\",\"team\"]}}"), READ);

        assertThat(assumes(role, "RoleSessionName", "s1", "Tags.member.1.Key", "team", "Tags.member.1.Value", "x"))
                .isTrue();
        assertThat(assumes(role, "RoleSessionName", "s1", "Tags.member.1.Key", "cost", "Tags.member.1.Value", "x"))
                .isFalse();
    }
}
