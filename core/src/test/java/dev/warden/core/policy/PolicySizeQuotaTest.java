package dev.warden.core.policy;

import static dev.warden.core.policy.PolicyJson.parse;
import static dev.warden.core.policy.PolicyJson.refusal;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Each kind of policy has AWS's size quota (IAM and STS quotas; AWS Organizations quotas), counted in characters
 * without whitespace; a longer document is refused with LimitExceeded.
 */
class PolicySizeQuotaTest {

    /** A valid document of {@code kind} with exactly {@code characters} non-whitespace characters. */
    static String documentOfSize(PolicyKind kind, int characters, boolean spacious) {
        String head = "{\"Version\":\"2012-10-17\",\"Statement\":" + PolicyJson.statementFor(kind,
                "\"Condition\":{\"StringEquals\":{\"aws:PrincipalTag/pad\":\"");
        String tail = "\"}}}}";
        int padding = characters - head.length() - tail.length();
        assertThat(padding).as("padding for %s", kind).isPositive();
        String json = head + "x".repeat(padding) + tail;
        if (spacious) {
            json = json.replace(",\"", ",\n    \"").replace("\":", "\" :\t ").replace("{\"", "{\r\n  \"") + " \n\t".repeat(100);
        }
        return json;
    }

    @ParameterizedTest
    @CsvSource({"USER_INLINE, 2048", "GROUP_INLINE, 5120", "ROLE_INLINE, 10240", "MANAGED, 6144", "SESSION, 2048",
            "TRUST, 2048", "SERVICE_CONTROL, 5120", "RESOURCE_CONTROL, 5120", "RESOURCE, 20480", "VPC_ENDPOINT, 20480"})
    void quotaOfEachKindIsAwsQuota(PolicyKind kind, int quota) {
        assertThat(kind.maxCharacters()).isEqualTo(quota);
    }

    @ParameterizedTest
    @EnumSource(PolicyKind.class)
    void documentExactlyAtTheQuotaIsAccepted(PolicyKind kind) {
        assertThat(parse(documentOfSize(kind, kind.maxCharacters(), false), kind).statements()).hasSize(1);
    }

    @ParameterizedTest
    @EnumSource(PolicyKind.class)
    void documentOneCharacterOverTheQuotaIsRefusedWithLimitExceeded(PolicyKind kind) {
        MalformedPolicyException e = refusal(documentOfSize(kind, kind.maxCharacters() + 1, false), kind);

        assertThat(e.errorCode()).isEqualTo(MalformedPolicyException.LIMIT_EXCEEDED);
        assertThat(e.pointer()).isEmpty();
        assertThat(e.reason()).contains(kind.description()).contains("at most " + kind.maxCharacters())
                .contains("this one has " + (kind.maxCharacters() + 1));
        assertThat(e.getMessage()).startsWith("LimitExceeded at /: ");
    }

    @ParameterizedTest
    @EnumSource(PolicyKind.class)
    void whitespaceDoesNotCountTowardsTheQuota(PolicyKind kind) {
        String json = documentOfSize(kind, kind.maxCharacters(), true);

        assertThat(json.length()).isGreaterThan(kind.maxCharacters() + 100);
        assertThat(parse(json, kind).statements()).hasSize(1);
    }

    @Test
    void spaciousDocumentOneCharacterOverIsStillRefused() {
        MalformedPolicyException e = refusal(documentOfSize(PolicyKind.USER_INLINE, 2049, true), PolicyKind.USER_INLINE);

        assertThat(e.errorCode()).isEqualTo(MalformedPolicyException.LIMIT_EXCEEDED);
    }

    @Test
    void documentThatFitsOneKindMayBeTooLongForAnother() {
        String json = documentOfSize(PolicyKind.ROLE_INLINE, 3000, false);

        assertThat(parse(json, PolicyKind.ROLE_INLINE).statements()).hasSize(1);
        assertThat(refusal(json, PolicyKind.USER_INLINE).errorCode()).isEqualTo(MalformedPolicyException.LIMIT_EXCEEDED);
    }

    @Test
    void quotaAppliesToAnAlreadyParsedDocument() throws Exception {
        var node = new ObjectMapper().readTree(documentOfSize(PolicyKind.USER_INLINE, 2049, true));

        MalformedPolicyException e = catchThrowableOfType(MalformedPolicyException.class,
                () -> PolicyParser.parse(node, PolicyKind.USER_INLINE));

        assertThat(e.errorCode()).isEqualTo(MalformedPolicyException.LIMIT_EXCEEDED);
    }

    @Test
    void sizeIsCheckedBeforeTheJsonIsRead() {
        MalformedPolicyException e = refusal("{" + "x".repeat(3000), PolicyKind.USER_INLINE);

        assertThat(e.errorCode()).isEqualTo(MalformedPolicyException.LIMIT_EXCEEDED);
    }
}
