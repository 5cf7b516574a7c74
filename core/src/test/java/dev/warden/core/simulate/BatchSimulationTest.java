package dev.warden.core.simulate;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Batch simulation (contract 1 of DESIGN.md): JSON Lines cases in, one {@code {"id", "decision"}} line out per
 * non-blank input line, in input order; a line that cannot be evaluated gets {@code "decision": null} and an
 * {@code "error"}, and the batch goes on.
 */
class BatchSimulationTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ALICE = "arn:aws:iam::111122223333:user/alice";
    private static final String ORDER = "arn:aws:orders:us-east-1:111122223333:order/7";
    private static final String ALLOW_ORDERS = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"orders:*\",\"Resource\":\"*\"}]}";

    /** A case for alice on order 7 with {@code extra} fields (JSON members, with a leading comma) added. */
    private static String aliceCase(String id, String action, String extra) {
        return "{" + (id == null ? "" : "\"id\":" + id + ",") + "\"principal\":\"" + ALICE + "\",\"action\":\"" + action
                + "\",\"resource\":\"" + ORDER + "\"" + extra + "}";
    }

    private static List<String> run(boolean explain, String... lines) throws IOException {
        StringWriter out = new StringWriter();
        new BatchSimulation(explain).run(new BufferedReader(new StringReader(String.join("\n", lines))), out);
        String text = out.toString();
        assertThat(text).endsWith("\n");
        return List.of(text.substring(0, text.length() - 1).split("\n", -1));
    }

    private static List<JsonNode> parse(List<String> lines) throws IOException {
        List<JsonNode> nodes = new ArrayList<>();
        for (String line : lines) {
            nodes.add(JSON.readTree(line));
        }
        return nodes;
    }

    @Test
    void writesOneLinePerNonBlankLineInOrderEchoingTheId() throws IOException {
        List<String> out = run(false,
                aliceCase("\"first\"", "orders:GetOrder", ",\"identityPolicies\":[" + ALLOW_ORDERS + "]"),
                "",
                "   ",
                aliceCase("42", "orders:GetOrder", ""),
                aliceCase(null, "orders:GetOrder", ",\"identityPolicies\":[" + ALLOW_ORDERS + "]"));

        assertThat(out).containsExactly(
                "{\"id\":\"first\",\"decision\":\"Allowed\"}",
                "{\"id\":42,\"decision\":\"ImplicitlyDenied\"}",
                "{\"id\":\"line-5\",\"decision\":\"Allowed\"}");
    }

    @Test
    void anExplicitDenyIsReportedAsSuch() throws IOException {
        String deny = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Deny\",\"Action\":\"orders:Get*\",\"Resource\":\"*\"}]}";

        List<String> out = run(false, aliceCase("\"d\"", "orders:GetOrder", ",\"identityPolicies\":[" + ALLOW_ORDERS + "," + deny + "]"));

        assertThat(out).containsExactly("{\"id\":\"d\",\"decision\":\"ExplicitlyDenied\"}");
    }

    @Test
    void anInvalidJsonLineGetsAnErrorAndTheBatchGoesOn() throws IOException {
        List<String> out = run(false,
                aliceCase("\"before\"", "orders:GetOrder", ""),
                "{\"id\": \"broken\", \"principal\": ",
                "not json at all",
                aliceCase("\"after\"", "orders:GetOrder", ",\"identityPolicies\":[" + ALLOW_ORDERS + "]"));

        assertThat(out).hasSize(4);
        assertThat(out.get(0)).isEqualTo("{\"id\":\"before\",\"decision\":\"ImplicitlyDenied\"}");
        assertThat(out.get(1)).startsWith("{\"id\":\"line-2\",\"decision\":null,\"error\":\"invalid JSON: ");
        assertThat(out.get(2)).startsWith("{\"id\":\"line-3\",\"decision\":null,\"error\":\"invalid JSON: Unrecognized token 'not'");
        assertThat(out.get(3)).isEqualTo("{\"id\":\"after\",\"decision\":\"Allowed\"}");
    }

    @Test
    void aNumberNoDecimalCanHoldMakesALineInvalidJsonAndTheBatchGoesOn() throws IOException {
        List<String> out = run(false,
                aliceCase("1e99999999999", "orders:GetOrder", ""),
                aliceCase("\"x\"", "orders:GetOrder", ",\"context\":{\"n\":-2.5e-88888888888}"),
                aliceCase("\"after\"", "orders:GetOrder", ",\"context\":{\"n\":1e999999999}"));

        assertThat(out).hasSize(3);
        assertThat(out.get(0)).startsWith("{\"id\":\"line-1\",\"decision\":null,\"error\":\"invalid JSON: number out of range");
        assertThat(out.get(1)).startsWith("{\"id\":\"line-2\",\"decision\":null,\"error\":\"invalid JSON: number out of range");
        assertThat(out.get(2)).isEqualTo("{\"id\":\"after\",\"decision\":\"ImplicitlyDenied\"}");
    }

    @Test
    void duplicateKeysAndTrailingTokensMakeALineInvalidJson() throws IOException {
        List<JsonNode> out = parse(run(false,
                "{\"id\":\"dup\",\"action\":\"orders:GetOrder\",\"action\":\"orders:CancelOrder\"}",
                aliceCase("\"trailing\"", "orders:GetOrder", "") + " {}"));

        assertThat(out.get(0).get("id").textValue()).isEqualTo("line-1");
        assertThat(out.get(0).get("error").textValue()).startsWith("invalid JSON: Duplicate field 'action'");
        assertThat(out.get(1).get("id").textValue()).isEqualTo("line-2");
        assertThat(out.get(1).get("error").textValue()).startsWith("invalid JSON: ");
    }

    @Test
    void aLineThatIsNotAnObjectIsAnInvalidCase() throws IOException {
        List<String> out = run(false, "[1, 2, 3]", "\"text\"");

        assertThat(out).containsExactly(
                "{\"id\":\"line-1\",\"decision\":null,\"error\":\"invalid.case: case must be a JSON object\"}",
                "{\"id\":\"line-2\",\"decision\":null,\"error\":\"invalid.case: case must be a JSON object\"}");
    }

    @Test
    void invalidCaseFieldsAreReportedByField() throws IOException {
        List<JsonNode> out = parse(run(false,
                aliceCase("1", "s3GetObject", ""),
                "{\"id\":2,\"principal\":\"not an arn\",\"action\":\"orders:GetOrder\",\"resource\":\"" + ORDER + "\"}",
                "{\"id\":3,\"principal\":\"" + ALICE + "\",\"action\":\"orders:GetOrder\",\"resource\":\"order/7\"}",
                aliceCase("4", "orders:GetOrder", ",\"context\":[\"a\"]"),
                aliceCase("5", "orders:GetOrder", ",\"context\":{\"aws:SourceIp\":{\"ip\":\"1.2.3.4\"}}"),
                aliceCase("6", "orders:GetOrder", ",\"context\":{\"aws:username\":\"a\",\"AWS:UserName\":\"b\"}"),
                aliceCase("7", "orders:GetOrder", ",\"identityPolicies\":{}"),
                aliceCase("8", "orders:GetOrder", ",\"scps\":[" + ALLOW_ORDERS + "]"),
                "{\"id\":9,\"principal\":\"anonymous\",\"action\":\"s3:GetObject\",\"resource\":\"arn:aws:s3:::b/k\"}",
                aliceCase("10", "orders:GetOrder", ",\"context\":{\"aws:TagKeys\":[[\"x\"]]}")));

        assertThat(out).allSatisfy(line -> assertThat(line.get("decision").isNull()).isTrue());
        assertThat(out).extracting(line -> line.get("error").textValue()).containsExactly(
                "invalid.case: action: must be a \"service:Action\" string",
                "invalid.case: principal: principal must be an ARN or a service principal name: 'not an arn'",
                "invalid.case: resource: must be \"*\" or an ARN with 6 colon-separated parts",
                "invalid.case: context: must be an object",
                "invalid.case: context.aws:SourceIp: must be a string, number, boolean or array",
                "invalid.case: context.AWS:UserName: given twice (context keys are case-insensitive)",
                "invalid.case: identityPolicies: must be an array of policies or null",
                "invalid.case: scps[0]: each level must be an array of policies",
                "invalid.case: resourceAccount: required when neither the resource nor the principal carries an account",
                "invalid.case: context.aws:TagKeys: array values must be scalars");
    }

    @Test
    void anInvalidPolicyIsReportedWithItsFieldPointerAndReason() throws IOException {
        String bad = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Permit\",\"Action\":\"orders:*\",\"Resource\":\"*\"}]}";

        List<String> out = run(false,
                aliceCase("\"bad\"", "orders:GetOrder", ",\"identityPolicies\":[" + bad + "]"),
                aliceCase("\"good\"", "orders:GetOrder", ",\"identityPolicies\":[" + ALLOW_ORDERS + "]"));

        assertThat(out).containsExactly(
                "{\"id\":\"bad\",\"decision\":null,\"error\":\"policy.errors: identityPolicies[0]: MalformedPolicyDocument"
                        + " at /Statement/0/Effect: Effect must be \\\"Allow\\\" or \\\"Deny\\\", not \\\"Permit\\\"\"}",
                "{\"id\":\"good\",\"decision\":\"Allowed\"}");
    }

    @Test
    void eachPolicyIsValidatedWithTheRulesOfItsKind() throws IOException {
        String withPrincipal = "{\"Statement\":{\"Effect\":\"Allow\",\"Principal\":\"*\",\"Action\":\"orders:*\",\"Resource\":\"*\"}}";
        String trustWithResource = "{\"Statement\":{\"Effect\":\"Allow\",\"Principal\":\"*\",\"Action\":\"sts:AssumeRole\",\"Resource\":\"*\"}}";

        List<JsonNode> out = parse(run(false,
                aliceCase("1", "orders:GetOrder", ",\"identityPolicies\":[" + ALLOW_ORDERS + "],\"scps\":[[" + ALLOW_ORDERS + "],[" + withPrincipal + "]]"),
                "{\"id\":2,\"principal\":\"" + ALICE + "\",\"action\":\"sts:AssumeRole\",\"resource\":\"arn:aws:iam::111122223333:role/R\","
                        + "\"resourcePolicy\":" + trustWithResource + "}",
                aliceCase("3", "orders:GetOrder", ",\"resourcePolicy\":" + ALLOW_ORDERS)));

        assertThat(out.get(0).get("error").textValue())
                .startsWith("policy.errors: scps[1][0]: MalformedPolicyDocument at /Statement/Principal: ");
        assertThat(out.get(1).get("error").textValue())
                .startsWith("policy.errors: resourcePolicy: MalformedPolicyDocument at /Statement/Resource: a role trust policy must not have a Resource");
        assertThat(out.get(2).get("error").textValue())
                .startsWith("policy.errors: resourcePolicy: MalformedPolicyDocument at /Statement/0: ");
    }

    @Test
    void aNullOrNonPolicyEntryInAPolicyListIsRefusedNotEvaluated() throws IOException {
        List<JsonNode> out = parse(run(false,
                aliceCase("1", "orders:GetOrder", ",\"identityPolicies\":[" + ALLOW_ORDERS + ",null]"),
                aliceCase("2", "orders:GetOrder", ",\"identityPolicies\":[" + ALLOW_ORDERS + "],\"scps\":[[null]]"),
                aliceCase("3", "orders:GetOrder", ",\"identityPolicies\":[" + ALLOW_ORDERS + "],\"vpcEndpointPolicies\":[null]"),
                aliceCase("4", "orders:GetOrder", ",\"identityPolicies\":[42]"),
                aliceCase("5", "orders:GetOrder", ",\"identityPolicies\":[" + ALLOW_ORDERS + "],\"resourcePolicy\":null")));

        assertThat(out).extracting(line -> line.path("error").asText(null)).containsExactly(
                "invalid.case: identityPolicies[1]: must be a policy (an object, or a string holding one), not null",
                "invalid.case: scps[0][0]: must be a policy (an object, or a string holding one), not null",
                "invalid.case: vpcEndpointPolicies[0]: must be a policy (an object, or a string holding one), not null",
                "policy.errors: identityPolicies[0]: MalformedPolicyDocument at /: a policy must be a JSON object, not a number",
                null);
        assertThat(out.get(4).get("decision").textValue()).isEqualTo("Allowed");
    }

    @Test
    void aPolicyGivenAsAStringIsParsedAsText() throws IOException {
        String asString = JSON.writeValueAsString(ALLOW_ORDERS);
        String duplicate = JSON.writeValueAsString("{\"Statement\":[],\"Statement\":[]}");

        List<String> out = run(false,
                aliceCase("\"text\"", "orders:GetOrder", ",\"identityPolicies\":[" + asString + "]"),
                aliceCase("\"dup\"", "orders:GetOrder", ",\"identityPolicies\":[" + duplicate + "]"));

        assertThat(out.get(0)).isEqualTo("{\"id\":\"text\",\"decision\":\"Allowed\"}");
        assertThat(JSON.readTree(out.get(1)).get("error").textValue())
                .startsWith("policy.errors: identityPolicies[0]: MalformedPolicyDocument at /Statement: duplicate key");
    }

    @Test
    void aSessionPolicyForAnIamUserIsRefused() throws IOException {
        List<String> out = run(false, aliceCase("\"s\"", "orders:GetOrder",
                ",\"identityPolicies\":[" + ALLOW_ORDERS + "],\"sessionPolicy\":" + ALLOW_ORDERS));

        assertThat(out).containsExactly("{\"id\":\"s\",\"decision\":null,\"error\":"
                + "\"session.policy.invalid.principal: only role and federated sessions have session policies\"}");
    }

    @Test
    void aSessionPolicyForARoleSessionIsApplied() throws IOException {
        String session = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"orders:Get*\",\"Resource\":\"*\"}]}";
        String caller = "arn:aws:sts::111122223333:assumed-role/AppRole/s1";

        List<String> out = run(false,
                "{\"id\":1,\"principal\":\"" + caller + "\",\"action\":\"orders:GetOrder\",\"resource\":\"" + ORDER
                        + "\",\"identityPolicies\":[" + ALLOW_ORDERS + "],\"sessionPolicy\":" + session + "}",
                "{\"id\":2,\"principal\":\"" + caller + "\",\"action\":\"orders:CancelOrder\",\"resource\":\"" + ORDER
                        + "\",\"identityPolicies\":[" + ALLOW_ORDERS + "],\"sessionPolicy\":" + session + "}");

        assertThat(out).containsExactly("{\"id\":1,\"decision\":\"Allowed\"}", "{\"id\":2,\"decision\":\"ImplicitlyDenied\"}");
    }

    @Test
    void anAnonymousCallerWithPrincipalSidePoliciesIsRefused() throws IOException {
        String anonymous = "{\"id\":\"anon\",\"principal\":\"anonymous\",\"action\":\"s3:GetObject\",\"resource\":\"arn:aws:s3:::b/k\","
                + "\"resourceAccount\":\"111122223333\",\"identityPolicies\":[" + ALLOW_ORDERS + "],\"permissionBoundaries\":["
                + ALLOW_ORDERS + "],\"scps\":[[" + ALLOW_ORDERS + "]]}";
        String anonymousEmpty = "{\"id\":\"ok\",\"principal\":\"anonymous\",\"action\":\"s3:GetObject\",\"resource\":\"arn:aws:s3:::b/k\","
                + "\"resourceAccount\":\"111122223333\",\"identityPolicies\":[],\"resourcePolicy\":{\"Statement\":{\"Effect\":\"Allow\","
                + "\"Principal\":\"*\",\"Action\":\"s3:GetObject\",\"Resource\":\"arn:aws:s3:::b/*\"}}}";

        List<String> out = run(false, anonymous, anonymousEmpty);

        assertThat(out).containsExactly("{\"id\":\"anon\",\"decision\":null,\"error\":\"anonymous.identityPolicies.invalid, "
                + "anonymous.permissionBoundaryPolicies.invalid, anonymous.serviceControlPolicies.invalid\"}",
                "{\"id\":\"ok\",\"decision\":\"Allowed\"}");
    }

    @Test
    void contextValuesOfEveryScalarTypeAndSetsAreUsed() throws IOException {
        String policy = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"orders:*\",\"Resource\":\"*\","
                + "\"Condition\":{\"NumericLessThan\":{\"orders:Quantity\":\"10\"},\"Bool\":{\"aws:SecureTransport\":\"true\"},"
                + "\"ForAllValues:StringEquals\":{\"aws:TagKeys\":[\"env\",\"team\"]}}}]}";
        String context = ",\"context\":{\"orders:Quantity\":3,\"aws:SecureTransport\":true,\"aws:TagKeys\":[\"env\"],\"ignored\":null}";

        List<String> out = run(false, aliceCase("1", "orders:PlaceOrder", context + ",\"identityPolicies\":[" + policy + "]"),
                aliceCase("2", "orders:PlaceOrder", context.replace(":3,", ":30,") + ",\"identityPolicies\":[" + policy + "]"));

        assertThat(out).containsExactly("{\"id\":1,\"decision\":\"Allowed\"}", "{\"id\":2,\"decision\":\"ImplicitlyDenied\"}");
    }

    @Test
    void explainAddsWhatEachKindOfPolicySaid() throws IOException {
        List<JsonNode> out = parse(run(true,
                aliceCase("\"x\"", "orders:GetOrder", ",\"identityPolicies\":[" + ALLOW_ORDERS + "],\"scps\":[[" + ALLOW_ORDERS + "]]"),
                aliceCase("\"bad\"", "nope", "")));

        ObjectNode expected = (ObjectNode) JSON.readTree("{\"id\":\"x\",\"decision\":\"Allowed\",\"detail\":{\"sameAccount\":true,"
                + "\"identity\":\"Allowed\",\"service_control\":\"Allowed\","
                + "\"reason\":\"Allowed by identity-based policy 'identityPolicies[0]' statement #0\"}}");
        assertThat(out.get(0)).isEqualTo(expected);
        assertThat(out.get(1).has("detail")).isFalse();
        assertThat(out.get(1).get("error").textValue()).startsWith("invalid.case: action");
    }

    @Test
    void theCountsSumUpTheBatch() throws IOException {
        String deny = "{\"Statement\":{\"Effect\":\"Deny\",\"Action\":\"*\",\"Resource\":\"*\"}}";
        BatchSimulation.Counts counts = new BatchSimulation(false).run(new BufferedReader(new StringReader(String.join("\n",
                aliceCase("1", "orders:GetOrder", ",\"identityPolicies\":[" + ALLOW_ORDERS + "]"),
                aliceCase("2", "orders:GetOrder", ",\"identityPolicies\":[" + deny + "]"),
                aliceCase("3", "orders:GetOrder", ""),
                aliceCase("4", "orders:GetOrder", ",\"identityPolicies\":[" + ALLOW_ORDERS + "]"),
                "{") + "\n")), new StringWriter());

        assertThat(counts).hasToString("Allowed 2, ExplicitlyDenied 1, ImplicitlyDenied 1, errors 1");
    }

    @Test
    void evaluateLineNumbersAnAnonymousLineWithTheGivenNumber() {
        ObjectNode result = new BatchSimulation(false).evaluateLine("{}", 17);

        assertThat(result.get("id").textValue()).isEqualTo("line-17");
        assertThat(result.get("decision").isNull()).isTrue();
        assertThat(result.get("error").textValue())
                .isEqualTo("invalid.case: principal: must be an ARN, a service principal, or \"anonymous\"");
    }
}
