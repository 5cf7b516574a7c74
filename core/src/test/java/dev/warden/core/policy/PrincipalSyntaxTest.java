package dev.warden.core.policy;

import static dev.warden.core.policy.PolicyJson.doc;
import static dev.warden.core.policy.PolicyJson.parse;
import static dev.warden.core.policy.PolicyJson.refusedAt;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The {@code Principal} element: {@code "*"} or an object of {@code AWS}, {@code Service}, {@code Federated} and
 * {@code CanonicalUser} entries; AWS entries are {@code *}, account ids, unique ids or IAM/STS ARNs without
 * wildcards (IAM User Guide, "AWS JSON policy elements: Principal").
 */
class PrincipalSyntaxTest {

    private static final PolicyKind KIND = PolicyKind.RESOURCE;

    private static String withPrincipal(String principal) {
        return doc("{\"Effect\":\"Allow\",\"Principal\":" + principal + ",\"Action\":\"s3:GetObject\",\"Resource\":\"arn:aws:s3:::b/*\"}");
    }

    private static String withAws(String aws) {
        return withPrincipal("{\"AWS\":\"" + aws + "\"}");
    }

    @ParameterizedTest
    @ValueSource(strings = {"*", "111122223333", "arn:aws:iam::111122223333:root", "arn:aws:iam::111122223333:user/alice",
            "arn:aws:iam::111122223333:user/division/alice", "arn:aws:iam::111122223333:role/R",
            "arn:aws:sts::111122223333:assumed-role/R/session", "arn:aws:sts::111122223333:federated-user/bob",
            "arn:aws-cn:iam::111122223333:user/alice", "AIDAJQABLZS4A3QDU576Q", "AROADBQP57FF2AEXAMPLE"})
    void wellFormedAwsPrincipalIsAccepted(String aws) {
        assertThat(parse(withAws(aws), KIND).statements().get(0).principal().aws()).containsExactly(aws);
    }

    @ParameterizedTest
    @ValueSource(strings = {"arn:aws:iam::111122223333:user/*", "arn:aws:iam::111122223333:role/App?",
            "arn:aws:sts::111122223333:assumed-role/R/*"})
    void wildcardInsideAPrincipalArnIsRefused(String aws) {
        String reason = refusedAt(withAws(aws), KIND, "/Statement/0/Principal/AWS");

        assertThat(reason).contains("cannot hold wildcards").contains("aws:PrincipalArn");
    }

    @ParameterizedTest
    @ValueSource(strings = {"alice", "11112222333", "1111222233334", "arn:aws:iam::*:root", "arn:aws:s3:::bucket",
            "arn:aws:iam:us-east-1:111122223333:user/a", "arn:aws:iam::111122223333:", "arn:aws:iam::111122223333",
            "arn::iam::111122223333:user/a", "a*", "AIDA"})
    void awsPrincipalThatIsNoAccountUniqueIdOrIamArnIsRefused(String aws) {
        String reason = refusedAt(withAws(aws), KIND, "/Statement/0/Principal/AWS");

        assertThat(reason).contains("invalid principal \"" + aws + "\"");
    }

    @Test
    void invalidEntryOfAnAwsListIsRefusedAtItsIndex() {
        refusedAt(withPrincipal("{\"AWS\":[\"111122223333\",\"arn:aws:iam::111122223333:user/*\"]}"), KIND,
                "/Statement/0/Principal/AWS/1");
    }

    @Test
    void principalStringOtherThanStarIsRefused() {
        String reason = refusedAt(withPrincipal("\"arn:aws:iam::111122223333:root\""), KIND, "/Statement/0/Principal");

        assertThat(reason).contains("a principal given as a string must be \"*\"");
    }

    @ParameterizedTest
    @ValueSource(strings = {"{}", "[\"*\"]", "5", "null", "true"})
    void principalThatIsNeitherStarNorATypedObjectIsRefused(String principal) {
        String reason = refusedAt(withPrincipal(principal), KIND, "/Statement/0/Principal");

        assertThat(reason).contains("a principal must be \"*\" or an object");
    }

    @Test
    void unknownPrincipalTypeIsRefusedAtItsName() {
        String reason = refusedAt(withPrincipal("{\"AWS\":\"111122223333\",\"Users\":\"alice\"}"), KIND,
                "/Statement/0/Principal/Users");

        assertThat(reason).contains("unknown element \"Users\"");
    }

    @Test
    void principalTypeNamesAreCaseSensitive() {
        refusedAt(withPrincipal("{\"aws\":\"111122223333\"}"), KIND, "/Statement/0/Principal/aws");
    }

    @ParameterizedTest
    @ValueSource(strings = {"*", "lambda *.amazonaws.com", "ec2 .amazonaws.com"})
    void servicePrincipalWithAWildcardOrWhitespaceIsRefused(String service) {
        String reason = refusedAt(withPrincipal("{\"Service\":\"" + service + "\"}"), KIND, "/Statement/0/Principal/Service");

        assertThat(reason).contains("invalid service principal");
    }

    @Test
    void invalidServiceInAListIsRefusedAtItsIndex() {
        refusedAt(withPrincipal("{\"Service\":[\"lambda.amazonaws.com\",\"s3.*\"]}"), KIND, "/Statement/0/Principal/Service/1");
    }

    @Test
    void emptyPrincipalListIsRefused() {
        String reason = refusedAt(withPrincipal("{\"AWS\":[]}"), KIND, "/Statement/0/Principal/AWS");

        assertThat(reason).contains("AWS must not be an empty array");
    }

    @Test
    void principalTypeOfTheWrongTypeIsRefused() {
        String reason = refusedAt(withPrincipal("{\"Federated\":{\"a\":\"b\"}}"), KIND, "/Statement/0/Principal/Federated");

        assertThat(reason).contains("Federated must be a string or an array of strings, not an object");
    }

    @Test
    void invalidNotPrincipalIsRefusedAtNotPrincipal() {
        refusedAt(doc("{\"Effect\":\"Deny\",\"NotPrincipal\":{\"AWS\":\"alice\"},\"Action\":\"s3:*\",\"Resource\":\"*\"}"),
                KIND, "/Statement/0/NotPrincipal/AWS");
    }
}
