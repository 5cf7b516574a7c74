package dev.warden.core.policy;

import static dev.warden.core.policy.PolicyJson.allow;
import static dev.warden.core.policy.PolicyJson.doc;
import static dev.warden.core.policy.PolicyJson.refusedAt;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Text that is not one JSON object is refused as MalformedPolicyDocument, with the place the parser stopped (a
 * pointer, and the line and column in the reason).
 */
class MalformedJsonTest {

    private static final PolicyKind KIND = PolicyKind.MANAGED;

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "\n\t"})
    void emptyDocumentIsRefused(String json) {
        String reason = refusedAt(json, KIND, "");

        assertThat(reason).isEqualTo("policy document is empty");
    }

    @Test
    void jsonNullIsRefusedAsNoObject() {
        assertThat(refusedAt("null", KIND, "")).contains("must be a JSON object, not null");
    }

    @Test
    void unquotedValueIsRefusedAtItsElementWithLineAndColumn() {
        String reason = refusedAt("{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\n\"Action\":s3}]}", KIND,
                "/Statement/0/Action");

        assertThat(reason).startsWith("invalid JSON: ").contains("'s3'").contains("(line 2, column");
    }

    @Test
    void lineAndColumnPointAtTheProblem() {
        String reason = refusedAt("{\n  \"Version\": \"2012-10-17\",\n  \"Statement\": [\n    {\"Effect\": Allow}\n  ]\n}", KIND,
                "/Statement/0/Effect");

        assertThat(reason).contains("(line 4, column ");
    }

    @Test
    void trailingCommaIsRefused() {
        String reason = refusedAt("{\"Version\":\"2012-10-17\",\"Statement\":" + allow("") + ",}", KIND, "/Statement");

        assertThat(reason).startsWith("invalid JSON: ").contains("line 1");
    }

    @Test
    void unterminatedDocumentIsRefused() {
        String reason = refusedAt("{\"Version\":\"2012-10-17\",\"Statement\":[" + allow(""), KIND, "/Statement/0");

        assertThat(reason).startsWith("invalid JSON: ").contains("end-of-input");
    }

    @Test
    void secondJsonObjectAfterTheDocumentIsRefused() {
        String reason = refusedAt(doc(allow("")) + "\n" + doc(allow("")), KIND, "");

        assertThat(reason).startsWith("invalid JSON: ").contains("Trailing token").contains("line 2");
    }

    @ParameterizedTest
    @ValueSource(strings = {" x", " ]", " }", " 1", " \"s\""})
    void trailingGarbageAfterTheDocumentIsRefused(String garbage) {
        String reason = refusedAt(doc(allow("")) + garbage, KIND, "");

        assertThat(reason).startsWith("invalid JSON: ").contains("(line 1, column ");
    }

    @Test
    void trailingWhitespaceIsFine() {
        assertThat(PolicyJson.parse(doc(allow("")) + " \n\t\r\n", KIND).statements()).hasSize(1);
    }

    @Test
    void singleQuotedStringsAreNotJson() {
        String reason = refusedAt("{'Version':'2012-10-17','Statement':[]}", KIND, "");

        assertThat(reason).startsWith("invalid JSON: ");
    }

    @Test
    void commentsAreNotJson() {
        String reason = refusedAt("{\"Version\":\"2012-10-17\", // comment\n\"Statement\":" + allow("") + "}", KIND, "/Version");

        assertThat(reason).startsWith("invalid JSON: ").contains("line 1");
    }

    @Test
    void numberWithAnExponentBeyondAnyDecimalIsRefusedWhereItIs() {
        String reason = refusedAt(doc(allow("\"Condition\":{\"NumericEquals\":{\"s3:max-keys\":[1,1e99999999999]}}")), KIND,
                "/Statement/0/Condition/NumericEquals/s3:max-keys/1");

        assertThat(reason).isEqualTo("invalid JSON: number 1e99999999999 is out of range (line 1, column 142)");
    }

    @Test
    void outOfRangeNumberIsRefusedEvenWhereNoNumberBelongs() {
        String reason = refusedAt("{\"Version\":\"2012-10-17\",\"Statement\":-3.8e10015314871812776212}", KIND, "/Statement");

        assertThat(reason).startsWith("invalid JSON: number -3.8e10015314871812776212 is out of range");
    }

    @Test
    void outOfRangeNumberIsReportedBeforeALaterDuplicateKey() {
        refusedAt(doc("{\"Effect\":-2.4E577547213249,\"Effect\":\"Allow\",\"Action\":\"s3:GetObject\",\"Resource\":\"*\"}"),
                KIND, "/Statement/0/Effect");
    }

    @Test
    void invalidJsonDeepInAConditionPointsIntoTheCondition() {
        refusedAt(doc(allow("\"Condition\":{\"StringEquals\":{\"aws:PrincipalTag/team\":[\"a\",b]}}")), KIND,
                "/Statement/0/Condition/StringEquals/aws:PrincipalTag~1team/1");
    }
}
