package dev.warden.core.policy.condition;

import static dev.warden.core.policy.condition.Conditions.empty;
import static dev.warden.core.policy.condition.Conditions.holds;
import static dev.warden.core.policy.condition.Conditions.with;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The date operators compare instants: W3C ISO 8601 dates and times (with fractions and offsets) and epoch
 * seconds, in any mix (IAM User Guide, Date condition operators).
 */
class DateConditionTest {

    private static final String KEY = "aws:CurrentTime";

    @ParameterizedTest
    @CsvSource({
            "2024, 2024-01-01T00:00:00Z",
            "2024-06, 2024-06-01T00:00:00Z",
            "2024-06-30, 2024-06-30T00:00:00Z",
            "2024-06-30T12:00Z, 2024-06-30T12:00:00Z",
            "2024-06-30T12:00:00Z, 2024-06-30T12:00:00Z",
            "2024-06-30T12:00:00, 2024-06-30T12:00:00Z",
            "2024-06-30t12:00:00z, 2024-06-30T12:00:00Z",
            "2024-06-30T12:00:00.250Z, 2024-06-30T12:00:00.250Z",
            "2024-06-30T12:00:00.5Z, 2024-06-30T12:00:00.500Z",
            "2024-06-30T12:00:00.123456789Z, 2024-06-30T12:00:00.123Z",
            "2024-06-30T14:00:00+02:00, 2024-06-30T12:00:00Z",
            "2024-06-30T06:30:00-0530, 2024-06-30T12:00:00Z",
            "2024-06-30T12:00+00:00, 2024-06-30T12:00:00Z",
            "2024-02-29T23:59:59Z, 2024-02-29T23:59:59Z",
            "1719748800, 2024-06-30T12:00:00Z",
            "0, 1970-01-01T00:00:00Z"})
    void parsesEachFormAwsAcceptsToItsInstant(String text, String instant) {
        assertThat(DateValues.parseMillis(text)).isEqualTo(Instant.parse(instant).toEpochMilli());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "yesterday", "2024-6-30", "2024-06-3", "2024-13-01", "2024-00-10", "2023-02-29", "2024-02-30",
            "2024-06-30T", "2024-06-30T12", "2024-06-30T12:0", "2024-06-30T24:00:00Z", "2024-06-30T12:60:00Z",
            "2024-06-30T12:00:60Z", "2024-06-30 12:00:00Z", "2024-06-30T12:00:00.Z", "2024-06-30T12:00:00+2",
            "2024-06-30T12:00:00+19:00", "2024-06-30T12:00:00+02:60", "2024-06-30T12:00:00ZZ", "2024-06-30X",
            "1719748800000", "-1", "1.5", "2024-06-30T12:00:00.٥Z", "２０２４-06-30"})
    void textThatIsNoDateParsesToNothing(String text) {
        assertThat(DateValues.parseMillis(text)).isNull();
    }

    @Test
    void epochSecondsInTheRequestCompareWithAnIsoPolicyValue() {
        assertThat(holds("DateEquals", KEY, "2024-06-30T12:00:00Z", "1719748800")).isTrue();
        assertThat(holds("DateLessThan", KEY, "2024-06-30T12:00:00Z", "1719748799")).isTrue();
        assertThat(holds("DateGreaterThan", KEY, "2024-06-30T12:00:00Z", "1719748799")).isFalse();
    }

    @Test
    void isoRequestValueComparesWithAnEpochPolicyValue() {
        assertThat(holds("DateEquals", "aws:EpochTime", "1719748800", "2024-06-30T14:00:00+02:00")).isTrue();
        assertThat(holds("DateGreaterThanEquals", "aws:EpochTime", "1719748800", "2024-06-30T12:00:00.001Z")).isTrue();
    }

    @Test
    void offsetsAreComparedAsInstants() {
        assertThat(holds("DateEquals", KEY, "2024-06-30T12:00:00Z", "2024-06-30T08:00:00-04:00")).isTrue();
        assertThat(holds("DateLessThan", KEY, "2024-06-30T12:00:00Z", "2024-06-30T13:00:00+02:00")).isTrue();
    }

    @ParameterizedTest
    @CsvSource({
            "DateEquals, 2024-06-30T12:00:00.000Z, true", "DateEquals, 2024-06-30T12:00:00.001Z, false",
            "DateNotEquals, 2024-06-30T12:00:01Z, true", "DateNotEquals, 2024-06-30T12:00:00Z, false",
            "DateLessThan, 2024-06-30T11:59:59.999Z, true", "DateLessThan, 2024-06-30T12:00:00Z, false",
            "DateLessThanEquals, 2024-06-30T12:00:00Z, true", "DateLessThanEquals, 2024-06-30T12:00:00.001Z, false",
            "DateGreaterThan, 2024-06-30T12:00:00.001Z, true", "DateGreaterThan, 2024-06-30T12:00:00Z, false",
            "DateGreaterThanEquals, 2024-06-30T12:00:00Z, true", "DateGreaterThanEquals, 2024-06-30T11:59:59Z, false"})
    void orderOperatorsCompareAtMillisecondPrecision(String operator, String request, boolean expected) {
        assertThat(holds(operator, KEY, "2024-06-30T12:00:00Z", request)).isEqualTo(expected);
    }

    @Test
    void dateOnlyPolicyValueIsMidnightUtc() {
        assertThat(holds("DateLessThan", KEY, "2024-07-01", "2024-06-30T23:59:59Z")).isTrue();
        assertThat(holds("DateLessThan", KEY, "2024-07-01", "2024-07-01T00:00:00Z")).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"yesterday", "2024-13-01", "2024-06-30T25:00:00Z", "", "1719748800000"})
    void requestValueThatIsNoDateSatisfiesNoDateOperator(String value) {
        for (String operator : List.of("DateEquals", "DateNotEquals", "DateLessThan", "DateLessThanEquals", "DateGreaterThan",
                "DateGreaterThanEquals")) {
            assertThat(holds(operator, KEY, "2024-06-30T12:00:00Z", value)).as("%s %s", operator, value).isFalse();
        }
    }

    @Test
    void severalPolicyValuesAreAlternatives() {
        assertThat(holds("DateEquals", KEY, List.of("2024-01-01", "2024-06-30T12:00:00Z"), with(KEY, "1719748800"))).isTrue();
        assertThat(holds("DateNotEquals", KEY, List.of("2024-01-01", "2024-06-30T12:00:00Z"), with(KEY, "1719748800"))).isFalse();
    }

    @Test
    void absentKeyFailsPositiveOperatorsAndSatisfiesDateNotEquals() {
        assertThat(holds("DateGreaterThan", KEY, List.of("2024-01-01"), empty())).isFalse();
        assertThat(holds("DateNotEquals", KEY, List.of("2024-01-01"), empty())).isTrue();
    }

    @Test
    void policyValueThatIsNoDateIsRejectedAtItsIndex() {
        assertThatThrownBy(() -> ConditionClause.compile("DateLessThan", KEY, List.of("2024-01-01", "soon"), true))
                .isInstanceOfSatisfying(InvalidConditionException.class, e -> assertThat(e.valueIndex()).isEqualTo(1))
                .hasMessageContaining("'soon' is not a date");
    }
}
