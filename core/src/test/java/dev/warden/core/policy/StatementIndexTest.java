package dev.warden.core.policy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.warden.spi.PolicyType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The index hands a request only the statements whose Action/NotAction covers its action: denies first, then
 * allows, each in policy order.
 */
class StatementIndexTest {

    private static CompiledPolicy policy(String name, String... statements) {
        try {
            return CompiledPolicy.parse(PolicyJson.doc(statements), PolicyKind.MANAGED, name, PolicyType.IDENTITY);
        } catch (MalformedPolicyException e) {
            throw new AssertionError(e);
        }
    }

    private static String allow(String actionElement, String actions) {
        return "{\"Effect\":\"Allow\",\"" + actionElement + "\":" + actions + ",\"Resource\":\"*\"}";
    }

    private static List<String> names(CompiledStatement[] statements) {
        return Arrays.stream(statements).map(s -> s.ref().policyName() + "#" + s.ref().index()).toList();
    }

    private final CompiledPolicy first = policy("p1",
            allow("Action", "\"s3:Get*\""),
            allow("Action", "\"iam:*\""),
            allow("Action", "\"*\""),
            allow("Action", "[\"s3:PutObject\",\"sqs:SendMessage\"]"));
    private final CompiledPolicy second = policy("p2",
            allow("NotAction", "\"iam:*\""),
            allow("Action", "\"s3:GetObject\""),
            allow("NotAction", "[\"s3:GetObject\",\"s3:PutObject\"]"));
    private final StatementIndex index = StatementIndex.of(first, second);

    @Test
    void onlyStatementsCoveringTheActionAreCandidatesInPolicyOrder() {
        assertThat(names(index.covering("s3:GetObject"))).containsExactly("p1#0", "p1#2", "p2#0", "p2#1");
    }

    @Test
    void statementOfTheSameServiceThatDoesNotCoverTheActionIsLeftOut() {
        assertThat(names(index.covering("s3:PutObject"))).containsExactly("p1#2", "p1#3", "p2#0");
    }

    @Test
    void notActionThatExcludesTheActionIsLeftOut() {
        assertThat(names(index.covering("iam:PassRole"))).containsExactly("p1#1", "p1#2", "p2#2");
    }

    @Test
    void starAndNotActionStatementsAreCandidatesForAServiceNoStatementNames() {
        assertThat(names(index.covering("dynamodb:GetItem"))).containsExactly("p1#2", "p2#0", "p2#2");
    }

    @Test
    void statementNamingTwoServicesIsACandidateForEach() {
        assertThat(names(index.covering("sqs:SendMessage"))).containsExactly("p1#2", "p1#3", "p2#0", "p2#2");
    }

    @Test
    void actionsCompareWithoutRegardToCase() {
        assertThat(names(index.covering("S3:GETOBJECT"))).isEqualTo(names(index.covering("s3:GetObject")));
    }

    @Test
    void repeatedLookupReturnsTheCachedResult() {
        CompiledStatement[] once = index.covering("s3:GetObject");

        assertThat(index.covering("s3:GetObject")).isSameAs(once);
    }

    @Test
    void emptyIndexHasNoCandidates() {
        assertThat(StatementIndex.of(List.of()).covering("s3:GetObject")).isEmpty();
    }

    @Test
    void indexKeepsItsPoliciesInTheGivenOrder() {
        assertThat(StatementIndex.of(List.of(second, first)).policies()).containsExactly(second, first);
        assertThat(names(StatementIndex.of(List.of(second, first)).covering("s3:GetObject")))
                .containsExactly("p2#0", "p2#1", "p1#0", "p1#2");
    }

    @Test
    void manyDistinctActionsStillGetCorrectAnswersPastTheCacheLimit() {
        for (int i = 0; i < 5000; i++) {
            assertThat(index.covering("s3:GetThing" + i)).hasSize(4);
        }
        assertThat(names(index.covering("s3:GetThing4999"))).containsExactly("p1#0", "p1#2", "p2#0", "p2#2");
    }

    @Test
    void tenThousandPoliciesIndexAndAnswerOnlyWithTheirCoveringStatements() {
        List<CompiledPolicy> policies = new ArrayList<>();
        String[] services = {"s3", "iam", "ec2", "sqs", "dynamodb", "lambda", "kms", "sns", "logs", "sts"};
        for (int i = 0; i < 10_000; i++) {
            String service = services[i % services.length];
            policies.add(policy("p" + i,
                    allow("Action", "\"" + service + ":Get" + i + "\""),
                    allow("Action", "[\"" + service + ":List*\",\"" + service + ":Describe*\"]")));
        }
        policies.add(policy("star", allow("Action", "\"*\"")));

        StatementIndex big = StatementIndex.of(policies);

        assertThat(names(big.covering("s3:Get40"))).containsExactly("p40#0", "star#0");
        assertThat(big.covering("sqs:ListQueues")).hasSize(1001);
    }

    @Test
    void deniesComeBeforeAllowsEachInPolicyOrder() {
        CompiledPolicy mixed = policy("m",
                allow("Action", "\"s3:*\""),
                "{\"Effect\":\"Deny\",\"Action\":\"s3:GetObject\",\"Resource\":\"*\"}",
                allow("Action", "\"s3:Get*\""),
                "{\"Effect\":\"Deny\",\"Action\":\"*\",\"Resource\":\"*\"}");

        assertThat(names(StatementIndex.of(mixed).covering("s3:GetObject"))).containsExactly("m#1", "m#3", "m#0", "m#2");
    }
}
