package dev.warden.core.iam;

import static dev.warden.core.iam.Samples.ACCOUNT;
import static org.assertj.core.api.Assertions.assertThat;

import dev.warden.core.policy.PolicyKind;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Policy documents go into an entity's file and come back byte for byte, whatever their layout. */
class VerbatimPolicyTextTest {

    private static final String ODD = "{\n\t\"Version\" :  \"2012-10-17\" ,\r\n  \"Statement\" : [ {\n"
            + "      \"Effect\":\"Allow\",\"Action\":[\"s3:GetObject\" ,\n\"s3:ListBucket\"],"
            + "\"Resource\":\"arn:aws:s3:::caf\u00e9-\u65e5\u672c-\uD83D\uDE80/*\" } ]\n\n}";
    private static final String ESCAPED = "{\"Version\":\"2012-10-17\",\"Statement\":{\"Effect\":\"Allow\","
            + "\"Action\":\"s3:GetObject\",\"Resource\":\"arn:aws:s3:::b\\/caf\\u00e9\\/*\"}}";
    private static final String COMPACT = "{\"Version\":\"2012-10-17\",\"Statement\":{\"Effect\":\"Allow\","
            + "\"Action\":\"s3:GetObject\",\"Resource\":\"*\",\"Condition\":{\"StringEquals\":{\"s3:prefix\":"
            + "[\"{\\\"nested\\\": [1, 2]}\", \"}\"]}}}}";

    @ParameterizedTest
    @ValueSource(strings = {ODD, ESCAPED, COMPACT})
    void inlinePoliciesOfAUserGroupAndRole(String text) {
        User user = new User("alice", "/", "AIDAEXAMPLEUSER00001", Samples.CREATED, List.of(), List.of(), List.of(),
                Map.of("p", Samples.doc(text, PolicyKind.USER_INLINE)), null, List.of());
        Group group = new Group("devs", "/", "AGPAEXAMPLEGROUP0001", Samples.CREATED, List.of(),
                Map.of("p", Samples.doc(text, PolicyKind.GROUP_INLINE)));
        Role role = new Role("app", "/", "AROAEXAMPLEROLE00001", Samples.CREATED, null, 3600,
                Samples.doc(Samples.TRUST, PolicyKind.TRUST), List.of(), List.of(),
                Map.of("p", Samples.doc(text, PolicyKind.ROLE_INLINE)), null);
        Directory d = Samples.load(Samples.documents(new Changes().put(Samples.account()).put(ACCOUNT, user)
                .put(ACCOUNT, group).put(ACCOUNT, role)));
        assertThat(d.rejected()).isEmpty();
        Account a = d.account(ACCOUNT);
        assertThat(a.user("alice").inlinePolicies().get("p").text()).isEqualTo(text);
        assertThat(a.group("devs").inlinePolicies().get("p").text()).isEqualTo(text);
        assertThat(a.role("app").inlinePolicies().get("p").text()).isEqualTo(text);
    }

    @ParameterizedTest
    @ValueSource(strings = {ODD, ESCAPED, COMPACT})
    void managedPolicyVersions(String text) {
        ManagedPolicy p = Samples.policy("P", Samples.READ, text);
        Directory d = Samples.load(Samples.documents(new Changes().put(Samples.account()).put(ACCOUNT, p)));
        assertThat(d.account(ACCOUNT).policy("P").version("v2").document().text()).isEqualTo(text);
        assertThat(d.account(ACCOUNT).policy("P").version("v1").document().text()).isEqualTo(Samples.READ);
    }

    @Test
    void trustPoliciesAndControlPolicies() {
        String trust = "{ \"Version\":\"2012-10-17\",\n \"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":"
                + "\"arn:aws:iam::111122223333:root\"},\"Action\":\"sts:AssumeRole\"}]  }";
        Role role = new Role("app", "/", "AROAEXAMPLEROLE00001", Samples.CREATED, null, 3600,
                Samples.doc(trust, PolicyKind.TRUST), List.of(), List.of(), Map.of(), null);
        String scp = "{\"Version\":\"2012-10-17\",\n\t\"Statement\":[{\"Effect\":\"Deny\",\"Action\":\"s3:*\","
                + "\"Resource\":\"*\",\"Condition\":{\"StringNotEquals\":{\"aws:RequestedRegion\":\"eu-west-1\"}}}]}";
        Organization org = Samples.organization(Map.of("r-root", List.of(scp)));
        Directory d = Samples.load(Samples.documents(new Changes().put(Samples.account()).put(ACCOUNT, role).put(org)));
        assertThat(d.account(ACCOUNT).role("app").trustPolicy().text()).isEqualTo(trust);
        assertThat(d.organization().policies().get(0).document().text()).isEqualTo(scp);
    }

    @Test
    void theStoredFileHoldsThePolicyAsItWasGiven() {
        User user = new User("alice", "/", "AIDAEXAMPLEUSER00001", Samples.CREATED, List.of(), List.of(), List.of(),
                Map.of("p", Samples.doc(ODD, PolicyKind.USER_INLINE)), null, List.of());
        assertThat(DirectoryCodec.encode(user)).contains(ODD);
    }

    @Test
    void aPolicysSizeIsItsCharactersOtherThanWhitespace() {
        PolicyDocument doc = Samples.doc(ODD, PolicyKind.MANAGED);
        String compact = ODD.replaceAll("\\s", "");
        assertThat(doc.size()).isEqualTo(compact.codePointCount(0, compact.length()));
    }

    @Test
    void whitespaceAroundTheDocumentIsKeptToo() {
        String text = "\n  " + Samples.READ + "\n";
        User user = new User("alice", "/", "AIDAEXAMPLEUSER00001", Samples.CREATED, List.of(), List.of(), List.of(),
                Map.of("p", Samples.doc(text, PolicyKind.USER_INLINE)), null, List.of());
        Directory d = Samples.load(Samples.documents(new Changes().put(Samples.account()).put(ACCOUNT, user)));
        assertThat(d.account(ACCOUNT).user("alice").inlinePolicies().get("p").text()).isEqualTo(text);
    }
}
