package dev.warden.core.iam;

import static dev.warden.core.iam.Samples.ACCOUNT;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A store document Warden cannot accept is rejected with its path, the JSON pointer of the problem and the reason,
 * and the entity keeps its last good state (or stays absent): a bad edit never takes effect.
 */
class InvalidStoreDocumentTest {

    private static final String ALICE = "accounts/111122223333/users/alice.json";

    private static final String GOOD_ALICE = "{\n"
            + "  \"userName\": \"alice\",\n"
            + "  \"userId\": \"AIDAEXAMPLEUSER00001\",\n"
            + "  \"path\": \"/\",\n"
            + "  \"createDate\": \"2026-11-01T09:30:00Z\",\n"
            + "  \"inlinePolicies\": {\"p\": " + Samples.READ + "}\n"
            + "}\n";

    private static Map<String, String> withAccount(String path, String text) {
        Map<String, String> documents = new LinkedHashMap<>(Samples.documents(new Changes().put(Samples.account())));
        documents.put(path, text);
        return documents;
    }

    private static StoreDocumentException rejected(String path, String text) {
        Directory d = Samples.load(withAccount(path, text));
        assertThat(d.rejected()).containsOnlyKeys(path);
        return d.rejected().get(path);
    }

    private static void assertRejected(String text, String pointer, String reason) {
        StoreDocumentException e = rejected(ALICE, text);
        assertThat(e.path()).isEqualTo(ALICE);
        assertThat(e.pointer()).isEqualTo(pointer);
        assertThat(e.reason()).isEqualTo(reason);
        assertThat(e.getMessage()).isEqualTo(ALICE + " at " + (pointer.isEmpty() ? "/" : pointer) + ": " + reason);
    }

    @Test
    void aGoodDocumentIsAccepted() {
        Directory d = Samples.load(withAccount(ALICE, GOOD_ALICE));
        assertThat(d.rejected()).isEmpty();
        assertThat(d.account(ACCOUNT).user("alice").inlinePolicies()).containsKey("p");
    }

    @Test
    void anUnknownField() {
        assertRejected(GOOD_ALICE.replace("\"path\"", "\"pathh\""), "/pathh", "unknown field \"pathh\"");
    }

    @Test
    void anIdWithTheWrongPrefix() {
        assertRejected(GOOD_ALICE.replace("AIDAEXAMPLEUSER00001", "AROAEXAMPLEUSER00001"), "/userId",
                "\"userId\" must be an id starting with AIDA");
    }

    @Test
    void aNameThatIsNotTheFileName() {
        assertRejected(GOOD_ALICE.replace("\"userName\": \"alice\"", "\"userName\": \"alicia\""), "/userName",
                "\"userName\" is \"alicia\" but the file is named \"alice.json\"; rename one so they agree");
    }

    @Test
    void aBadDate() {
        assertRejected(GOOD_ALICE.replace("2026-11-01T09:30:00Z", "yesterday"), "/createDate",
                "\"createDate\" must be an ISO 8601 instant such as 2026-11-23T15:00:00Z");
    }

    @Test
    void aNameAgainstAwsRules() {
        StoreDocumentException e = rejected("accounts/111122223333/users/a b.json",
                GOOD_ALICE.replace("\"userName\": \"alice\"", "\"userName\": \"a b\""));
        assertThat(e.pointer()).isEqualTo("/userName");
        assertThat(e.reason()).isEqualTo("1 validation error detected: Value 'a b' at 'userName' failed to satisfy "
                + "constraint: Member must satisfy regular expression pattern: [\\w+=,.@-]+");
    }

    @Test
    void aMalformedEmbeddedPolicyNamesThePointerIntoIt() {
        assertRejected(GOOD_ALICE.replace("\"Effect\":\"Allow\"", "\"Effect\":\"Permit\""),
                "/inlinePolicies/p/Statement/0/Effect",
                "MalformedPolicyDocument: Effect must be \"Allow\" or \"Deny\", not \"Permit\"");
    }

    @Test
    void anEmbeddedPolicyOfTheWrongKind() {
        String role = DirectoryCodec.encode(Samples.role("app")).replace("\"Principal\":{\"Service\":\"ec2.amazonaws.com\"},",
                "");
        StoreDocumentException e = rejected("accounts/111122223333/roles/app.json", role);
        assertThat(e.pointer()).isEqualTo("/assumeRolePolicyDocument/Statement/0");
        assertThat(e.reason()).startsWith("MalformedPolicyDocument: a role trust policy statement must have a Principal");
    }

    @Test
    void invalidJson() {
        StoreDocumentException e = rejected(ALICE, "{\"userName\": \"alice\",");
        assertThat(e.pointer()).isEmpty();
        assertThat(e.reason()).startsWith("invalid JSON: ").contains("(line 1, column");
        assertThat(e.getMessage()).startsWith(ALICE + " at /: invalid JSON");
    }

    @Test
    void duplicateKeysAreInvalid() {
        StoreDocumentException e = rejected(ALICE, GOOD_ALICE.replace("\"path\": \"/\",", "\"path\": \"/\", \"path\": \"/x/\","));
        assertThat(e.reason()).startsWith("invalid JSON: ");
    }

    @Test
    void anEntityWhoseAccountIsMissing() {
        Directory d = Samples.load(Map.of(ALICE, GOOD_ALICE));
        StoreDocumentException e = d.rejected().get(ALICE);
        assertThat(e.pointer()).isEmpty();
        assertThat(e.reason()).isEqualTo("there is no account 111122223333 (accounts/111122223333/account.json is missing "
                + "or invalid)");
        assertThat(d.account(ACCOUNT)).isNull();
    }

    @Test
    void anAccountFileInTheWrongFolder() {
        StoreDocumentException e = rejected("accounts/444455556666/account.json",
                DirectoryCodec.encode(Samples.account()));
        assertThat(e.pointer()).isEqualTo("/accountId");
        assertThat(e.reason()).isEqualTo("\"accountId\" is \"111122223333\" but the folder is 444455556666");
    }

    @Test
    void aBadReplacementKeepsTheLastGoodEntity() {
        Directory good = Samples.load(withAccount(ALICE, GOOD_ALICE));
        User before = good.account(ACCOUNT).user("alice");

        Directory bad = good.apply(Samples.change(ALICE, GOOD_ALICE.replace("\"Effect\":\"Allow\"", "\"Effect\":\"allow\"")));
        assertThat(bad.account(ACCOUNT).user("alice")).isSameAs(before);
        assertThat(bad.rejected()).containsOnlyKeys(ALICE);
        assertThat(bad.rejected().get(ALICE).pointer()).isEqualTo("/inlinePolicies/p/Statement/0/Effect");

        Directory fixed = bad.apply(Samples.change(ALICE, GOOD_ALICE.replace("\"path\": \"/\"", "\"path\": \"/eng/\"")));
        assertThat(fixed.rejected()).isEmpty();
        assertThat(fixed.account(ACCOUNT).user("alice").path()).isEqualTo("/eng/");
    }

    @Test
    void aBadNewEntityStaysAbsent() {
        Directory d = Samples.load(withAccount(ALICE, GOOD_ALICE.replace("\"userId\": \"AIDAEXAMPLEUSER00001\",\n", "")));
        assertThat(d.account(ACCOUNT).user("alice")).isNull();
        assertThat(d.rejected().get(ALICE).reason()).isEqualTo("\"userId\" is required");
    }

    @Test
    void aBadDocumentDoesNotStopTheOthers() {
        Map<String, String> documents = withAccount(ALICE, "not json");
        documents.put("accounts/111122223333/groups/devs.json", DirectoryCodec.encode(Samples.group("devs")));
        Directory d = Samples.load(documents);
        assertThat(d.rejected()).containsOnlyKeys(ALICE);
        assertThat(d.account(ACCOUNT).group("devs")).isEqualTo(Samples.group("devs"));
    }

    @Test
    void aManagedPolicyWhoseDefaultVersionIsMissing() {
        String text = DirectoryCodec.encode(Samples.policy("P", Samples.READ)).replace("\"defaultVersionId\": \"v1\"",
                "\"defaultVersionId\": \"v3\"");
        StoreDocumentException e = rejected("accounts/111122223333/policies/P.json", text);
        assertThat(e.pointer()).isEqualTo("/defaultVersionId");
        assertThat(e.reason()).isEqualTo("no version \"v3\" among \"versions\"");
    }
}
