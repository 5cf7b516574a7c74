package dev.warden.core.policy.condition;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Compiling a clause refuses what IAM refuses, saying whether the operator, the key or which value is at fault
 * (the parser turns that into a JSON pointer).
 */
class ConditionClauseCompileTest {

    private static InvalidConditionException refusal(String operator, String key, List<String> values) {
        InvalidConditionException e = catchThrowableOfType(InvalidConditionException.class,
                () -> ConditionClause.compile(operator, key, values, true));
        assertThat(e).as("%s %s %s must be refused", operator, key, values).isNotNull();
        return e;
    }

    @ParameterizedTest
    @ValueSource(strings = {"StringEqualz", "", "IfExists", "ForAnyValue:", "ForAllValues:ForAnyValue:StringEquals",
            "Foo:StringEquals", "NullIfExists", "ForAnyValue:Null", "StringEqualsIfExistsIfExists"})
    void operatorProblemsPointAtTheOperator(String operator) {
        assertThat(refusal(operator, "aws:username", List.of("true")).valueIndex()).isEqualTo(InvalidConditionException.OPERATOR);
    }

    @ParameterizedTest
    @ValueSource(strings = {"username", "aws:", ":username", ""})
    void malformedKeyPointsAtTheKey(String key) {
        InvalidConditionException e = refusal("StringEquals", key, List.of("a"));

        assertThat(e.valueIndex()).isEqualTo(InvalidConditionException.KEY);
        assertThat(e).hasMessageContaining("prefix:name");
    }

    @Test
    void emptyValueListPointsAtTheKey() {
        InvalidConditionException e = refusal("StringEquals", "aws:username", List.of());

        assertThat(e.valueIndex()).isEqualTo(InvalidConditionException.KEY);
        assertThat(e).hasMessageContaining("has no values");
    }

    @Test
    void badValuePointsAtItsIndex() {
        assertThat(refusal("NumericEquals", "k:n", List.of("1", "2", "three")).valueIndex()).isEqualTo(2);
        assertThat(refusal("StringLike", "k:s", List.of("${}", "x")).valueIndex()).isZero();
    }

    @Test
    void operatorProblemIsFoundBeforeAKeyProblem() {
        assertThat(refusal("StringEqualz", "nokey", List.of()).valueIndex()).isEqualTo(InvalidConditionException.OPERATOR);
    }

    @Test
    void everyOperatorNameIsKnownWithItsNegation() {
        for (ConditionOperator operator : ConditionOperator.values()) {
            assertThat(ConditionOperator.named(operator.awsName())).isEqualTo(operator);
            boolean negatedName = operator.awsName().contains("Not");
            assertThat(operator.negated()).as(operator.awsName()).isEqualTo(negatedName);
        }
    }

    @Test
    void valuesOfAnyOperatorMayRepeat() {
        ConditionClause clause = ConditionClause.compile("StringEquals", "k:s", List.of("a", "a"), true);

        assertThat(clause.test(Conditions.with("k:s", "a"))).isTrue();
    }
}
