package dev.warden.examples.objectstore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's quick start, run with the real AWS CLI (whichever {@code aws} is installed; CI installs one) against
 * the object store: make a bucket, copy a small and a 20 MiB file up and back, list, presign, create a read-only
 * user through the IAM endpoint on the same port, watch its upload be denied, assume a role.
 */
class AwsCliQuickStartTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;
    RunningObjectStore store;
    Map<String, String> admin;

    record Run(int exitCode, String out, String err) {
        JsonNode json() throws IOException {
            return JSON.readTree(out);
        }
    }

    @BeforeEach
    void start() throws Exception {
        assumeTrue(awsInstalled(), "the AWS CLI is not installed (apt-get install awscli)");
        store = new RunningObjectStore(dir);
        admin = Map.of("AWS_ACCESS_KEY_ID", store.admin.accessKeyId(), "AWS_SECRET_ACCESS_KEY",
                store.admin.secretAccessKey());
        // the profile line the README asks for: presigned URLs in SigV4 (botocore's s3 presign defaults to SigV2)
        Files.writeString(dir.resolve("config"), """
                [default]
                region = us-east-1
                s3 =
                    signature_version = s3v4
                    addressing_style = path
                """);
    }

    @AfterEach
    void stop() throws Exception {
        if (store != null) {
            store.close();
        }
    }

    @Test
    void theQuickStartWorksWithTheRealCli() throws Exception {
        assertThat(aws(admin, "s3", "mb", "s3://downloads").out()).contains("make_bucket: downloads");

        Path small = Files.writeString(dir.resolve("notes.txt"), "release notes\n");
        byte[] bigBytes = new byte[20 * 1024 * 1024];
        new Random(42).nextBytes(bigBytes);
        Path big = Files.write(dir.resolve("big.bin"), bigBytes);
        assertThat(aws(admin, "s3", "cp", small.toString(), "s3://downloads/").exitCode()).isZero();
        assertThat(aws(admin, "s3", "cp", big.toString(), "s3://downloads/").exitCode()).isZero();

        Run listed = aws(admin, "s3", "ls", "s3://downloads/");
        assertThat(listed.out()).contains("notes.txt", "20971520 big.bin");

        Path back = dir.resolve("back.bin");
        assertThat(aws(admin, "s3", "cp", "s3://downloads/big.bin", back.toString()).exitCode()).isZero();
        assertThat(Files.readAllBytes(back)).isEqualTo(bigBytes);

        String link = aws(admin, "s3", "presign", "s3://downloads/notes.txt", "--expires-in", "300").out().trim();
        assertThat(link).contains("X-Amz-Signature=");
        HttpResponse<String> download = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(link))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(download.statusCode()).isEqualTo(200);
        assertThat(download.body()).isEqualTo("release notes\n");

        assertThat(aws(admin, "iam", "create-user", "--user-name", "reader").exitCode()).isZero();
        assertThat(aws(admin, "iam", "attach-user-policy", "--user-name", "reader", "--policy-arn",
                "arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess").exitCode()).isZero();
        JsonNode key = aws(admin, "iam", "create-access-key", "--user-name", "reader").json().get("AccessKey");
        Map<String, String> reader = Map.of("AWS_ACCESS_KEY_ID", key.get("AccessKeyId").asText(),
                "AWS_SECRET_ACCESS_KEY", key.get("SecretAccessKey").asText());

        assertThat(aws(reader, "s3", "ls", "s3://downloads/").out()).contains("notes.txt");
        Run denied = aws(reader, "s3", "cp", small.toString(), "s3://downloads/copy.txt");
        assertThat(denied.exitCode()).isNotZero();
        assertThat(denied.err()).contains("An error occurred (AccessDenied) when calling the PutObject operation: "
                + "User: arn:aws:iam::111122223333:user/reader is not authorized to perform: s3:PutObject on "
                + "resource: arn:aws:s3:::downloads/copy.txt because no identity-based policy allows the "
                + "s3:PutObject action");

        assertThat(aws(admin, "iam", "create-role", "--role-name", "uploader", "--assume-role-policy-document",
                ReadOnlyRoleScenarioTest.TRUST_ACCOUNT).exitCode()).isZero();
        assertThat(aws(admin, "iam", "attach-role-policy", "--role-name", "uploader", "--policy-arn",
                "arn:aws:iam::aws:policy/AmazonS3FullAccess").exitCode()).isZero();
        JsonNode session = aws(admin, "sts", "assume-role", "--role-arn", "arn:aws:iam::111122223333:role/uploader",
                "--role-session-name", "ci").json().get("Credentials");
        Map<String, String> uploader = Map.of("AWS_ACCESS_KEY_ID", session.get("AccessKeyId").asText(),
                "AWS_SECRET_ACCESS_KEY", session.get("SecretAccessKey").asText(),
                "AWS_SESSION_TOKEN", session.get("SessionToken").asText());
        assertThat(aws(uploader, "s3", "cp", small.toString(), "s3://downloads/by-role.txt").exitCode()).isZero();
        assertThat(aws(uploader, "sts", "get-caller-identity").json().get("Arn").asText())
                .isEqualTo("arn:aws:sts::111122223333:assumed-role/uploader/ci");
    }

    private static boolean awsInstalled() {
        try {
            return new ProcessBuilder("aws", "--version").redirectErrorStream(true).start().waitFor() == 0;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }

    private Run aws(Map<String, String> credentials, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of("aws", "--endpoint-url", store.uri().toString(), "--output",
                "json"));
        command.addAll(List.of(args));
        ProcessBuilder process = new ProcessBuilder(command).directory(dir.toFile());
        Map<String, String> env = process.environment();
        env.keySet().removeIf(k -> k.startsWith("AWS_"));
        env.put("AWS_CONFIG_FILE", dir.resolve("config").toString());
        env.put("AWS_SHARED_CREDENTIALS_FILE", dir.resolve("no-credentials").toString());
        env.put("AWS_PAGER", "");
        env.putAll(new HashMap<>(credentials));
        Path out = Files.createTempFile(dir, "out", ".txt");
        Path err = Files.createTempFile(dir, "err", ".txt");
        Process p = process.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).as("aws " + String.join(" ", args) + " finished").isTrue();
        return new Run(p.exitValue(), Files.readString(out), Files.readString(err));
    }
}
