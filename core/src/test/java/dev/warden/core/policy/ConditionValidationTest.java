package dev.warden.core.policy;

import static dev.warden.core.policy.PolicyJson.allow;
import static dev.warden.core.policy.PolicyJson.doc;
import static dev.warden.core.policy.PolicyJson.parse;
import static dev.warden.core.policy.PolicyJson.refusedAt;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A {@code Condition} block is refused where IAM refuses it, at the operator, the key or the very value at fault
 * (IAM User Guide, "IAM JSON policy elements: Condition operators"; Access Analyzer policy checks).
 */
class ConditionValidationTest {

    private static final PolicyKind KIND = PolicyKind.MANAGED;

    private static String condition(String block) {
        return doc(allow("\"Condition\":" + block));
    }

    private static String condition(String operator, String key, String valueJson) {
        return condition("{\"" + operator + "\":{\"" + key + "\":" + valueJson + "}}");
    }

    @ParameterizedTest
    @ValueSource(strings = {"StringEqualz", "NumericEq", "Boolean", "StringEqualsIfExist", "IfExists", "DateIs",
            "StringEquals IfExists", "ArnEqualsIgnoreCase"})
    void unknownOperatorIsRefusedAtTheOperator(String operator) {
        String reason = refusedAt(condition(operator, "aws:username", "\"a\""), KIND, "/Statement/0/Condition/" + operator);

        assertThat(reason).contains("unknown condition operator '" + operator + "'");
    }

    @ParameterizedTest
    @ValueSource(strings = {"ForAllValue:StringEquals", "ForSomeValues:StringLike", "ForEach:StringEquals", ":StringEquals"})
    void unknownSetOperatorIsRefusedAtTheOperator(String operator) {
        String reason = refusedAt(condition(operator, "aws:TagKeys", "\"a\""), KIND, "/Statement/0/Condition/" + operator);

        assertThat(reason).contains("unknown set operator").contains("ForAllValues or ForAnyValue");
    }

    @ParameterizedTest
    @ValueSource(strings = {"NullIfExists", "ForAllValues:Null", "ForAnyValue:Null"})
    void nullTakesNeitherIfExistsNorASetOperator(String operator) {
        String reason = refusedAt(condition(operator, "aws:TagKeys", "\"true\""), KIND, "/Statement/0/Condition/" + operator);

        assertThat(reason).contains("Null operator takes neither IfExists nor a set operator");
    }

    @ParameterizedTest
    @ValueSource(strings = {"username", "aws:", ":username"})
    void keyWithoutPrefixAndNameIsRefusedAtTheKey(String key) {
        String reason = refusedAt(condition("StringEquals", key, "\"a\""), KIND, "/Statement/0/Condition/StringEquals/" + key);

        assertThat(reason).contains("must have the form prefix:name");
    }

    @Test
    void keyIsEscapedInThePointer() {
        refusedAt(condition("NumericEquals", "aws:PrincipalTag/team", "\"ten\""), KIND,
                "/Statement/0/Condition/NumericEquals/aws:PrincipalTag~1team");
    }

    @Test
    void emptyValueArrayIsRefusedAtTheKey() {
        String reason = refusedAt(condition("StringEquals", "aws:username", "[]"), KIND,
                "/Statement/0/Condition/StringEquals/aws:username");

        assertThat(reason).contains("has no values");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"{\"a\":\"b\"}|an object", "null|null"})
    void valueThatIsNoScalarIsRefusedAtTheKey(String value, String type) {
        String reason = refusedAt(condition("StringEquals", "aws:username", value), KIND,
                "/Statement/0/Condition/StringEquals/aws:username");

        assertThat(reason).contains("a condition value must be a string, number or boolean, not " + type);
    }

    @Test
    void nestedArrayValueIsRefusedAtItsIndex() {
        String reason = refusedAt(condition("StringEquals", "aws:username", "[\"a\",[\"b\"]]"), KIND,
                "/Statement/0/Condition/StringEquals/aws:username/1");

        assertThat(reason).contains("not an array");
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"x\"", "[]", "{}", "null"})
    void operatorBlockThatIsNoNonEmptyObjectIsRefusedAtTheOperator(String block) {
        String reason = refusedAt(condition("{\"StringEquals\":" + block + "}"), KIND, "/Statement/0/Condition/StringEquals");

        assertThat(reason).contains("a condition operator takes an object of context keys and values");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "NumericEquals|\"ten\"|is not a number",
            "NumericLessThan|\"1e3\"|is not a number",
            "NumericGreaterThan|\"\"|is not a number",
            "DateGreaterThan|\"yesterday\"|is not a date",
            "DateLessThan|\"2024-13-01\"|is not a date",
            "DateEquals|\"2024-02-30T00:00:00Z\"|is not a date",
            "IpAddress|\"10.0.0.0/33\"|is not an IP address or CIDR block",
            "NotIpAddress|\"10.0.0\"|is not an IP address or CIDR block",
            "IpAddress|\"2001:db8::/129\"|is not an IP address or CIDR block",
            "BinaryEquals|\"not base64!\"|is not base64",
            "Bool|\"yes\"|Bool value must be true or false",
            "Bool|1|Bool value must be true or false",
            "ArnEquals|\"not-an-arn\"|is not an ARN",
            "ArnLike|\"arn:aws:s3\"|is not an ARN",
            "Null|\"maybe\"|Null value must be true or false"})
    void valueOfTheWrongTypeForTheOperatorIsRefusedAtTheKey(String operator, String value, String problem) {
        String reason = refusedAt(condition(operator, "aws:SomeKey", value), KIND, "/Statement/0/Condition/" + operator + "/aws:SomeKey");

        assertThat(reason).contains(problem);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "NumericEquals|[\"1\",\"2\",\"x\"]|2",
            "DateEquals|[\"2024-01-01\",\"soon\"]|1",
            "IpAddress|[\"10.0.0.0/8\",\"192.168.0.0/16\",\"300.0.0.0/8\"]|2",
            "BinaryEquals|[\"QUJD\",\"@@\"]|1",
            "Bool|[true,\"no\"]|1",
            "ArnLike|[\"arn:aws:s3:::b\",\"b\"]|1",
            "Null|[\"true\",\"nope\"]|1"})
    void wrongValueInAnArrayIsRefusedAtItsIndex(String operator, String values, int index) {
        refusedAt(condition(operator, "aws:SomeKey", values), KIND, "/Statement/0/Condition/" + operator + "/aws:SomeKey/" + index);
    }

    @Test
    void hugeExponentIsNoNumberAndIsRefusedWithoutSpellingItOut() {
        String reason = refusedAt(condition("NumericLessThan", "s3:max-keys", "1e999999999"), KIND,
                "/Statement/0/Condition/NumericLessThan/s3:max-keys");

        assertThat(reason).isEqualTo("'1E+999999999' is not a number");
    }

    @Test
    void numberInExponentFormWithinReachIsWrittenOut() {
        Statement.Condition c = parse(condition("NumericLessThan", "s3:max-keys", "[1.5e3,2E-3]"), KIND).statements().get(0)
                .conditions().get(0);

        assertThat(c.values()).containsExactly("1500", "0.002");
    }

    @Test
    void malformedVariableInAStringValueIsRefusedAtTheValue() {
        String reason = refusedAt(condition("StringLike", "s3:prefix", "[\"home/\",\"home/${aws:username, anonymous}/*\"]"), KIND,
                "/Statement/0/Condition/StringLike/s3:prefix/1");

        assertThat(reason).contains("single quotes");
    }

    @Test
    void malformedVariableIsLiteralTextInA2008Policy() {
        String json = "{\"Version\":\"2008-10-17\",\"Statement\":" + allow("\"Condition\":{\"StringEquals\":{\"s3:prefix\":\"${}\"}}") + "}";

        assertThat(parse(json, KIND).statements().get(0).conditions()).hasSize(1);
    }

    @Test
    void errorInALaterOperatorIsReportedAtThatOperator() {
        refusedAt(condition("{\"StringEquals\":{\"aws:username\":\"a\"},\"NumericLessThan\":{\"aws:MultiFactorAuthAge\":\"soon\"}}"),
                KIND, "/Statement/0/Condition/NumericLessThan/aws:MultiFactorAuthAge");
    }

    @ParameterizedTest
    @ValueSource(strings = {"StringEquals", "StringNotEquals", "StringEqualsIgnoreCase", "StringNotEqualsIgnoreCase",
            "StringLike", "StringNotLike", "NumericEquals", "NumericNotEquals", "NumericLessThan", "NumericLessThanEquals",
            "NumericGreaterThan", "NumericGreaterThanEquals", "DateEquals", "DateNotEquals", "DateLessThan",
            "DateLessThanEquals", "DateGreaterThan", "DateGreaterThanEquals", "Bool", "BinaryEquals", "IpAddress",
            "NotIpAddress", "ArnEquals", "ArnLike", "ArnNotEquals", "ArnNotLike"})
    void everyOperatorIsAcceptedPlainWithIfExistsAndWithEitherSetOperator(String operator) {
        String value = switch (operator.replace("Not", "").replaceAll("(Equals|Like|LessThan|GreaterThan|IgnoreCase)", "")) {
            case "Numeric" -> "\"1\"";
            case "Date" -> "\"2024-01-01T00:00:00Z\"";
            case "Bool" -> "\"true\"";
            case "Binary" -> "\"QUJD\"";
            case "IpAddress" -> "\"10.0.0.0/8\"";
            case "Arn" -> "\"arn:aws:s3:::b\"";
            default -> "\"v\"";
        };
        String block = "{\"" + operator + "\":{\"a:k\":" + value + "},\"" + operator + "IfExists\":{\"a:k\":" + value + "},"
                + "\"ForAllValues:" + operator + "\":{\"a:k\":" + value + "},\"ForAnyValue:" + operator + "IfExists\":{\"a:k\":" + value + "}}";

        assertThat(parse(condition(block), KIND).statements().get(0).conditions()).hasSize(4);
    }

    @Test
    void nullOperatorIsAccepted() {
        Statement.Condition c = parse(condition("Null", "aws:TokenIssueTime", "[\"true\",false]"), KIND).statements().get(0)
                .conditions().get(0);

        assertThat(c.values()).containsExactly("true", "false");
    }
}
