package dev.warden.core.policy;

import static dev.warden.core.policy.PolicyJson.allow;
import static dev.warden.core.policy.PolicyJson.doc;
import static dev.warden.core.policy.PolicyJson.parse;
import static dev.warden.core.policy.PolicyJson.refusedAt;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The document and statement structure IAM demands (the grammar of the IAM JSON policy language): known elements
 * only, of the right types, a valid Version and Effect, and the Action/Resource pairs. Every refusal names the
 * offending element with a JSON pointer.
 */
class PolicyStructureValidationTest {

    private static final PolicyKind KIND = PolicyKind.MANAGED;

    @Test
    void unknownTopLevelElementIsRefusedAtItsName() {
        String reason = refusedAt("{\"Version\":\"2012-10-17\",\"Foo\":1,\"Statement\":" + allow("") + "}", KIND, "/Foo");

        assertThat(reason).contains("unknown element \"Foo\"").contains("policy");
    }

    @Test
    void topLevelElementNamesAreCaseSensitive() {
        String reason = refusedAt("{\"version\":\"2012-10-17\",\"Statement\":" + allow("") + "}", KIND, "/version");

        assertThat(reason).contains("\"version\"");
    }

    @Test
    void unknownStatementElementIsRefusedAtItsName() {
        String reason = refusedAt(doc(allow("\"Conditions\":{}")), KIND, "/Statement/0/Conditions");

        assertThat(reason).contains("unknown element \"Conditions\"").contains("statement");
    }

    @Test
    void unknownElementOfASingleObjectStatementHasNoIndexInItsPointer() {
        refusedAt("{\"Version\":\"2012-10-17\",\"Statement\":" + allow("\"Principle\":\"*\"") + "}", KIND,
                "/Statement/Principle");
    }

    @Test
    void unknownElementNameIsEscapedInThePointer() {
        refusedAt(doc(allow("\"a/b~c\":1")), KIND, "/Statement/0/a~1b~0c");
    }

    @Test
    void missingStatementIsRefusedForTheWholeDocument() {
        String reason = refusedAt("{\"Version\":\"2012-10-17\"}", KIND, "");

        assertThat(reason).contains("must have a Statement");
    }

    @Test
    void emptyStatementArrayIsRefused() {
        String reason = refusedAt("{\"Version\":\"2012-10-17\",\"Statement\":[]}", KIND, "/Statement");

        assertThat(reason).contains("at least one statement");
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"Allow\"", "5", "true", "null"})
    void statementThatIsNeitherObjectNorArrayIsRefused(String value) {
        String reason = refusedAt("{\"Version\":\"2012-10-17\",\"Statement\":" + value + "}", KIND, "/Statement");

        assertThat(reason).contains("Statement must be an object or an array of objects");
    }

    @Test
    void statementArrayEntryThatIsNoObjectIsRefusedAtItsIndex() {
        String reason = refusedAt(doc(allow(""), "\"x\""), KIND, "/Statement/1");

        assertThat(reason).contains("a statement must be a JSON object, not a string");
    }

    @Test
    void documentThatIsAnArrayIsRefused() {
        String reason = refusedAt("[" + allow("") + "]", KIND, "");

        assertThat(reason).contains("must be a JSON object, not an array");
    }

    @ParameterizedTest
    @ValueSource(strings = {"2012-10-18", "2012-10-17 ", "2012/10/17", "", "latest"})
    void versionOtherThanTheTwoDatesIsRefused(String version) {
        String reason = refusedAt("{\"Version\":\"" + version + "\",\"Statement\":" + allow("") + "}", KIND, "/Version");

        assertThat(reason).contains("\"2012-10-17\" or \"2008-10-17\"").contains("\"" + version + "\"");
    }

    @Test
    void versionGivenAsANumberIsRefused() {
        String reason = refusedAt("{\"Version\":20121017,\"Statement\":" + allow("") + "}", KIND, "/Version");

        assertThat(reason).contains("Version must be a string, not a number");
    }

    @Test
    void idThatIsNoStringIsRefused() {
        String reason = refusedAt("{\"Version\":\"2012-10-17\",\"Id\":[\"a\"],\"Statement\":" + allow("") + "}", KIND, "/Id");

        assertThat(reason).contains("Id must be a string, not an array");
    }

    @ParameterizedTest
    @ValueSource(strings = {"allow", "ALLOW", "Deny ", "Permit", ""})
    void effectMustBeExactlyAllowOrDeny(String effect) {
        String reason = refusedAt(doc("{\"Effect\":\"" + effect + "\",\"Action\":\"s3:GetObject\",\"Resource\":\"*\"}"),
                KIND, "/Statement/0/Effect");

        assertThat(reason).contains("Effect must be \"Allow\" or \"Deny\"").contains("\"" + effect + "\"");
    }

    @Test
    void effectGivenAsAnArrayIsRefused() {
        String reason = refusedAt(doc("{\"Effect\":[\"Allow\"],\"Action\":\"s3:GetObject\",\"Resource\":\"*\"}"),
                KIND, "/Statement/0/Effect");

        assertThat(reason).contains("not an array");
    }

    @Test
    void missingEffectIsRefusedAtTheStatement() {
        String reason = refusedAt(doc("{\"Action\":\"s3:GetObject\",\"Resource\":\"*\"}"), KIND, "/Statement/0");

        assertThat(reason).contains("must have an Effect");
    }

    @Test
    void actionAndNotActionTogetherAreRefusedAtNotAction() {
        String reason = refusedAt(doc(allow("\"NotAction\":\"s3:PutObject\"")), KIND, "/Statement/0/NotAction");

        assertThat(reason).contains("Action or NotAction, not both");
    }

    @Test
    void statementWithNeitherActionNorNotActionIsRefused() {
        String reason = refusedAt(doc("{\"Effect\":\"Allow\",\"Resource\":\"*\"}"), KIND, "/Statement/0");

        assertThat(reason).contains("must have an Action or a NotAction");
    }

    @Test
    void resourceAndNotResourceTogetherAreRefusedAtNotResource() {
        String reason = refusedAt(doc(allow("\"NotResource\":\"arn:aws:s3:::b\"")), KIND, "/Statement/0/NotResource");

        assertThat(reason).contains("Resource or NotResource, not both");
    }

    @Test
    void principalAndNotPrincipalTogetherAreRefusedAtNotPrincipal() {
        String reason = refusedAt(doc("{\"Effect\":\"Deny\",\"Principal\":\"*\",\"NotPrincipal\":{\"AWS\":\"111122223333\"},"
                + "\"Action\":\"s3:*\",\"Resource\":\"arn:aws:s3:::b/*\"}"), PolicyKind.RESOURCE, "/Statement/0/NotPrincipal");

        assertThat(reason).contains("Principal or NotPrincipal, not both");
    }

    @Test
    void sidWithPunctuationIsRefusedInAnIdentityPolicy() {
        String reason = refusedAt(doc(allow("\"Sid\":\"read-only\"")), KIND, "/Statement/0/Sid");

        assertThat(reason).contains("alphanumeric").contains("\"read-only\"");
    }

    @ParameterizedTest
    @ValueSource(strings = {"with space", "Ünicode", "under_score", "dot.ted"})
    void sidOutsideAsciiLettersAndDigitsIsRefusedInAnIdentityPolicy(String sid) {
        refusedAt(doc(allow("\"Sid\":\"" + sid + "\"")), KIND, "/Statement/0/Sid");
    }

    @Test
    void sidThatIsNoStringIsRefused() {
        String reason = refusedAt(doc(allow("\"Sid\":1")), PolicyKind.RESOURCE, "/Statement/0/Sid");

        assertThat(reason).contains("Sid must be a string, not a number");
    }

    @Test
    void duplicateSidIsRefusedAtTheLaterStatement() {
        String reason = refusedAt(doc(allow("\"Sid\":\"Same\""), allow("\"Sid\":\"Other\""), allow("\"Sid\":\"Same\"")),
                KIND, "/Statement/2/Sid");

        assertThat(reason).contains("unique").contains("'Same'");
    }

    @Test
    void duplicateSidIsRefusedInAResourcePolicyToo() {
        String statement = PolicyJson.statementFor(PolicyKind.RESOURCE, "\"Sid\":\"Read-1\"");

        refusedAt(doc(statement, statement), PolicyKind.RESOURCE, "/Statement/1/Sid");
    }

    @Test
    void statementsWithoutSidDoNotCollide() {
        assertThat(parse(doc(allow(""), allow("")), KIND).statements()).hasSize(2);
    }

    @Test
    void actionOfTheWrongTypeIsRefused() {
        String reason = refusedAt(doc("{\"Effect\":\"Allow\",\"Action\":5,\"Resource\":\"*\"}"), KIND, "/Statement/0/Action");

        assertThat(reason).contains("Action must be a string or an array of strings, not a number");
    }

    @Test
    void nullActionIsRefused() {
        String reason = refusedAt(doc("{\"Effect\":\"Allow\",\"Action\":null,\"Resource\":\"*\"}"), KIND, "/Statement/0/Action");

        assertThat(reason).contains("not null");
    }

    @Test
    void emptyActionArrayIsRefused() {
        String reason = refusedAt(doc("{\"Effect\":\"Allow\",\"Action\":[],\"Resource\":\"*\"}"), KIND, "/Statement/0/Action");

        assertThat(reason).contains("must not be an empty array");
    }

    @Test
    void actionArrayEntryOfTheWrongTypeIsRefusedAtItsIndex() {
        String reason = refusedAt(doc("{\"Effect\":\"Allow\",\"Action\":[\"s3:GetObject\",{}],\"Resource\":\"*\"}"), KIND,
                "/Statement/0/Action/1");

        assertThat(reason).contains("Action entries must be strings, not an object");
    }

    @Test
    void emptyActionStringIsRefused() {
        String reason = refusedAt(doc("{\"Effect\":\"Allow\",\"Action\":\"\",\"Resource\":\"*\"}"), KIND, "/Statement/0/Action");

        assertThat(reason).contains("must not be empty");
    }

    @Test
    void emptyResourceEntryInAnArrayIsRefusedAtItsIndex() {
        String reason = refusedAt(doc("{\"Effect\":\"Allow\",\"Action\":\"s3:GetObject\",\"Resource\":[\"*\",\"\"]}"), KIND,
                "/Statement/0/Resource/1");

        assertThat(reason).contains("Resource entries must not be empty");
    }

    @Test
    void resourceOfTheWrongTypeIsRefused() {
        String reason = refusedAt(doc("{\"Effect\":\"Allow\",\"Action\":\"s3:GetObject\",\"Resource\":{\"arn\":\"*\"}}"), KIND,
                "/Statement/0/Resource");

        assertThat(reason).contains("Resource must be a string or an array of strings, not an object");
    }

    @Test
    void notResourceOfTheWrongTypeIsNamedNotResource() {
        String reason = refusedAt(doc("{\"Effect\":\"Allow\",\"Action\":\"s3:GetObject\",\"NotResource\":true}"), KIND,
                "/Statement/0/NotResource");

        assertThat(reason).startsWith("NotResource must be");
    }

    @Test
    void conditionThatIsNoObjectIsRefused() {
        String reason = refusedAt(doc(allow("\"Condition\":[]")), KIND, "/Statement/0/Condition");

        assertThat(reason).contains("Condition must be an object of operators, not an array");
    }

    @Test
    void firstProblemInDocumentOrderIsTheOneReported() {
        refusedAt(doc(allow(""), "{\"Effect\":\"Maybe\",\"Action\":\"s3\",\"Resource\":\"*\"}",
                "{\"Effect\":\"Allow\",\"Action\":\"s3\",\"Resource\":\"*\"}"), KIND, "/Statement/1/Effect");
    }
}
