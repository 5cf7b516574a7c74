package dev.warden.core.policy;

import static dev.warden.core.policy.PolicyJson.allow;
import static dev.warden.core.policy.PolicyJson.doc;
import static dev.warden.core.policy.PolicyJson.refusedAt;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * A key given twice in one JSON object is refused wherever it occurs (IAM User Guide, "Grammar of the IAM JSON
 * policy language": individual elements must not contain multiple instances of the same key), at the key's pointer.
 */
class DuplicateKeyTest {

    private static final PolicyKind KIND = PolicyKind.MANAGED;

    @Test
    void duplicateTopLevelKeyIsRefused() {
        String reason = refusedAt("{\"Version\":\"2012-10-17\",\"Version\":\"2012-10-17\",\"Statement\":" + allow("") + "}",
                KIND, "/Version");

        assertThat(reason).startsWith("duplicate key 'Version'").contains("(line 1, column ");
    }

    @Test
    void secondStatementElementIsRefused() {
        String reason = refusedAt("{\"Version\":\"2012-10-17\",\"Statement\":" + allow("") + ",\"Statement\":" + allow("") + "}",
                KIND, "/Statement");

        assertThat(reason).startsWith("duplicate key 'Statement'");
    }

    @Test
    void duplicateStatementKeyIsRefusedAtThatStatement() {
        String reason = refusedAt(doc(allow(""), allow("\"Effect\":\"Deny\"")), KIND, "/Statement/1/Effect");

        assertThat(reason).startsWith("duplicate key 'Effect'");
    }

    @Test
    void duplicateKeyOfASingleObjectStatementIsRefused() {
        refusedAt("{\"Version\":\"2012-10-17\",\"Statement\":" + allow("\"Resource\":\"arn:aws:s3:::b\"") + "}", KIND,
                "/Statement/Resource");
    }

    @Test
    void duplicateOperatorInAConditionIsRefused() {
        refusedAt(doc(allow("\"Condition\":{\"StringEquals\":{\"a:b\":\"1\"},\"StringEquals\":{\"a:c\":\"2\"}}")), KIND,
                "/Statement/0/Condition/StringEquals");
    }

    @Test
    void duplicateConditionKeyIsRefusedWithItsEscapedName() {
        String reason = refusedAt(doc(allow("\"Condition\":{\"StringEquals\":{\"aws:PrincipalTag/team\":\"a\","
                + "\"aws:PrincipalTag/team\":\"b\"}}")), KIND, "/Statement/0/Condition/StringEquals/aws:PrincipalTag~1team");

        assertThat(reason).contains("'aws:PrincipalTag/team'");
    }

    @Test
    void duplicatePrincipalTypeIsRefused() {
        refusedAt(doc("{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\"111122223333\",\"AWS\":\"444455556666\"},"
                + "\"Action\":\"s3:GetObject\",\"Resource\":\"arn:aws:s3:::b/*\"}"), PolicyKind.RESOURCE, "/Statement/0/Principal/AWS");
    }

    @Test
    void duplicateKeyInsideAnInvalidValueIsStillReportedAsADuplicate() {
        String reason = refusedAt(doc(allow("\"Condition\":{\"StringEquals\":{\"a:b\":[\"x\",{\"k\":1,\"k\":2}]}}")), KIND,
                "/Statement/0/Condition/StringEquals/a:b/1/k");

        assertThat(reason).startsWith("duplicate key 'k'");
    }

    @Test
    void keysDifferingOnlyInCaseAreNotDuplicatesButUnknownElements() {
        String reason = refusedAt(doc(allow("\"effect\":\"Deny\"")), KIND, "/Statement/0/effect");

        assertThat(reason).contains("unknown element");
    }
}
