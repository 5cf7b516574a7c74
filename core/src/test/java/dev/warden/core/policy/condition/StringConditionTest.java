package dev.warden.core.policy.condition;

import static dev.warden.core.policy.condition.Conditions.empty;
import static dev.warden.core.policy.condition.Conditions.holds;
import static dev.warden.core.policy.condition.Conditions.with;
import static dev.warden.core.policy.condition.Conditions.withSet;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The string operators (IAM User Guide, "IAM JSON policy elements: Condition operators", String condition operators). */
class StringConditionTest {

    private static final String KEY = "aws:PrincipalTag/team";

    @Test
    void stringEqualsIsExactAndCaseSensitive() {
        assertThat(holds("StringEquals", KEY, "blue", "blue")).isTrue();
        assertThat(holds("StringEquals", KEY, "blue", "Blue")).isFalse();
        assertThat(holds("StringEquals", KEY, "blue", "blue ")).isFalse();
        assertThat(holds("StringEquals", KEY, "blue", "blu")).isFalse();
    }

    @Test
    void stringEqualsTreatsWildcardsAsLiteralCharacters() {
        assertThat(holds("StringEquals", KEY, "b*", "blue")).isFalse();
        assertThat(holds("StringEquals", KEY, "b*", "b*")).isTrue();
        assertThat(holds("StringEquals", KEY, "b?ue", "blue")).isFalse();
    }

    @Test
    void severalPolicyValuesAreAlternatives() {
        List<String> values = List.of("red", "green", "blue");

        assertThat(holds("StringEquals", KEY, values, with(KEY, "green"))).isTrue();
        assertThat(holds("StringEquals", KEY, values, with(KEY, "yellow"))).isFalse();
    }

    @Test
    void stringNotEqualsHoldsWhenTheValueEqualsNoneOfThePolicyValues() {
        List<String> values = List.of("red", "blue");

        assertThat(holds("StringNotEquals", KEY, values, with(KEY, "green"))).isTrue();
        assertThat(holds("StringNotEquals", KEY, values, with(KEY, "blue"))).isFalse();
        assertThat(holds("StringNotEquals", KEY, values, with(KEY, "Blue"))).isTrue();
    }

    @Test
    void stringEqualsIgnoreCaseIgnoresCase() {
        assertThat(holds("StringEqualsIgnoreCase", KEY, "BLUE", "blue")).isTrue();
        assertThat(holds("StringEqualsIgnoreCase", KEY, "blue", "bLuE")).isTrue();
        assertThat(holds("StringEqualsIgnoreCase", KEY, "blue", "blues")).isFalse();
        assertThat(holds("StringEqualsIgnoreCase", KEY, "b*", "blue")).isFalse();
    }

    @Test
    void stringNotEqualsIgnoreCaseIgnoresCase() {
        assertThat(holds("StringNotEqualsIgnoreCase", KEY, "BLUE", "blue")).isFalse();
        assertThat(holds("StringNotEqualsIgnoreCase", KEY, "BLUE", "green")).isTrue();
    }

    @ParameterizedTest
    @CsvSource({"home/*, home/alice/x.txt, true", "home/*, home/, true", "home/*, home, false", "home/?, home/a, true",
            "home/?, home/ab, false", "*, '', true", "*, anything, true", "a*b*c, aXbYc, true", "Home/*, home/a, false",
            "*/reports/*, a/b/reports/q1, true", "'', '', true", "'', x, false"})
    void stringLikeHonoursWildcardsAndCase(String pattern, String value, boolean expected) {
        assertThat(holds("StringLike", "s3:prefix", pattern, value)).isEqualTo(expected);
    }

    @Test
    void stringNotLikeHoldsWhenNoPatternMatches() {
        List<String> patterns = List.of("home/*", "shared/*");

        assertThat(holds("StringNotLike", "s3:prefix", patterns, with("s3:prefix", "private/x"))).isTrue();
        assertThat(holds("StringNotLike", "s3:prefix", patterns, with("s3:prefix", "shared/x"))).isFalse();
    }

    @Test
    void numbersAreComparedAsTextByStringOperators() {
        assertThat(holds("StringEquals", "s3:max-keys", "10", "10")).isTrue();
        assertThat(holds("StringEquals", "s3:max-keys", "10", "10.0")).isFalse();
    }

    @Test
    void contextKeyNameIsCaseInsensitive() {
        assertThat(holds("StringEquals", "AWS:PrincipalTAG/Team", List.of("blue"), with("aws:principaltag/team", "blue"))).isTrue();
    }

    @Test
    void absentKeyFailsPositiveOperatorsAndSatisfiesNegatedOnes() {
        assertThat(holds("StringEquals", KEY, List.of("blue"), empty())).isFalse();
        assertThat(holds("StringLike", KEY, List.of("*"), empty())).isFalse();
        assertThat(holds("StringEqualsIgnoreCase", KEY, List.of("blue"), empty())).isFalse();
        assertThat(holds("StringNotEquals", KEY, List.of("blue"), empty())).isTrue();
        assertThat(holds("StringNotLike", KEY, List.of("*"), empty())).isTrue();
        assertThat(holds("StringNotEqualsIgnoreCase", KEY, List.of("blue"), empty())).isTrue();
    }

    @Test
    void plainOperatorNeverMatchesAMultivaluedKey() {
        assertThat(holds("StringEquals", "aws:TagKeys", List.of("a"), withSet("aws:TagKeys", "a"))).isFalse();
        assertThat(holds("StringLike", "aws:TagKeys", List.of("*"), withSet("aws:TagKeys", "a", "b"))).isFalse();
        assertThat(holds("StringNotEquals", "aws:TagKeys", List.of("z"), withSet("aws:TagKeys", "a"))).isFalse();
    }

    @Test
    void clauseKeepsWhatThePolicyWrote() {
        ConditionClause clause = ConditionClause.compile("StringLikeIfExists", "AWS:UserName", List.of("a*", "b"), true);

        assertThat(clause.operatorText()).isEqualTo("StringLikeIfExists");
        assertThat(clause.key()).isEqualTo("AWS:UserName");
        assertThat(clause.valueTexts()).containsExactly("a*", "b");
        assertThat(clause).hasToString("StringLikeIfExists AWS:UserName [a*, b]");
    }
}
