package dev.warden.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.warden.core.Warden;
import dev.warden.core.auth.mfa.Base32;
import dev.warden.core.auth.mfa.Totp;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's session, run with the real AWS CLI (whichever {@code aws} is installed; CI installs one) against the
 * IAM and STS endpoints of {@code warden serve} over a file store: keys, a denial, AssumeRole, MFA, GetSessionToken.
 */
class AwsCliSessionTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;
    private Warden warden;
    private Server server;
    private String endpoint;
    private Map<String, String> admin;

    /** What one {@code aws} run printed and returned. */
    record Run(int exitCode, String out, String err) {
        JsonNode json() throws IOException {
            return JSON.readTree(out);
        }
    }

    @BeforeEach
    void start() throws Exception {
        assumeTrue(awsInstalled(), "the AWS CLI is not installed (apt-get install awscli)");
        Path store = dir.resolve("store");
        StringWriter out = new StringWriter();
        var cli = WardenCommand.commandLine();
        cli.setOut(new PrintWriter(out, true));
        assertThat(cli.execute("init", "--store", store.toString(), "--account-id", "111122223333")).isZero();
        admin = new HashMap<>();
        out.toString().lines().filter(l -> l.startsWith("AWS_")).forEach(l -> admin.put(l.substring(0, l.indexOf('=')),
                l.substring(l.indexOf('=') + 1)));
        warden = LocalStore.builder(store).meterRegistry(new SimpleMeterRegistry()).audit(false, 0).build();
        server = ServeCommand.start(warden, new SimpleMeterRegistry(), "127.0.0.1", 0);
        endpoint = "http://127.0.0.1:" + ((ServerConnector) server.getConnectors()[0]).getLocalPort();
    }

    @AfterEach
    void stop() throws Exception {
        if (server != null) {
            server.stop();
        }
        if (warden != null) {
            warden.close();
        }
    }

    private static boolean awsInstalled() {
        try {
            return new ProcessBuilder("aws", "--version").redirectErrorStream(true).start().waitFor() == 0;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }

    private Run aws(Map<String, String> credentials, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of("aws", "--endpoint-url", endpoint, "--output", "json"));
        command.addAll(List.of(args));
        ProcessBuilder process = new ProcessBuilder(command).directory(dir.toFile());
        Map<String, String> env = process.environment();
        env.keySet().removeIf(k -> k.startsWith("AWS_"));
        env.put("AWS_CONFIG_FILE", dir.resolve("no-config").toString());
        env.put("AWS_SHARED_CREDENTIALS_FILE", dir.resolve("no-credentials").toString());
        env.put("AWS_DEFAULT_REGION", "us-east-1");
        env.put("AWS_PAGER", "");
        env.putAll(credentials);
        Path out = Files.createTempFile(dir, "out", ".txt");
        Path err = Files.createTempFile(dir, "err", ".txt");
        Process p = process.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).as("aws " + String.join(" ", args) + " finished").isTrue();
        return new Run(p.exitValue(), Files.readString(out), Files.readString(err));
    }

    private static Map<String, String> keys(JsonNode credentials) {
        Map<String, String> keys = new HashMap<>();
        keys.put("AWS_ACCESS_KEY_ID", credentials.get("AccessKeyId").asText());
        keys.put("AWS_SECRET_ACCESS_KEY", credentials.get("SecretAccessKey").asText());
        if (credentials.has("SessionToken")) {
            keys.put("AWS_SESSION_TOKEN", credentials.get("SessionToken").asText());
        }
        return keys;
    }

    @Test
    void theReadmeSessionWorksWithTheRealAwsCli() throws Exception {
        assertThat(aws(admin, "sts", "get-caller-identity").json().get("Arn").asText())
                .isEqualTo("arn:aws:iam::111122223333:user/admin");
        assertThat(aws(admin, "iam", "create-user", "--user-name", "bob").exitCode()).isZero();
        Map<String, String> bob = keys(aws(admin, "iam", "create-access-key", "--user-name", "bob").json()
                .get("AccessKey"));

        Run denied = aws(bob, "iam", "list-users");
        assertThat(denied.exitCode()).isNotZero();
        assertThat(denied.err()).contains("AccessDenied").contains("user/bob is not authorized to perform: iam:ListUsers");

        aws(admin, "iam", "create-role", "--role-name", "auditor", "--assume-role-policy-document",
                "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":"
                        + "\"arn:aws:iam::111122223333:user/bob\"},\"Action\":\"sts:AssumeRole\"}]}");
        aws(admin, "iam", "attach-role-policy", "--role-name", "auditor", "--policy-arn",
                "arn:aws:iam::aws:policy/IAMReadOnlyAccess");
        JsonNode assumed = aws(bob, "sts", "assume-role", "--role-arn", "arn:aws:iam::111122223333:role/auditor",
                "--role-session-name", "bob").json();
        assertThat(assumed.at("/AssumedRoleUser/Arn").asText())
                .isEqualTo("arn:aws:sts::111122223333:assumed-role/auditor/bob");
        Run listed = aws(keys(assumed.get("Credentials")), "iam", "list-users");
        assertThat(listed.exitCode()).as(listed.err()).isZero();
        assertThat(listed.json().findValuesAsText("UserName")).containsExactlyInAnyOrder("admin", "bob");
        assertThat(aws(admin, "iam", "get-role", "--role-name", "auditor").json()
                .at("/Role/AssumeRolePolicyDocument/Statement/0/Principal/AWS").asText())
                .as("the CLI decodes the URL-encoded policy document").isEqualTo("arn:aws:iam::111122223333:user/bob");

        Run device = aws(admin, "iam", "create-virtual-mfa-device", "--virtual-mfa-device-name", "admin-phone",
                "--outfile", "seed.txt", "--bootstrap-method", "Base32StringSeed");
        assertThat(device.exitCode()).as(device.err()).isZero();
        byte[] seed = Base32.decode(Files.readString(dir.resolve("seed.txt"), StandardCharsets.US_ASCII).strip());
        long now = Totp.AWS.step(Instant.now());
        String serial = "arn:aws:iam::111122223333:mfa/admin-phone";
        Run enabled = aws(admin, "iam", "enable-mfa-device", "--user-name", "admin", "--serial-number", serial,
                "--authentication-code1", Totp.AWS.generate(seed, now - 1),
                "--authentication-code2", Totp.AWS.generate(seed, now));
        assertThat(enabled.exitCode()).as(enabled.err()).isZero();
        String code = Totp.AWS.generate(seed, now + 1);
        Run session = aws(admin, "sts", "get-session-token", "--serial-number", serial, "--token-code", code);
        assertThat(session.exitCode()).as(session.err()).isZero();
        Map<String, String> strong = keys(session.json().get("Credentials"));
        assertThat(aws(strong, "iam", "list-mfa-devices").json().findValuesAsText("SerialNumber")).containsExactly(serial);
        Run replayed = aws(admin, "sts", "get-session-token", "--serial-number", serial, "--token-code", code);
        assertThat(replayed.exitCode()).isNotZero();
        assertThat(replayed.err()).contains("MultiFactorAuthentication failed");
    }
}
