package dev.warden.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Eight {@code warden iam} processes writing one store at the same time lose nothing: every user each of them
 * created is there afterwards, and a shared group ends up with all of them (each membership is a read-modify-write
 * of a user document, made safe by the store's compare-and-swap commits).
 */
class ConcurrentCliWritersTest {

    private static final String ACCOUNT = "111122223333";
    private static final int PROCESSES = 8;
    private static final int USERS_EACH = 2;

    @TempDir
    Path store;

    @Test
    void eightCliProcessesWritingAtOnceLoseNoChange() throws Exception {
        assertThat(run(List.of("init", "--store", store.toString(), "--account-id", ACCOUNT)).exitValue()).isZero();
        assertThat(run(List.of("iam", "create-group", "--store", store.toString(), "--account-id", ACCOUNT,
                "--group-name", "everyone")).exitValue()).isZero();

        List<Process> writers = new ArrayList<>();
        for (int p = 0; p < PROCESSES; p++) {
            writers.add(writer(p));
        }
        for (Process writer : writers) {
            // generous: this guards against a hang, not a slow machine (eight JVMs start at once on two cores)
            assertThat(writer.waitFor(300, TimeUnit.SECONDS)).isTrue();
            assertThat(writer.exitValue()).as(new String(writer.getErrorStream().readAllBytes(), StandardCharsets.UTF_8))
                    .isZero();
        }

        Process members = run(List.of("iam", "get-group", "--store", store.toString(), "--account-id", ACCOUNT,
                "--group-name", "everyone", "--max-items", "1000"));
        String json = new String(members.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        for (int p = 0; p < PROCESSES; p++) {
            for (int u = 0; u < USERS_EACH; u++) {
                assertThat(json).contains("\"UserName\": \"writer" + p + "-" + u + "\"");
            }
        }
        assertThat(json.split("\"UserName\"", -1)).hasSize(PROCESSES * USERS_EACH + 1);
    }

    /** One writer process: for each of its users, create it and add it to the shared group. */
    private Process writer(int p) throws Exception {
        StringBuilder shell = new StringBuilder("set -e\n");
        for (int u = 0; u < USERS_EACH; u++) {
            String user = "writer" + p + "-" + u;
            shell.append(cli()).append(" iam create-user --store '").append(store).append("' --account-id ").append(ACCOUNT)
                    .append(" --user-name ").append(user).append(" > /dev/null\n");
            shell.append(cli()).append(" iam add-user-to-group --store '").append(store).append("' --account-id ")
                    .append(ACCOUNT).append(" --group-name everyone --user-name ").append(user).append(" > /dev/null\n");
        }
        return new ProcessBuilder("bash", "-c", shell.toString()).start();
    }

    private Process run(List<String> args) throws Exception {
        List<String> command = new ArrayList<>(List.of(javaBinary(), "-cp", System.getProperty("java.class.path"),
                WardenCommand.class.getName()));
        command.addAll(args);
        Process process = new ProcessBuilder(command).start();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return process;
    }

    private static String cli() {
        return "'" + javaBinary() + "' -cp '" + System.getProperty("java.class.path") + "' " + WardenCommand.class.getName();
    }

    private static String javaBinary() {
        return Path.of(System.getProperty("java.home"), "bin", "java" + (File.separatorChar == '\\' ? ".exe" : "")).toString();
    }
}
