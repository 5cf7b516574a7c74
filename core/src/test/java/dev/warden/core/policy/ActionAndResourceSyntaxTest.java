package dev.warden.core.policy;

import static dev.warden.core.policy.PolicyJson.doc;
import static dev.warden.core.policy.PolicyJson.parse;
import static dev.warden.core.policy.PolicyJson.refusedAt;
import static org.assertj.core.api.Assertions.assertThat;

import dev.warden.spi.PolicyType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Actions are {@code *} or {@code service:name}; resources are {@code *} or six-part ARNs whose policy variables
 * sit in the resource part only (IAM User Guide, "IAM policy elements: Variables and tags": "You can't use a
 * variable to replace parts of the ARN before the fifth colon").
 */
class ActionAndResourceSyntaxTest {

    private static final PolicyKind KIND = PolicyKind.MANAGED;

    private static String withAction(String action) {
        return doc("{\"Effect\":\"Allow\",\"Action\":\"" + action + "\",\"Resource\":\"*\"}");
    }

    private static String withResource(String resource) {
        return doc("{\"Effect\":\"Allow\",\"Action\":\"s3:GetObject\",\"Resource\":\"" + resource + "\"}");
    }

    @ParameterizedTest
    @ValueSource(strings = {"*", "**", "s3:*", "s3:GetObject", "S3:getobject", "s3:Get*", "s3:?etObject", "s3:*Object*",
            "execute-api:Invoke", "ec2:Describe*", "iot:Get_Thing", "s3express:CreateSession"})
    void wellFormedActionIsAccepted(String action) {
        assertThat(parse(withAction(action), KIND).statements().get(0).actions()).containsExactly(action);
    }

    @ParameterizedTest
    @ValueSource(strings = {"s3", "s3:", ":GetObject", ":", "s3:Get:Object", "s3::GetObject"})
    void actionThatIsNotServiceColonNameIsRefused(String action) {
        String reason = refusedAt(withAction(action), KIND, "/Statement/0/Action");

        assertThat(reason).contains("\"" + action + "\"").contains("must be \"*\" or \"service:ActionName\"");
    }

    @ParameterizedTest
    @ValueSource(strings = {" s3:GetObject", "s3 :GetObject", "s*:GetObject", "*:GetObject", "s3_x:Get", "s3.x:Get"})
    void servicePrefixWithOtherThanLettersDigitsAndHyphensIsRefused(String action) {
        String reason = refusedAt(withAction(action), KIND, "/Statement/0/Action");

        assertThat(reason).contains("service prefix has only letters, digits and hyphens");
    }

    @ParameterizedTest
    @ValueSource(strings = {"s3:Get Object", "s3:GetObject ", "s3:Get/Object", "s3:Get.Object", "s3:Gét"})
    void actionNameWithOtherCharactersIsRefused(String action) {
        String reason = refusedAt(withAction(action), KIND, "/Statement/0/Action");

        assertThat(reason).contains("an action name has only letters, digits");
    }

    @Test
    void invalidActionInAListIsRefusedAtItsIndex() {
        refusedAt(doc("{\"Effect\":\"Allow\",\"Action\":[\"s3:GetObject\",\"s3:PutObject\",\"s3\"],\"Resource\":\"*\"}"),
                KIND, "/Statement/0/Action/2");
    }

    @Test
    void invalidNotActionIsRefusedAtNotAction() {
        refusedAt(doc("{\"Effect\":\"Allow\",\"NotAction\":\"GetObject\",\"Resource\":\"*\"}"), KIND, "/Statement/0/NotAction");
    }

    @ParameterizedTest
    @ValueSource(strings = {"*", "arn:aws:s3:::bucket", "arn:aws:s3:::bucket/*", "arn:*:s3:::b", "arn:aws:iam::111122223333:user/a:b",
            "arn:aws:dynamodb:us-east-1:111122223333:table/Orders", "arn:aws:ec2:*:*:instance/*",
            "arn:aws:s3:::b/home/${aws:username}/*", "arn:aws:s3:::b-${aws:PrincipalTag/team, 'default'}"})
    void wellFormedResourceIsAccepted(String resource) {
        assertThat(parse(withResource(resource), KIND).statements().get(0).resources()).containsExactly(resource);
    }

    @ParameterizedTest
    @ValueSource(strings = {"arn:aws", "foo", "arn:aws:s3", "arn:aws:s3::", "bucket/key",
            "ARN:aws:s3:::b", "arn::s3:::b", "arn:aws::::b", "s3:::b", "arn:aws:s3:b"})
    void resourceThatIsNotASixPartArnIsRefused(String resource) {
        String reason = refusedAt(withResource(resource), KIND, "/Statement/0/Resource");

        assertThat(reason).contains("\"" + resource + "\"").contains("must be \"*\" or an ARN");
    }

    @Test
    void invalidResourceInAListIsRefusedAtItsIndex() {
        refusedAt(doc("{\"Effect\":\"Allow\",\"Action\":\"s3:GetObject\",\"Resource\":[\"arn:aws:s3:::b\",\"arn:aws:s3\"]}"),
                KIND, "/Statement/0/Resource/1");
    }

    @Test
    void invalidNotResourceIsRefusedAtNotResource() {
        refusedAt(doc("{\"Effect\":\"Allow\",\"Action\":\"s3:GetObject\",\"NotResource\":\"bucket/*\"}"), KIND,
                "/Statement/0/NotResource");
    }

    @ParameterizedTest
    @ValueSource(strings = {"arn:aws:iam::${aws:PrincipalAccount}:user/alice", "arn:aws:ec2:${aws:RequestedRegion}:111122223333:instance/*",
            "arn:${aws:partition}:s3:::b", "arn:aws:${aws:service}:::b"})
    void policyVariableBeforeTheFifthColonIsRefused(String resource) {
        String reason = refusedAt(withResource(resource), KIND, "/Statement/0/Resource");

        assertThat(reason).contains("only be used in the resource part of an ARN, after the fifth colon");
    }

    @Test
    void dollarBraceBeforeTheFifthColonIsLiteralTextInA2008Policy() {
        String json = "{\"Version\":\"2008-10-17\",\"Statement\":{\"Effect\":\"Allow\",\"Action\":\"s3:GetObject\","
                + "\"Resource\":\"arn:aws:iam::${aws:PrincipalAccount}:user/alice\"}}";

        assertThat(parse(json, KIND).statements()).hasSize(1);
    }

    @Test
    void escapedWildcardBeforeTheFifthColonIsNotAVariable() {
        assertThat(parse(withResource("arn:aws:ec2:us-east-1:${*}:instance/*"), KIND).statements()).hasSize(1);
    }

    @ParameterizedTest
    @ValueSource(strings = {"arn:aws:s3:::b/${}", "arn:aws:s3:::b/${ }", "arn:aws:s3:::b/${aws:username, anonymous}",
            "arn:aws:s3:::b/${aws:username, 'anonymous}", "arn:aws:s3:::b/${, 'x'}"})
    void malformedPolicyVariableInAResourceIsRefused(String resource) {
        String reason = refusedAt(withResource(resource), KIND, "/Statement/0/Resource");

        assertThat(reason).contains("policy variable");
    }

    @Test
    void acceptedResourcesWithVariablesCompile() {
        Policy policy = parse(doc("{\"Effect\":\"Allow\",\"Action\":\"s3:GetObject\",\"Resource\":["
                + "\"arn:aws:s3:::b/${aws:username}/*\",\"arn:aws:s3:::b-${aws:PrincipalTag/team, 'x'}\",\"arn:aws:s3:::${$}${*}${?}\"]}"),
                KIND);

        assertThat(CompiledPolicy.compile(policy, "p", PolicyType.IDENTITY).statements()).hasSize(1);
    }

    @Test
    void malformedVariableIsLiteralTextInA2008Policy() {
        String json = "{\"Version\":\"2008-10-17\",\"Statement\":{\"Effect\":\"Allow\",\"Action\":\"s3:GetObject\","
                + "\"Resource\":\"arn:aws:s3:::b/${}\"}}";

        assertThat(parse(json, KIND).statements()).hasSize(1);
    }
}
