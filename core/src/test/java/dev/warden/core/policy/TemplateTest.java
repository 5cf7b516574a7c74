package dev.warden.core.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.warden.spi.AuthorizationRequest;
import dev.warden.spi.Principal;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Policy strings with wildcards and policy variables (IAM User Guide, "IAM policy elements: Variables and tags"):
 * {@code ${key}} takes the request's value, {@code ${key, 'default'}} a default when it has none, {@code ${*}},
 * {@code ${?}} and {@code ${$}} are literal characters, and in a 2008-10-17 policy nothing is a variable.
 */
class TemplateTest {

    private static final RequestView ALICE = new RequestView(AuthorizationRequest.builder(
                    Principal.of("arn:aws:iam::111122223333:user/alice"), "s3:GetObject", "arn:aws:s3:::b/k")
            .context("aws:username", "alice")
            .context("aws:PrincipalTag/team", "Blue")
            .context("k:star", "*")
            .contextSet("aws:TagKeys", List.of("a", "b"))
            .contextSet("k:one", List.of("only"))
            .build());
    private static final RequestView NOBODY = new RequestView(AuthorizationRequest.builder(
            Principal.anonymous(), "s3:GetObject", "arn:aws:s3:::b/k").build());

    private static Template like(String text) {
        return Template.compile(text, true, true, false);
    }

    @Test
    void literalTemplateMatchesExactly() {
        Template t = like("home/alice");

        assertThat(t.matches("home/alice", ALICE)).isTrue();
        assertThat(t.matches("home/alice2", ALICE)).isFalse();
        assertThat(t.hasVariables()).isFalse();
    }

    @Test
    void wildcardsAreWildOnlyWhenAskedFor() {
        Template wild = Template.compile("a*?", true, true, false);
        Template literal = Template.compile("a*?", false, true, false);

        assertThat(wild.matches("axyz", ALICE)).isTrue();
        assertThat(literal.matches("axyz", ALICE)).isFalse();
        assertThat(literal.matches("a*?", ALICE)).isTrue();
    }

    @Test
    void variableTakesTheRequestsValue() {
        Template t = like("home/${aws:username}/*");

        assertThat(t.hasVariables()).isTrue();
        assertThat(t.match("home/alice/notes.txt", ALICE)).isEqualTo(Template.MATCH);
        assertThat(t.match("home/bob/notes.txt", ALICE)).isEqualTo(Template.NO_MATCH);
        assertThat(t.resolvedText(ALICE)).isEqualTo("home/alice/*");
    }

    @Test
    void variableNameIsCaseInsensitive() {
        assertThat(like("${AWS:UserName}").matches("alice", ALICE)).isTrue();
        assertThat(like("${aws:principaltag/TEAM}").matches("Blue", ALICE)).isTrue();
    }

    @Test
    void variableMayStandBesideOthersAndLiterals() {
        Template t = like("${aws:PrincipalTag/team}-${aws:username}.${aws:username}");

        assertThat(t.matches("Blue-alice.alice", ALICE)).isTrue();
        assertThat(t.matches("Blue-alice.bob", ALICE)).isFalse();
    }

    @Test
    void spacesAroundTheVariableNameAreIgnored() {
        assertThat(like("${ aws:username }").matches("alice", ALICE)).isTrue();
    }

    @Test
    void escapedStarIsALiteralStar() {
        Template t = like("a${*}b");

        assertThat(t.matches("a*b", ALICE)).isTrue();
        assertThat(t.matches("axb", ALICE)).isFalse();
        assertThat(t.hasVariables()).isFalse();
    }

    @Test
    void escapedQuestionMarkIsALiteralQuestionMark() {
        Template t = like("a${?}b");

        assertThat(t.matches("a?b", ALICE)).isTrue();
        assertThat(t.matches("axb", ALICE)).isFalse();
    }

    @Test
    void escapedDollarIsALiteralDollar() {
        Template t = like("${$}{aws:username}");

        assertThat(t.matches("${aws:username}", ALICE)).isTrue();
        assertThat(t.matches("alice", ALICE)).isFalse();
    }

    @Test
    void defaultIsUsedWhenTheKeyIsMissing() {
        Template t = like("home/${aws:username, 'anonymous'}/*");

        assertThat(t.match("home/anonymous/x", NOBODY)).isEqualTo(Template.MATCH);
        assertThat(t.match("home/alice/x", NOBODY)).isEqualTo(Template.NO_MATCH);
    }

    @Test
    void defaultIsIgnoredWhenTheKeyHasAValue() {
        Template t = like("home/${aws:username, 'anonymous'}/*");

        assertThat(t.matches("home/alice/x", ALICE)).isTrue();
        assertThat(t.matches("home/anonymous/x", ALICE)).isFalse();
    }

    @Test
    void defaultMayBeEmptyOrHoldSpacesAndWildcardCharacters() {
        assertThat(like("x${k:missing,''}y").matches("xy", NOBODY)).isTrue();
        assertThat(like("${k:missing, 'a b'}").matches("a b", NOBODY)).isTrue();
        assertThat(like("${k:missing, 'a*'}").matches("a*", NOBODY)).isTrue();
        assertThat(like("${k:missing, 'a*'}").matches("abc", NOBODY)).isFalse();
    }

    @Test
    void missingVariableWithoutDefaultIsUnresolvedAndMatchesNothing() {
        Template t = like("home/${aws:username}/*");

        assertThat(t.match("home//x", NOBODY)).isEqualTo(Template.UNRESOLVED);
        assertThat(t.match("home/${aws:username}/x", NOBODY)).isEqualTo(Template.UNRESOLVED);
        assertThat(t.matches("home//x", NOBODY)).isFalse();
        assertThat(t.resolvedText(NOBODY)).isNull();
    }

    @Test
    void multivaluedKeyHasNoValueToSubstitute() {
        assertThat(like("${aws:TagKeys}").match("a", ALICE)).isEqualTo(Template.UNRESOLVED);
        assertThat(like("${k:one}").match("only", ALICE)).isEqualTo(Template.UNRESOLVED);
        assertThat(like("${aws:TagKeys, 'none'}").match("none", ALICE)).isEqualTo(Template.MATCH);
    }

    @Test
    void wildcardInAVariableValueIsALiteralCharacter() {
        Template t = like("home/${k:star}");

        assertThat(t.matches("home/*", ALICE)).isTrue();
        assertThat(t.matches("home/anything", ALICE)).isFalse();
    }

    @Test
    void in2008PoliciesDollarBraceIsLiteralText() {
        Template t = Template.compile("home/${aws:username}/*", true, false, false);

        assertThat(t.hasVariables()).isFalse();
        assertThat(t.matches("home/${aws:username}/x", ALICE)).isTrue();
        assertThat(t.matches("home/alice/x", ALICE)).isFalse();
        assertThat(Template.compile("${*}", true, false, false).matches("${x}", ALICE)).isTrue();
    }

    @Test
    void unterminatedVariableIsLiteralText() {
        Template t = like("home/${aws:username");

        assertThat(t.hasVariables()).isFalse();
        assertThat(t.matches("home/${aws:username", ALICE)).isTrue();
    }

    @Test
    void dollarWithoutBraceIsLiteral() {
        assertThat(like("cost$5").matches("cost$5", ALICE)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"${}", "${ }", "a${, 'x'}", "${aws:username, anonymous}", "${aws:username, 'anonymous}",
            "${aws:username, anonymous'}", "${aws:username,}", "${aws:username, \"anonymous\"}"})
    void malformedVariableIsRejected(String text) {
        assertThatThrownBy(() -> like(text)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("policy variable");
    }

    @Test
    void ignoringCaseAppliesToSubstitutedValuesAndDefaults() {
        Template t = Template.compile("${aws:PrincipalTag/team}-${k:missing, 'DEF'}", false, true, true);

        assertThat(t.matches("BLUE-def", ALICE)).isTrue();
        assertThat(t.matches("blue-Def", ALICE)).isTrue();
    }

    @Test
    void caseSensitiveTemplateComparesSubstitutedValuesExactly() {
        Template t = Template.compile("${aws:PrincipalTag/team}", false, true, false);

        assertThat(t.matches("Blue", ALICE)).isTrue();
        assertThat(t.matches("blue", ALICE)).isFalse();
    }

    @Test
    void matchingCanBeLimitedToPartOfAString() {
        String arn = "arn:aws:s3:::b/home/alice/x";

        assertThat(like("b/home/${aws:username}/*").matches(arn, arn.lastIndexOf(':') + 1, arn.length(), ALICE)).isTrue();
    }

    @Test
    void resolvedTextKeepsWildcardsAndEscapesAsWritten() {
        assertThat(like("a*${aws:username}?").resolvedText(ALICE)).isEqualTo("a*alice?");
        assertThat(like("a${*}").resolvedText(ALICE)).isEqualTo("a${*}");
    }

    @Test
    void toStringIsTheSource() {
        assertThat(like("home/${aws:username}").toString()).isEqualTo("home/${aws:username}");
    }

    @Test
    void splitArnKeepsColonsInsidePolicyVariables() {
        assertThat(Template.splitArn("arn:aws:iam::${aws:PrincipalAccount}:role/${aws:PrincipalTag/x}:y", true))
                .containsExactly("arn", "aws", "iam", "", "${aws:PrincipalAccount}", "role/${aws:PrincipalTag/x}:y");
    }

    @Test
    void splitArnWithoutVariablesSplitsAtEveryColonUpToSixParts() {
        assertThat(Template.splitArn("arn:aws:iam::${aws:x}:role/r", false))
                .containsExactly("arn", "aws", "iam", "", "${aws", "x}:role/r");
        assertThat(Template.splitArn("arn:aws:s3:::", true)).containsExactly("arn", "aws", "s3", "", "", "");
        assertThat(Template.splitArn("arn:aws", true)).containsExactly("arn", "aws");
        assertThat(Template.splitArn("arn:aws:s3:${unterminated:x", true)).containsExactly("arn", "aws", "s3", "${unterminated", "x");
    }
}
