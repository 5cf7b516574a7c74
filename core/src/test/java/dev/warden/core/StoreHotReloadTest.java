package dev.warden.core;

import static org.assertj.core.api.Assertions.assertThat;

import dev.warden.core.store.FileDirectoryStore;
import dev.warden.spi.AuthorizationRequest;
import dev.warden.spi.Principal;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A running Warden on the file store follows hand edits: a valid edit takes effect without a restart; an invalid
 * one is refused (counted as {@code warden.store.reloads{result=failure}}, reported with file and JSON pointer) and
 * the entity keeps its last good state; an organization file adds SCPs that bound the account.
 */
class StoreHotReloadTest {

    private static final String ACCOUNT = "111122223333";
    private static final Principal ROOT = Principal.of("arn:aws:iam::111122223333:root");
    private static final Principal ALICE = Principal.of("arn:aws:iam::111122223333:user/alice");
    private static final AuthorizationRequest READ =
            AuthorizationRequest.builder(ALICE, "s3:GetObject", "arn:aws:s3:::downloads/a").build();

    @TempDir
    Path root;

    private SimpleMeterRegistry meters;
    private Warden warden;

    @BeforeEach
    void start() throws Exception {
        meters = new SimpleMeterRegistry();
        warden = Warden.builder().store(FileDirectoryStore.open(root)).meterRegistry(meters).audit(false, 0).build();
        warden.iam().createAccount(ACCOUNT, null);
        warden.iam().call(ROOT, ACCOUNT, "CreateUser", Map.of("UserName", "alice"));
    }

    @AfterEach
    void stop() throws Exception {
        warden.close();
    }

    private Path aliceFile() {
        return root.resolve("accounts/" + ACCOUNT + "/users/alice.json");
    }

    /** Edits a file as editors do: write a temporary file beside it, then rename it over the original. */
    private static void edit(Path file, String text) throws Exception {
        Path temporary = file.resolveSibling(file.getFileName() + ".edit");
        Files.writeString(temporary, text, StandardCharsets.UTF_8);
        Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    private static void eventually(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not met within 10 s");
            }
            Thread.sleep(5);
        }
    }

    private double reloads(String result) {
        var counter = meters.find("warden.store.reloads").tag("result", result).counter();
        return counter == null ? 0 : counter.count();
    }

    @Test
    void aValidHandEditTakesEffectWithoutRestart() throws Exception {
        assertThat(warden.authorize(READ).isAllowed()).isFalse();
        String original = Files.readString(aliceFile());

        edit(aliceFile(), original.replace("\"path\": \"/\",", "\"path\": \"/\",\n  \"attachedPolicies\": "
                + "[ \"arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess\" ],"));

        eventually(() -> warden.authorize(READ).isAllowed());
        assertThat(reloads("success")).isPositive();
    }

    @Test
    void anInvalidHandEditIsRefusedAndTheLastGoodStateKeepsServing() throws Exception {
        warden.iam().call(ROOT, ACCOUNT, "AttachUserPolicy",
                Map.of("UserName", "alice", "PolicyArn", "arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess"));
        assertThat(warden.authorize(READ).isAllowed()).isTrue();
        String original = Files.readString(aliceFile());

        edit(aliceFile(), original.replace("\"path\": \"/\",", "\"path\": \"/\",\n  \"inlinePolicies\": { \"bad\": "
                + "{\"Version\": \"2012-10-17\", \"Statement\": {\"Effect\": \"Permit\", \"Action\": \"*\", \"Resource\": \"*\"}} },"));

        eventually(() -> reloads("failure") > 0);
        var rejected = warden.directory().current().rejected().get("accounts/" + ACCOUNT + "/users/alice.json");
        assertThat(rejected).isNotNull();
        assertThat(rejected.pointer()).isEqualTo("/inlinePolicies/bad/Statement/Effect");
        assertThat(rejected.getMessage()).contains("accounts/111122223333/users/alice.json", "Effect must be");
        assertThat(warden.authorize(READ).isAllowed()).as("last good alice still allowed").isTrue();

        edit(aliceFile(), original);
        eventually(() -> warden.directory().current().rejected().isEmpty());
        assertThat(warden.authorize(READ).isAllowed()).isTrue();
    }

    @Test
    void anOrganizationFileAddsServiceControlPoliciesThatBoundTheAccount() throws Exception {
        warden.iam().call(ROOT, ACCOUNT, "AttachUserPolicy",
                Map.of("UserName", "alice", "PolicyArn", "arn:aws:iam::aws:policy/AdministratorAccess"));
        assertThat(warden.authorize(READ).isAllowed()).isTrue();

        edit(root.resolve("organization.json"), """
                {
                  "organizationId": "o-exampleorgid",
                  "managementAccountId": "999999999999",
                  "units": [ { "id": "r-root", "name": "Root" }, { "id": "ou-prod", "name": "Production", "parentId": "r-root" } ],
                  "accounts": { "111122223333": "ou-prod" },
                  "policies": [
                    { "id": "p-full", "name": "FullAWSAccess", "type": "SERVICE_CONTROL_POLICY", "targets": [ "r-root", "ou-prod", "111122223333" ],
                      "document": {"Version": "2012-10-17", "Statement": {"Effect": "Allow", "Action": "*", "Resource": "*"}} },
                    { "id": "p-nos3", "name": "NoS3InProduction", "type": "SERVICE_CONTROL_POLICY", "targets": [ "ou-prod" ],
                      "document": {"Version": "2012-10-17", "Statement": {"Effect": "Deny", "Action": "s3:*", "Resource": "*"}} }
                  ]
                }
                """);

        eventually(() -> !warden.authorize(READ).isAllowed());
        assertThat(warden.authorize(READ).reason()).endsWith("with an explicit deny in a service control policy");
    }
}
