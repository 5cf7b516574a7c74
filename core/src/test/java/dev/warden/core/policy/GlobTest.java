package dev.warden.core.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** AWS's wildcard matching: {@code *} any run of characters (including {@code /} and {@code :}), {@code ?} one. */
class GlobTest {

    private static int[] pattern(String text, boolean ignoreCase) {
        int[] out = new int[text.length()];
        for (int i = 0; i < out.length; i++) {
            char c = text.charAt(i);
            out[i] = c == '*' ? Glob.STAR : c == '?' ? Glob.ANY_CHAR : ignoreCase ? Glob.lower(c) : c;
        }
        return out;
    }

    private static boolean matches(String pattern, String s) {
        return Glob.matches(pattern(pattern, false), s, 0, s.length(), false);
    }

    private static boolean matchesIgnoringCase(String pattern, String s) {
        return Glob.matches(pattern(pattern, true), s, 0, s.length(), true);
    }

    @ParameterizedTest
    @CsvSource({"*, ''", "*, a", "*, a/b:c", "a*, a", "a*, abc", "*c, abc", "a*c, ac", "a*c, a/b:c", "**, x", "a**b, ab"})
    void starMatchesAnyRunOfCharactersIncludingSlashAndColon(String pattern, String s) {
        assertThat(matches(pattern, s)).isTrue();
    }

    @ParameterizedTest
    @CsvSource({"a*, b", "*c, cb", "a*c, ab", "a*c, ca"})
    void starDoesNotExcuseTheLiteralParts(String pattern, String s) {
        assertThat(matches(pattern, s)).isFalse();
    }

    @Test
    void questionMarkMatchesExactlyOneCharacter() {
        assertThat(matches("a?c", "abc")).isTrue();
        assertThat(matches("a?c", "a/c")).isTrue();
        assertThat(matches("a?c", "ac")).isFalse();
        assertThat(matches("a?c", "abbc")).isFalse();
        assertThat(matches("???", "abc")).isTrue();
        assertThat(matches("???", "ab")).isFalse();
    }

    @ParameterizedTest
    @CsvSource({"*a*b*c, abc, true", "*a*b*c, xaybzc, true", "*a*b*c, aabbcc, true", "*a*b*c, acb, false",
            "*a*b*c, cba, false", "a*a*a, aaa, true", "a*a*a, aa, false", "*ab, aab, true", "*ab, abab, true",
            "*ab, aba, false", "a*b?d, axxbcd, true", "a*b?d, abd, false", "*?, '', false", "?*, x, true",
            "*.txt, a.txt.gz, false", "*.txt*, a.txt.gz, true"})
    void starBacktracksToFindAMatch(String pattern, String s, boolean expected) {
        assertThat(matches(pattern, s)).isEqualTo(expected);
    }

    @Test
    void emptyPatternMatchesOnlyTheEmptyString() {
        assertThat(matches("", "")).isTrue();
        assertThat(matches("", "a")).isFalse();
    }

    @Test
    void literalPatternMustMatchInFull() {
        assertThat(matches("abc", "abc")).isTrue();
        assertThat(matches("abc", "abcd")).isFalse();
        assertThat(matches("abc", "ab")).isFalse();
    }

    @Test
    void caseSensitiveMatchingDistinguishesCase() {
        assertThat(matches("Report*", "Report.pdf")).isTrue();
        assertThat(matches("Report*", "report.pdf")).isFalse();
        assertThat(matches("report*", "REPORT.pdf")).isFalse();
    }

    @Test
    void caseInsensitiveMatchingIgnoresCaseOnBothSides() {
        assertThat(matchesIgnoringCase("Get*Object", "getobject")).isTrue();
        assertThat(matchesIgnoringCase("get?bject", "GETOBJECT")).isTrue();
        assertThat(matchesIgnoringCase("straße", "STRAßE")).isTrue();
        assertThat(matchesIgnoringCase("Ä*", "äpfel")).isTrue();
    }

    @Test
    void matchingIsLimitedToTheGivenWindow() {
        String s = "arn:aws:s3:::bucket/key";
        int from = s.lastIndexOf(':') + 1;

        assertThat(Glob.matches(pattern("bucket/*", false), s, from, s.length(), false)).isTrue();
        assertThat(Glob.matches(pattern("*", false), s, 4, 7, false)).isTrue();
        assertThat(Glob.matches(pattern("aws", false), s, 4, 7, false)).isTrue();
        assertThat(Glob.matches(pattern("aw", false), s, 4, 7, false)).isFalse();
        assertThat(Glob.matches(pattern("aws*", false), s, 4, 7, false)).isTrue();
        assertThat(Glob.matches(pattern("", false), s, 11, 11, false)).isTrue();
    }

    @Test
    void manyStarsAgainstALongNearMissStayFast() {
        String s = "a".repeat(20_000);
        int[] p = pattern("*a*a*a*a*a*a*a*a*b", false);

        boolean result = assertTimeoutPreemptively(Duration.ofSeconds(5), () -> Glob.matches(p, s, 0, s.length(), false));

        assertThat(result).isFalse();
    }

    @Test
    void lowerFoldsAsciiAndOtherLetters() {
        assertThat(Glob.lower('A')).isEqualTo('a');
        assertThat(Glob.lower('z')).isEqualTo('z');
        assertThat(Glob.lower('/')).isEqualTo('/');
        assertThat(Glob.lower('Ö')).isEqualTo('ö');
    }
}
