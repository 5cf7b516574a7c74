package dev.warden.core;

import static dev.warden.core.SampleStore.ACCOUNT;
import static dev.warden.core.SampleStore.DENY_DELETE;
import static dev.warden.core.SampleStore.ROOT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.warden.core.iam.IamError;
import dev.warden.core.iam.IamException;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A write that would replace a store document Warden cannot read is refused, naming the file, the JSON pointer and
 * the reason, until the file is repaired or deleted by hand: otherwise {@code CreatePolicy} over a corrupt policy
 * would succeed while the old attachments stay, and a write from the last good state would overwrite a hand edit.
 * Operations on an entity whose document is unreadable say why it "cannot be found". Writes elsewhere work.
 */
class UnreadableDocumentBlocksWritesTest {

    private static final String POLICY = "accounts/111122223333/policies/NoDeletes.json";
    private static final String OPS = "accounts/111122223333/groups/ops.json";

    @TempDir
    Path root;

    private Warden warden;

    @BeforeEach
    void makeStore() throws Exception {
        SampleStore.create(root);
    }

    @AfterEach
    void close() throws Exception {
        warden.close();
    }

    private void restartWith(String path, String text) throws Exception {
        Files.writeString(root.resolve(path), text);
        warden = SampleStore.open(root, new SimpleMeterRegistry());
    }

    private void call(String action, Map<String, String> params) throws Exception {
        warden.iam().call(ROOT, ACCOUNT, action, params);
    }

    private static void assertRefused(ThrowingCallable call, IamError error, String... parts) {
        assertThatThrownBy(call).isInstanceOfSatisfying(IamException.class, e -> {
            assertThat(e.error()).isEqualTo(error);
            assertThat(e.getMessage()).contains(parts);
        });
    }

    @Test
    void create_policy_over_a_corrupt_policy_file_is_refused_until_the_file_is_deleted() throws Exception {
        restartWith(POLICY, "{\"policyName\": \"NoDeletes\"");

        assertRefused(() -> call("CreatePolicy", Map.of("PolicyName", "NoDeletes", "PolicyDocument", DENY_DELETE)),
                IamError.ENTITY_TEMPORARILY_UNMODIFIABLE, "The store document " + POLICY + " cannot be read (at /: "
                        + "invalid JSON", "repair the file or delete it");
        assertThat(Files.readString(root.resolve(POLICY))).isEqualTo("{\"policyName\": \"NoDeletes\"");

        call("CreateUser", Map.of("UserName", "erin"));
        assertThat(warden.directory().current().account(ACCOUNT).user("erin")).as("writes elsewhere work").isNotNull();

        Files.delete(root.resolve(POLICY));
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (!warden.directory().current().rejected().isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        call("CreatePolicy", Map.of("PolicyName", "NoDeletes", "PolicyDocument", DENY_DELETE));
    }

    @Test
    void operations_that_depend_on_a_corrupt_document_say_which_file() throws Exception {
        restartWith(OPS, "{}");

        assertRefused(() -> call("CreateGroup", Map.of("GroupName", "ops")),
                IamError.ENTITY_TEMPORARILY_UNMODIFIABLE, OPS);
        assertRefused(() -> call("AddUserToGroup", Map.of("GroupName", "ops", "UserName", "bob")),
                IamError.NO_SUCH_ENTITY, "Its store document " + OPS + " cannot be read (at /groupName: ");
        assertRefused(() -> call("PutGroupPolicy", Map.of("GroupName", "ops", "PolicyName", "p",
                "PolicyDocument", DENY_DELETE)), IamError.NO_SUCH_ENTITY, OPS);
    }

    @Test
    void attaching_a_corrupt_policy_says_which_file() throws Exception {
        restartWith(POLICY, "[]");

        assertRefused(() -> call("AttachUserPolicy", Map.of("UserName", "bob",
                "PolicyArn", "arn:aws:iam::111122223333:policy/NoDeletes")), IamError.NO_SUCH_ENTITY, POLICY);
    }

    @Test
    void a_running_warden_refuses_to_overwrite_an_invalid_hand_edit_with_the_last_good_state() throws Exception {
        warden = SampleStore.open(root, new SimpleMeterRegistry());
        String alice = "accounts/111122223333/users/alice.json";
        String edited = Files.readString(root.resolve(alice)).replace("\"path\"", "\"pathh\"");
        Path temporary = root.resolve(alice + ".edit"); // as editors save: the watcher never sees half a file
        Files.writeString(temporary, edited);
        Files.move(temporary, root.resolve(alice), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (!warden.directory().current().rejected().containsKey(alice) && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }

        assertRefused(() -> call("PutUserPolicy", Map.of("UserName", "alice", "PolicyName", "p",
                "PolicyDocument", DENY_DELETE)), IamError.ENTITY_TEMPORARILY_UNMODIFIABLE,
                alice + " cannot be read (at /pathh: unknown field \"pathh\")");
        assertThat(Files.readString(root.resolve(alice))).isEqualTo(edited);
    }

    @Test
    void the_iam_simulator_denies_a_principal_whose_group_is_unreadable() throws Exception {
        restartWith(OPS, "{}");

        var answer = warden.iam().call(ROOT, ACCOUNT, "SimulatePrincipalPolicy", Map.of(
                "PolicySourceArn", "arn:aws:iam::111122223333:user/alice", "ActionNames.member.1", "s3:GetObject"));
        var result = answer.get("EvaluationResults").get(0);
        assertThat(result.get("EvalDecision").asText()).isEqualTo("explicitDeny");
        assertThat(result.get("MatchedStatements").get(0).get("SourcePolicyId").asText())
                .isEqualTo("unreadable store document " + OPS);
    }
}
