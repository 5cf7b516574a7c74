package dev.warden.core;

import static dev.warden.core.SampleStore.ALICE;
import static dev.warden.core.SampleStore.BOB;
import static dev.warden.core.SampleStore.CAROL;
import static dev.warden.core.SampleStore.DAVE;
import static dev.warden.core.SampleStore.DEPLOYER;
import static dev.warden.core.SampleStore.DEPLOYER_SESSION;
import static dev.warden.core.SampleStore.ROOT;
import static org.assertj.core.api.Assertions.assertThat;

import dev.warden.spi.AuthorizationRequest;
import dev.warden.spi.Decision;
import dev.warden.spi.Outcome;
import dev.warden.spi.Principal;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A fresh Warden (a restart, the CLI, the simulator) has no last good state for a store document it cannot read, so
 * every principal the document touches is explicitly denied, with the file named, counted as a failed decision, and
 * reported by {@link Warden#health()}; everyone else keeps working. A corrupt group holding a Deny must not make its
 * members' requests allowed.
 */
class UnreadableDocumentDeniesItsPrincipalsTest {

    @TempDir
    Path root;

    private SimpleMeterRegistry meters;
    private Warden warden;

    @BeforeEach
    void makeStore() throws Exception {
        SampleStore.create(root);
    }

    @AfterEach
    void close() throws Exception {
        if (warden != null) {
            warden.close();
        }
    }

    /** Corrupts a document with {@code text}, then starts a fresh Warden over the store. */
    private void restartWith(String path, byte[] content) throws Exception {
        Files.write(root.resolve(path), content);
        meters = new SimpleMeterRegistry();
        warden = SampleStore.open(root, meters);
    }

    private void restartWith(String path, String text) throws Exception {
        restartWith(path, text.getBytes(StandardCharsets.UTF_8));
    }

    private Decision decide(Principal principal, String action) {
        return warden.authorize(AuthorizationRequest.builder(principal, action, "arn:aws:s3:::downloads/a").build());
    }

    private double failedDecisions() {
        return meters.find("warden.decisions").tag("outcome", "error").counters().stream()
                .mapToDouble(c -> c.count()).sum();
    }

    private void assertDeniedNaming(Principal principal, String path) {
        for (String action : new String[] {"s3:GetObject", "s3:DeleteObject"}) {
            Decision d = decide(principal, action);
            assertThat(d.outcome()).as(principal + " " + action).isEqualTo(Outcome.EXPLICITLY_DENIED);
            assertThat(d.reason()).contains("the store document " + path + ", which applies to this principal, "
                    + "cannot be read");
        }
    }

    private void assertWorks(Principal principal) {
        assertThat(decide(principal, "s3:GetObject").outcome()).as(principal + " reads").isEqualTo(Outcome.ALLOWED);
    }

    @Test
    void a_corrupt_group_document_denies_its_members() throws Exception {
        String ops = "accounts/111122223333/groups/ops.json";
        restartWith(ops, "{\"groupName\": \"ops\", ");

        assertDeniedNaming(ALICE, ops);
        assertWorks(BOB);
        assertWorks(CAROL);
        assertThat(failedDecisions()).isEqualTo(2);
        Health health = warden.health();
        assertThat(health.status()).isEqualTo(Health.Status.DEGRADED);
        assertThat(health.decisionErrors()).isEqualTo(2);
        assertThat(health.unreadableDocuments()).singleElement().satisfies(u -> {
            assertThat(u.path()).isEqualTo(ops);
            assertThat(u.reason()).startsWith("invalid JSON");
            assertThat(u.principalsDenied()).isTrue();
        });
        assertThat(meters.get("warden.store.unreadable.documents").gauge().value()).isEqualTo(1);
        assertThat(meters.get("warden.store.reloads").tag("result", "failure").counter().count()).isEqualTo(1);
    }

    @Test
    void a_group_document_with_an_invalid_policy_denies_its_members_and_health_gives_the_json_pointer()
            throws Exception {
        String ops = "accounts/111122223333/groups/ops.json";
        String text = Files.readString(root.resolve(ops)).replace("\"Deny\"", "\"Refuse\"");
        restartWith(ops, text);

        assertDeniedNaming(ALICE, ops);
        assertThat(warden.health().unreadableDocuments()).singleElement().satisfies(u ->
                assertThat(u.pointer()).isEqualTo("/inlinePolicies/no-deletes/Statement/0/Effect"));
    }

    @Test
    void a_corrupt_managed_policy_denies_every_principal_attaching_it() throws Exception {
        String policy = "accounts/111122223333/policies/NoDeletes.json";
        restartWith(policy, Files.readString(root.resolve(policy)).replace("\"versions\"", "\"versionz\""));

        assertDeniedNaming(CAROL, policy);
        assertDeniedNaming(DEPLOYER, policy);
        assertDeniedNaming(DEPLOYER_SESSION, policy);
        assertWorks(BOB);
    }

    @Test
    void a_corrupt_user_document_denies_that_user() throws Exception {
        String alice = "accounts/111122223333/users/alice.json";
        restartWith(alice, "not json");

        assertDeniedNaming(ALICE, alice);
        assertDeniedNaming(Principal.of("arn:aws:iam::111122223333:user/eng/alice"), alice);
        assertWorks(BOB);
    }

    @Test
    void a_corrupt_role_document_denies_the_role_and_its_sessions() throws Exception {
        String deployer = "accounts/111122223333/roles/deployer.json";
        restartWith(deployer, "{}");

        assertDeniedNaming(DEPLOYER, deployer);
        assertDeniedNaming(DEPLOYER_SESSION, deployer);
        assertWorks(BOB);
    }

    @Test
    void a_corrupt_account_document_denies_the_whole_account_and_no_other() throws Exception {
        String account = "accounts/111122223333/account.json";
        restartWith(account, "{\"accountId\": \"111122223333\", \"createDate\": \"soon\"}");

        assertDeniedNaming(ALICE, account);
        assertDeniedNaming(BOB, account);
        assertDeniedNaming(ROOT, account);
        assertDeniedNaming(DEPLOYER_SESSION, account);
        assertWorks(DAVE);
    }

    @Test
    void a_corrupt_organization_document_denies_every_principal() throws Exception {
        restartWith("organization.json", "{\"organizationId\": 7}");

        assertDeniedNaming(BOB, "organization.json");
        assertDeniedNaming(DAVE, "organization.json");
        assertDeniedNaming(Principal.anonymous(), "organization.json");
    }

    @Test
    void a_document_that_is_not_utf8_is_quarantined_like_an_invalid_one() throws Exception {
        String ops = "accounts/111122223333/groups/ops.json";
        restartWith(ops, new byte[] {'{', (byte) 0xC3, (byte) 0x28, '}'});

        assertDeniedNaming(ALICE, ops);
        assertWorks(BOB);
        assertThat(warden.health().unreadableDocuments()).singleElement().satisfies(u ->
                assertThat(u.reason()).startsWith("not UTF-8 text"));
    }

    @Test
    void the_explanation_names_the_file() throws Exception {
        String ops = "accounts/111122223333/groups/ops.json";
        restartWith(ops, "[]");

        var evaluation = warden.explain(AuthorizationRequest.builder(ALICE, "s3:GetObject", "arn:aws:s3:::d/a")
                .build(), null);
        assertThat(evaluation.decision().outcome()).isEqualTo(Outcome.EXPLICITLY_DENIED);
        assertThat(evaluation.decision().reason()).contains(ops);
    }

    @Test
    void repairing_the_document_by_hand_lifts_the_denial() throws Exception {
        String account = "accounts/111122223333/account.json";
        String good = Files.readString(root.resolve(account));
        restartWith(account, "{");
        assertDeniedNaming(ALICE, account);

        Files.writeString(root.resolve(account), good);
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (decide(ALICE, "s3:GetObject").outcome() != Outcome.ALLOWED && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        assertWorks(ALICE);
        assertThat(decide(ALICE, "s3:DeleteObject").outcome()).as("the group's Deny is back in force")
                .isEqualTo(Outcome.EXPLICITLY_DENIED);
        assertThat(warden.health().status()).isEqualTo(Health.Status.OK);
    }
}
