package dev.warden.core.iam;

import static dev.warden.core.iam.Samples.ACCOUNT;
import static org.assertj.core.api.Assertions.assertThat;

import dev.warden.spi.Principal;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Which rejected documents quarantine their principals: those with no last good state (a fresh load, an entity that
 * was absent, a file unreadable for I/O reasons), not an invalid edit of an entity the snapshot still holds; and a
 * repaired {@code account.json} brings back the entities that were rejected for want of it.
 */
class QuarantineTest {

    private static final Principal ALICE = Principal.of("arn:aws:iam::111122223333:user/alice");
    private static final String ACCOUNT_PATH = DirectoryCodec.accountPath(ACCOUNT);
    private static final String ALICE_PATH = DirectoryCodec.userPath(ACCOUNT, "alice");
    private static final String DEVS = DirectoryCodec.groupPath(ACCOUNT, "devs");
    private static final String BOUNDARY = DirectoryCodec.policyPath(ACCOUNT, "Boundary");

    /** alice, in group devs, bounded by the customer managed policy Boundary. */
    private static Map<String, String> documents() {
        Map<String, String> documents = new LinkedHashMap<>(Samples.documents(new Changes().put(Samples.account())
                .put(ACCOUNT, Samples.user("alice", "/")).put(ACCOUNT, Samples.group("devs"))
                .put(ACCOUNT, Samples.policy("Boundary", Samples.READ))));
        assertThat(Samples.load(documents).rejected()).isEmpty();
        return documents;
    }

    private static Directory loadWith(String path, String text) {
        Map<String, String> documents = documents();
        documents.put(path, text);
        return Samples.load(documents);
    }

    @Test
    void a_group_rejected_at_load_quarantines_its_members() {
        Directory d = loadWith(DEVS, "{");

        assertThat(d.quarantined()).containsOnlyKeys(DEVS);
        assertThat(d.unreadableDocumentFor(ALICE)).isSameAs(d.rejected().get(DEVS));
        assertThat(d.unreadableDocumentOf(ACCOUNT, "group", "devs")).isSameAs(d.rejected().get(DEVS));
    }

    @Test
    void a_boundary_policy_rejected_at_load_quarantines_the_principals_it_bounds() {
        Directory d = loadWith(BOUNDARY, "[]");

        assertThat(d.unreadableDocumentFor(ALICE).path()).isEqualTo(BOUNDARY);
    }

    @Test
    void an_invalid_edit_of_an_entity_with_a_last_good_state_quarantines_nothing() {
        Directory before = Samples.load(documents());
        Directory d = before.apply(Samples.change(DEVS, "{"));

        assertThat(d.rejected()).containsOnlyKeys(DEVS);
        assertThat(d.quarantined()).isEmpty();
        assertThat(d.unreadableDocumentFor(ALICE)).isNull();
        assertThat(d.account(ACCOUNT).group("devs")).as("last good state").isNotNull();
        assertThat(d.policyVersion()).as("compiled policies are recompiled").isGreaterThan(before.policyVersion());
    }

    @Test
    void a_document_unreadable_for_io_reasons_is_rejected_with_the_reason_and_quarantined_when_new() {
        Map<String, String> documents = documents();
        documents.remove(DEVS);
        Directory d = Samples.load(documents).apply(Map.of(), Map.of(DEVS, "cannot read: permission denied"));

        assertThat(d.rejected().get(DEVS).getMessage()).isEqualTo(DEVS + " at /: cannot read: permission denied");
        assertThat(d.unreadableDocumentFor(ALICE).path()).isEqualTo(DEVS);
    }

    @Test
    void a_rejected_account_quarantines_its_principals_until_it_is_repaired() {
        String good = documents().get(ACCOUNT_PATH);
        Directory d = loadWith(ACCOUNT_PATH, "{}");

        assertThat(d.quarantined()).containsKeys(ACCOUNT_PATH, ALICE_PATH, DEVS);
        assertThat(d.unreadableDocumentFor(ALICE).path()).isEqualTo(ACCOUNT_PATH);
        assertThat(d.unreadableDocumentFor(Principal.of("arn:aws:iam::111122223333:root")).path())
                .isEqualTo(ACCOUNT_PATH);

        Directory repaired = d.apply(Samples.change(ACCOUNT_PATH, good));

        assertThat(repaired.rejected()).isEmpty();
        assertThat(repaired.quarantined()).isEmpty();
        assertThat(repaired.account(ACCOUNT).user("alice")).as("alice applied again").isNotNull();
        assertThat(repaired.account(ACCOUNT).group("devs")).isNotNull();
        assertThat(repaired.unreadableDocumentFor(ALICE)).isNull();
    }

    @Test
    void deleting_the_unreadable_document_ends_its_quarantine() {
        Directory d = loadWith(DEVS, "{").apply(Samples.change(DEVS, null));

        assertThat(d.rejected()).isEmpty();
        assertThat(d.unreadableDocumentFor(ALICE)).isNull();
    }
}
