package dev.warden.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.warden.core.store.Unwritable;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A store on a volume the process cannot write (made so for real: permissions, or the immutable attribute for root)
 * opens read-only: {@code simulate}, reads and {@code serve} work, nothing is created in it, and a write is refused
 * with AWS's {@code ServiceFailure} saying the store is read-only.
 */
class ReadOnlyStoreCliTest {

    private static final String ACCOUNT = "111122223333";

    @TempDir
    Path folder;

    private Path store;

    @BeforeEach
    void makeStore() {
        store = folder.resolve("warden-data");
        assertThat(CliRun.of("init", "--store", store.toString(), "--account-id", ACCOUNT).exitCode()).isZero();
        assertThat(CliRun.of("iam", "create-user", "--store", store.toString(), "--account-id", ACCOUNT,
                "--user-name", "alice").exitCode()).isZero();
        assertThat(CliRun.of("iam", "attach-user-policy", "--store", store.toString(), "--account-id", ACCOUNT,
                "--user-name", "alice", "--policy-arn", "arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess").exitCode())
                .isZero();
    }

    @Test
    void simulate_and_reads_work_and_writes_are_refused() throws Exception {
        try (Unwritable ignored = Unwritable.make(store)) {
            CliRun simulate = CliRun.of("simulate", "--store", store.toString(), "--principal",
                    "arn:aws:iam::111122223333:user/alice", "--action", "s3:GetObject", "--resource",
                    "arn:aws:s3:::downloads/a");
            assertThat(simulate.exitCode()).as(simulate.err()).isZero();
            assertThat(simulate.outLines().get(0)).isEqualTo("Allowed");

            CliRun read = CliRun.of("iam", "get-user", "--store", store.toString(), "--account-id", ACCOUNT,
                    "--user-name", "alice");
            assertThat(read.exitCode()).as(read.err()).isZero();
            assertThat(read.out()).contains("\"UserName\": \"alice\"");

            CliRun write = CliRun.of("iam", "create-user", "--store", store.toString(), "--account-id", ACCOUNT,
                    "--user-name", "bob");
            assertThat(write.exitCode()).isEqualTo(IamCommand.SERVICE_ERROR);
            assertThat(write.err().strip()).isEqualTo("An error occurred (ServiceFailure) when calling the CreateUser "
                    + "operation: The store " + store.toRealPath() + " is read-only: changes are refused (decisions "
                    + "and reads work)");
        }
        assertThat(store.resolve("accounts/111122223333/users/bob.json")).doesNotExist();
    }

    @Test
    void serve_works_from_a_read_only_store_and_its_health_says_so() throws Exception {
        try (Unwritable ignored = Unwritable.make(store);
             var warden = LocalStore.builder(store).audit(false, 0).serviceLoaderListeners(false)
                     .meterRegistry(new io.micrometer.core.instrument.simple.SimpleMeterRegistry()).build()) {
            Server server = ServeCommand.start(warden, new io.micrometer.core.instrument.simple.SimpleMeterRegistry(),
                    "127.0.0.1", 0);
            try {
                URI uri = URI.create("http://127.0.0.1:" + ((ServerConnector) server.getConnectors()[0]).getLocalPort()
                        + "/healthz");
                HttpResponse<String> health = HttpClient.newHttpClient().send(HttpRequest.newBuilder(uri).build(),
                        HttpResponse.BodyHandlers.ofString());
                assertThat(health.statusCode()).isEqualTo(200);
                assertThat(health.body()).contains("\"status\" : \"ok\"", "\"writable\" : false");
            } finally {
                server.stop();
            }
        }
    }

    @Test
    void serve_from_a_read_only_store_without_a_master_key_says_how_to_give_one() throws Exception {
        Files.delete(store.resolve(".warden/master.key"));
        try (Unwritable ignored = Unwritable.make(store)) {
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> LocalStore.builder(store))
                    .hasMessage("The store " + store.toRealPath() + " is read-only and holds no "
                            + store.toRealPath().resolve(".warden/master.key") + ", which cannot be created there: "
                            + "set WARDEN_MASTER_KEY");
            CliRun simulate = CliRun.of("simulate", "--store", store.toString(), "--principal",
                    "arn:aws:iam::111122223333:user/alice", "--action", "s3:GetObject");
            assertThat(simulate.exitCode()).as("simulate needs no key").isZero();
        }
    }
}
