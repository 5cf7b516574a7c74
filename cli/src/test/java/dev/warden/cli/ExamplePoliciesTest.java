package dev.warden.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The shipped example policies do what their names say, and the README's {@code simulate} commands that use them
 * run and print what the README shows: {@code downloads-read-only.json} allows reading the downloads bucket and
 * nothing else, even from the office inside the upload window of {@code downloads-office-hours-upload.json}, which
 * allows that upload there and then only.
 */
class ExamplePoliciesTest {

    private static final Path ROOT = Path.of("").toAbsolutePath().getParent();
    private static final Path READ_ONLY = ROOT.resolve("examples/policies/downloads-read-only.json");
    private static final Path OFFICE_HOURS = ROOT.resolve("examples/policies/downloads-office-hours-upload.json");
    private static final String ALICE = "arn:aws:iam::111122223333:user/alice";
    private static final String OBJECT = "arn:aws:s3:::downloads/a.zip";
    private static final String[] IN_THE_OFFICE_AT_HALF_PAST_TWO = {"--context", "aws:SourceIp=203.0.113.9",
        "--context", "aws:CurrentTime=2026-11-23T14:30:00Z", "--context", "aws:MultiFactorAuthPresent=true"};

    private static String decision(Path policy, String action, String resource, String... context) {
        List<String> args = new ArrayList<>(List.of("simulate", "--policy", policy.toString(), "--principal", ALICE,
                "--action", action, "--resource", resource));
        args.addAll(List.of(context));
        CliRun run = CliRun.of(args.toArray(String[]::new));
        assertThat(run.exitCode()).as(run.err()).isZero();
        return run.outLines().get(0);
    }

    @Test
    void downloadsReadOnlyAllowsReadingAndNoChangeWhateverTheContext() {
        assertThat(decision(READ_ONLY, "s3:GetObject", OBJECT)).isEqualTo("Allowed");
        assertThat(decision(READ_ONLY, "s3:ListBucket", "arn:aws:s3:::downloads")).isEqualTo("Allowed");
        for (String change : List.of("s3:PutObject", "s3:DeleteObject")) {
            assertThat(decision(READ_ONLY, change, OBJECT, IN_THE_OFFICE_AT_HALF_PAST_TWO)).as(change)
                    .isEqualTo("ExplicitlyDenied");
        }
    }

    @Test
    void theOfficeHoursPolicyAllowsAnUploadFromTheOfficeInsideItsWindowOnly() {
        assertThat(decision(OFFICE_HOURS, "s3:PutObject", OBJECT, IN_THE_OFFICE_AT_HALF_PAST_TWO))
                .isEqualTo("Allowed");
        assertThat(decision(OFFICE_HOURS, "s3:PutObject", OBJECT, "--context", "aws:SourceIp=203.0.113.9",
                "--context", "aws:CurrentTime=2026-11-23T15:30:00Z")).isEqualTo("ImplicitlyDenied");
        assertThat(decision(OFFICE_HOURS, "s3:PutObject", OBJECT, "--context", "aws:SourceIp=198.51.100.7",
                "--context", "aws:CurrentTime=2026-11-23T14:30:00Z")).isEqualTo("ImplicitlyDenied");
    }

    @Test
    void theReadmesFirstExamplePrintsWhatTheReadmeShows() throws IOException {
        String readme = joinedLines();
        Matcher example = Pattern.compile("```\\n\\$ (java -jar cli/target/warden\\.jar simulate .*?)\\n"
                + "((?:(?!\\.\\.\\.\\n|```).*\\n)*)\\.\\.\\.\\n```").matcher(readme);
        assertThat(example.find()).as("the README's first example, '$ java -jar ...' and its output up to '...'")
                .isTrue();

        CliRun run = CliRun.of(arguments(example.group(1)));

        assertThat(run.exitCode()).as(run.err()).isZero();
        List<String> shown = example.group(2).lines().toList();
        assertThat(run.outLines()).startsWith(shown.toArray(String[]::new));
    }

    @Test
    void everyReadmeSimulateOfAnExamplePolicyRuns() throws IOException {
        List<String> commands = new ArrayList<>();
        for (String line : joinedLines().lines().toList()) {
            String command = line.replaceFirst("^(\\$ |mvn -B -q package -DskipTests && )", "").trim();
            if (command.startsWith("java -jar cli/target/warden.jar simulate --policy examples/policies/")) {
                commands.add(command);
            }
        }
        assertThat(commands).as("the README's simulate commands on example policies").hasSizeGreaterThanOrEqualTo(4);

        for (String command : commands) {
            CliRun run = CliRun.of(arguments(command));
            assertThat(run.exitCode()).as(command + "\n" + run.err()).isZero();
            assertThat(run.outLines().get(0)).as(command).isIn("Allowed", "ExplicitlyDenied", "ImplicitlyDenied");
        }
    }

    /** The README, each command continued with {@code \\} on one line. */
    private static String joinedLines() throws IOException {
        return Files.readString(ROOT.resolve("README.md")).replaceAll("\\\\\n\\s*", " ");
    }

    /** A README command's arguments after {@code warden.jar}, its relative paths made absolute. */
    private static String[] arguments(String command) {
        String[] words = command.trim().split("\\s+");
        List<String> args = new ArrayList<>();
        for (int i = 3; i < words.length; i++) {
            args.add(words[i].startsWith("examples/") ? ROOT.resolve(words[i]).toString() : words[i]);
        }
        return args.toArray(String[]::new);
    }
}
