package dev.warden.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code warden simulate}: one request against policy files (decision and AWS's reason, {@code --explain}), the
 * exit codes (0 whatever the decision, 2 for a usage error, 1 for a policy file that cannot be used), the global
 * context keys, and {@code --batch} over standard input.
 */
class SimulateCommandTest {

    private static final String ALICE = "arn:aws:iam::111122223333:user/alice";
    private static final String ORDER = "arn:aws:orders:us-east-1:111122223333:order/7";

    @TempDir
    Path dir;

    private static CliRun warden(String... args) {
        return CliRun.of(args);
    }

    private Path file(String name, String json) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, json.replace('\'', '"'), StandardCharsets.UTF_8);
        return file;
    }

    private Path readOrders() throws IOException {
        return file("read-orders.json", "{'Version':'2012-10-17','Statement':["
                + "{'Sid':'ReadOrders','Effect':'Allow','Action':'orders:Get*','Resource':'*'},"
                + "{'Sid':'NoCancel','Effect':'Deny','Action':'orders:CancelOrder','Resource':'*'}]}");
    }

    @Test
    void anAllowedRequestPrintsTheDecisionAndTheGrantingStatement() throws IOException {
        CliRun run = warden("simulate", "--policy", readOrders().toString(), "--principal", ALICE,
                "--action", "orders:GetOrder", "--resource", ORDER);

        assertThat(run.exitCode()).isZero();
        assertThat(run.outLines()).containsExactly("Allowed",
                "Allowed by identity-based policy 'read-orders.json' statement 'ReadOrders'");
        assertThat(run.err()).isEmpty();
    }

    @Test
    void anExplicitDenyExitsZeroWithAwsReason() throws IOException {
        CliRun run = warden("simulate", "--policy", readOrders().toString(), "--principal", ALICE,
                "--action", "orders:CancelOrder", "--resource", ORDER);

        assertThat(run.exitCode()).isZero();
        assertThat(run.outLines()).containsExactly("ExplicitlyDenied", "User: " + ALICE
                + " is not authorized to perform: orders:CancelOrder on resource: " + ORDER
                + " with an explicit deny in an identity-based policy");
    }

    @Test
    void anImplicitDenyExitsZeroWithAwsReason() throws IOException {
        CliRun run = warden("simulate", "--policy", readOrders().toString(), "--principal", ALICE,
                "--action", "orders:PlaceOrder", "--resource", ORDER);

        assertThat(run.exitCode()).isZero();
        assertThat(run.outLines()).containsExactly("ImplicitlyDenied", "User: " + ALICE
                + " is not authorized to perform: orders:PlaceOrder on resource: " + ORDER
                + " because no identity-based policy allows the orders:PlaceOrder action");
    }

    @Test
    void explainPrintsTheDecidingStatementsAndWhatEachKindSaid() throws IOException {
        Path scp = file("scp.json", "{'Statement':{'Effect':'Allow','Action':'*','Resource':'*'}}");

        CliRun run = warden("simulate", "--policy", readOrders().toString(), "--scp", scp.toString(), "--principal", ALICE,
                "--action", "orders:CancelOrder", "--resource", ORDER, "--explain");

        assertThat(run.exitCode()).isZero();
        assertThat(run.outLines()).containsExactly(
                "ExplicitlyDenied",
                "User: " + ALICE + " is not authorized to perform: orders:CancelOrder on resource: " + ORDER
                        + " with an explicit deny in an identity-based policy",
                "",
                "Deciding statements:",
                "  identity-based policy 'read-orders.json' statement 'NoCancel'",
                "Policies consulted:",
                "  identity-based policy      ExplicitlyDenied",
                "  service control policy     Allowed",
                "Same account: true");
    }

    @Test
    void explainSaysWhenNoStatementDecided() throws IOException {
        CliRun run = warden("simulate", "--policy", readOrders().toString(), "--principal", "arn:aws:iam::444455556666:user/bob",
                "--action", "orders:GetOrder", "--resource", ORDER, "--explain");

        assertThat(run.outLines()).containsSequence("Deciding statements:", "  (none: nothing allows the request)",
                "Policies consulted:", "  identity-based policy      Allowed", "Same account: false");
        assertThat(run.outLines().get(1)).endsWith("because no resource-based policy allows the orders:GetOrder action");
    }

    @Test
    void theResourceDefaultsToStarAndTheMessageThenNamesNone() throws IOException {
        CliRun run = warden("simulate", "--policy", readOrders().toString(), "--principal", ALICE, "--action", "orders:ListOrders");

        assertThat(run.outLines()).containsExactly("ImplicitlyDenied", "User: " + ALICE
                + " is not authorized to perform: orders:ListOrders because no identity-based policy allows the orders:ListOrders action");
    }

    @Test
    void everyKindOfPolicyFileIsUsed() throws IOException {
        String caller = "arn:aws:sts::111122223333:assumed-role/AppRole/s1";
        Path identity = file("identity.json", "{'Statement':{'Effect':'Allow','Action':'orders:*','Resource':'*'}}");
        Path boundary = file("boundary.json", "{'Statement':{'Effect':'Allow','Action':'orders:*','Resource':'*'}}");
        Path session = file("session.json", "{'Statement':{'Effect':'Allow','Action':'orders:Get*','Resource':'*'}}");
        Path rcp = file("rcp.json", "{'Statement':{'Effect':'Deny','Principal':'*','Action':'orders:DeleteOrder','Resource':'*'}}");
        Path resource = file("order.json", "{'Statement':{'Effect':'Allow','Principal':{'AWS':'" + caller
                + "'},'Action':'orders:CancelOrder','Resource':'*'}}");
        String[] common = {"simulate", "--policy", identity.toString(), "--boundary", boundary.toString(),
            "--session-policy", session.toString(), "--rcp", rcp.toString(), "--resource-policy", resource.toString(),
            "--principal", caller, "--resource", ORDER, "--explain", "--action"};

        CliRun get = warden(concat(common, "orders:GetOrder"));
        CliRun cancel = warden(concat(common, "orders:CancelOrder"));
        CliRun delete = warden(concat(common, "orders:DeleteOrder"));
        CliRun place = warden(concat(common, "orders:PlaceOrder"));

        assertThat(get.outLines().get(0)).isEqualTo("Allowed");
        assertThat(cancel.outLines().get(0)).isEqualTo("Allowed");
        assertThat(cancel.outLines()).contains("  resource-based policy 'order.json' statement #0");
        assertThat(delete.outLines().get(1)).endsWith("with an explicit deny in a resource control policy");
        assertThat(place.outLines().get(1)).endsWith("because no session policy allows the orders:PlaceOrder action");
    }

    @Test
    void aResourcePolicyOnARoleIsReadAsATrustPolicy() throws IOException {
        Path trust = file("trust.json", "{'Statement':{'Effect':'Allow','Principal':{'AWS':'" + ALICE + "'},'Action':'sts:AssumeRole'}}");

        CliRun run = warden("simulate", "--resource-policy", trust.toString(), "--principal", ALICE,
                "--action", "sts:AssumeRole", "--resource", "arn:aws:iam::111122223333:role/Target");

        assertThat(run.exitCode()).isZero();
        assertThat(run.outLines()).containsExactly("Allowed", "Allowed by resource-based policy 'trust.json' statement #0");
    }

    @Test
    void theResourceAccountMakesAnS3RequestCrossAccount() throws IOException {
        Path s3 = file("s3.json", "{'Statement':{'Effect':'Allow','Action':'s3:GetObject','Resource':'*'}}");
        String[] base = {"simulate", "--policy", s3.toString(), "--principal", ALICE, "--action", "s3:GetObject",
            "--resource", "arn:aws:s3:::partner/data.csv"};

        assertThat(warden(base).outLines().get(0)).isEqualTo("Allowed");
        assertThat(warden(concat(base, "--resource-account", "444455556666")).outLines().get(1))
                .endsWith("because no resource-based policy allows the s3:GetObject action");
    }

    @Test
    void contextKeysAndSetsReachTheConditions() throws IOException {
        Path policy = file("office.json", "{'Version':'2012-10-17','Statement':{'Effect':'Allow','Action':'orders:*','Resource':'*',"
                + "'Condition':{'IpAddress':{'aws:SourceIp':'203.0.113.0/24'},'ForAllValues:StringEquals':{'aws:TagKeys':['env','team']}}}}");
        String[] base = {"simulate", "--policy", policy.toString(), "--principal", ALICE, "--action", "orders:GetOrder"};

        CliRun inside = warden(concat(base, "--context", "aws:SourceIp=203.0.113.9", "--context-set", "aws:TagKeys=env,team"));
        CliRun outside = warden(concat(base, "--context", "aws:SourceIp=198.51.100.1"));
        CliRun badTag = warden(concat(base, "--context", "aws:SourceIp=203.0.113.9", "--context-set", "aws:TagKeys=env,owner"));
        CliRun emptySet = warden(concat(base, "--context", "aws:SourceIp=203.0.113.9", "--context-set", "aws:TagKeys="));

        assertThat(inside.outLines().get(0)).isEqualTo("Allowed");
        assertThat(outside.outLines().get(0)).isEqualTo("ImplicitlyDenied");
        assertThat(badTag.outLines().get(0)).isEqualTo("ImplicitlyDenied");
        assertThat(emptySet.outLines().get(0)).isEqualTo("Allowed");
    }

    @Test
    void globalKeysAreAddedByDefaultAndNoGlobalKeysRemovesThem() throws IOException {
        Path policy = file("self.json", "{'Version':'2012-10-17','Statement':{'Effect':'Allow','Action':'orders:*','Resource':'*',"
                + "'Condition':{'StringEquals':{'aws:username':'alice','aws:PrincipalType':'User'}}}}");
        String[] base = {"simulate", "--policy", policy.toString(), "--principal", ALICE, "--action", "orders:GetOrder"};

        assertThat(warden(base).outLines().get(0)).isEqualTo("Allowed");
        assertThat(warden(concat(base, "--global-keys")).outLines().get(0)).isEqualTo("Allowed");
        assertThat(warden(concat(base, "--no-global-keys")).outLines().get(0)).isEqualTo("ImplicitlyDenied");
        assertThat(warden(concat(base, "--context", "aws:username=bob")).outLines().get(0)).isEqualTo("ImplicitlyDenied");
        assertThat(warden(concat(base, "--no-global-keys", "--context", "aws:username=alice", "--context", "aws:PrincipalType=User"))
                .outLines().get(0)).isEqualTo("Allowed");
    }

    @Test
    void theGlobalClockReachesDateConditions() throws IOException {
        Path policy = file("dated.json", "{'Version':'2012-10-17','Statement':{'Effect':'Allow','Action':'orders:*','Resource':'*',"
                + "'Condition':{'DateGreaterThan':{'aws:CurrentTime':'2020-01-01T00:00:00Z'}}}}");
        String[] base = {"simulate", "--policy", policy.toString(), "--principal", ALICE, "--action", "orders:GetOrder"};

        assertThat(warden(base).outLines().get(0)).isEqualTo("Allowed");
        assertThat(warden(concat(base, "--context", "aws:CurrentTime=2019-06-01T00:00:00Z")).outLines().get(0))
                .isEqualTo("ImplicitlyDenied");
    }

    @Test
    void anAnonymousCallerIsAccepted() throws IOException {
        Path bucket = file("bucket.json", "{'Statement':{'Effect':'Allow','Principal':'*','Action':'s3:GetObject','Resource':'*'}}");

        CliRun run = warden("simulate", "--resource-policy", bucket.toString(), "--principal", "anonymous",
                "--action", "s3:GetObject", "--resource", "arn:aws:s3:::public/a.txt", "--resource-account", "111122223333");

        assertThat(run.exitCode()).isZero();
        assertThat(run.outLines()).containsExactly("Allowed", "Allowed by resource-based policy 'bucket.json' statement #0");
    }

    @Test
    void aMissingActionIsAUsageError() throws IOException {
        CliRun run = warden("simulate", "--policy", readOrders().toString(), "--principal", ALICE);

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).startsWith("give --principal and --action (and usually --policy and --resource), or --batch");
        assertThat(run.err()).contains("Usage: warden simulate");
    }

    @Test
    void aBadPrincipalIsAUsageError() throws IOException {
        CliRun run = warden("simulate", "--policy", readOrders().toString(), "--principal", "alice", "--action", "orders:GetOrder");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).startsWith("principal must be an ARN or a service principal name: 'alice'");
    }

    @Test
    void aBadActionIsAUsageError() throws IOException {
        CliRun run = warden("simulate", "--policy", readOrders().toString(), "--principal", ALICE, "--action", "GetOrder");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).startsWith("action must be 'service:Action': 'GetOrder'");
    }

    @Test
    void aContextWithoutEqualsIsAUsageError() throws IOException {
        CliRun run = warden("simulate", "--policy", readOrders().toString(), "--principal", ALICE, "--action", "orders:GetOrder",
                "--context", "aws:SourceIp");
        CliRun set = warden("simulate", "--policy", readOrders().toString(), "--principal", ALICE, "--action", "orders:GetOrder",
                "--context-set", "=a,b");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).startsWith("--context takes KEY=VALUE, got 'aws:SourceIp'");
        assertThat(set.exitCode()).isEqualTo(2);
        assertThat(set.err()).startsWith("--context-set takes KEY=VALUE, got '=a,b'");
    }

    @Test
    void anUnknownOptionIsAUsageError() {
        CliRun run = warden("simulate", "--principal", ALICE, "--action", "orders:GetOrder", "--polcy", "x.json");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).startsWith("Unknown options: '--polcy', 'x.json'");
    }

    @Test
    void batchTakesNoSingleRequestOptions() {
        CliRun run = warden("simulate", "--batch", "--principal", ALICE);

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).startsWith("--batch reads everything from standard input; it takes no --principal, --action or --policy");
    }

    @Test
    void anInvalidPolicyFileExitsOneWithFilePointerAndReason() throws IOException {
        Path bad = file("bad.json", "{'Version':'2012-10-17','Statement':[{'Effect':'Permit','Action':'orders:*','Resource':'*'}]}");

        CliRun run = warden("simulate", "--policy", bad.toString(), "--principal", ALICE, "--action", "orders:GetOrder");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).isEqualTo("warden simulate: " + bad + ": MalformedPolicyDocument at /Statement/0/Effect: "
                + "Effect must be \"Allow\" or \"Deny\", not \"Permit\"" + System.lineSeparator());
    }

    @Test
    void aPolicyFileIsValidatedWithTheRulesOfItsKind() throws IOException {
        Path withPrincipal = file("with-principal.json", "{'Statement':{'Effect':'Allow','Principal':'*','Action':'*','Resource':'*'}}");

        CliRun asScp = warden("simulate", "--scp", withPrincipal.toString(), "--principal", ALICE, "--action", "orders:GetOrder");
        CliRun asResource = warden("simulate", "--resource-policy", withPrincipal.toString(), "--principal", ALICE, "--action", "orders:GetOrder");

        assertThat(asScp.exitCode()).isEqualTo(1);
        assertThat(asScp.err()).startsWith("warden simulate: " + withPrincipal + ": MalformedPolicyDocument at /Statement/Principal: ");
        assertThat(asResource.exitCode()).isZero();
    }

    @Test
    void aPolicyFileWithANumberOutOfRangeExitsOneWithItsPointer() throws IOException {
        Path huge = file("huge.json", "{'Statement':{'Effect':'Allow','Action':'*','Resource':'*',"
                + "'Condition':{'NumericLessThan':{'s3:max-keys':1e99999999999}}}}");

        CliRun run = warden("simulate", "--policy", huge.toString(), "--principal", ALICE, "--action", "s3:ListBucket");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).startsWith("warden simulate: " + huge
                + ": MalformedPolicyDocument at /Statement/Condition/NumericLessThan/s3:max-keys: ");
    }

    @Test
    void aPolicyFileThatIsNotUtf8ExitsOne() throws IOException {
        Path latin1 = dir.resolve("latin1.json");
        Files.write(latin1, "{\"Statement\":{\"Sid\":\"caf\u00e9\"}}".getBytes(StandardCharsets.ISO_8859_1));

        CliRun run = warden("simulate", "--policy", latin1.toString(), "--principal", ALICE, "--action", "s3:ListBucket");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).startsWith("warden simulate: " + latin1 + ": cannot read: ");
    }

    @Test
    void aMissingPolicyFileExitsOne() {
        Path missing = dir.resolve("missing.json");

        CliRun run = warden("simulate", "--policy", missing.toString(), "--principal", ALICE, "--action", "orders:GetOrder");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).isEqualTo("warden simulate: " + missing + ": no such file" + System.lineSeparator());
    }

    @Test
    void batchReadsStandardInputAndWritesOneLinePerCase() {
        String allow = "{\"Statement\":{\"Effect\":\"Allow\",\"Action\":\"orders:*\",\"Resource\":\"*\"}}";
        String input = String.join("\n",
                "{\"id\":\"a\",\"principal\":\"" + ALICE + "\",\"action\":\"orders:GetOrder\",\"resource\":\"" + ORDER
                        + "\",\"identityPolicies\":[" + allow + "]}",
                "",
                "{\"id\":7,\"principal\":\"" + ALICE + "\",\"action\":\"orders:GetOrder\",\"resource\":\"" + ORDER + "\"}",
                "{oops",
                "{\"principal\":\"" + ALICE + "\",\"action\":\"orders:GetOrder\",\"resource\":\"" + ORDER
                        + "\",\"context\":{\"note\":\"caf\u00e9 \u2603\"},\"identityPolicies\":[" + allow + "]}") + "\n";

        BatchRun run = batch(input, "simulate", "--batch");

        assertThat(run.exitCode()).isZero();
        List<String> lines = run.stdout().lines().toList();
        assertThat(lines).hasSize(4);
        assertThat(lines.get(0)).isEqualTo("{\"id\":\"a\",\"decision\":\"Allowed\"}");
        assertThat(lines.get(1)).isEqualTo("{\"id\":7,\"decision\":\"ImplicitlyDenied\"}");
        assertThat(lines.get(2)).startsWith("{\"id\":\"line-4\",\"decision\":null,\"error\":\"invalid JSON: ");
        assertThat(lines.get(3)).isEqualTo("{\"id\":\"line-5\",\"decision\":\"Allowed\"}");
    }

    @Test
    void batchWritesUtf8WhateverThePlatformCharset() {
        String bad = "{\"Statement\":{\"Effect\":\"P\u00e9rmit \u2603\",\"Action\":\"orders:*\",\"Resource\":\"*\"}}";
        String input = "{\"id\":\"\u00fcber\",\"principal\":\"" + ALICE + "\",\"action\":\"orders:GetOrder\",\"resource\":\""
                + ORDER + "\",\"identityPolicies\":[" + bad + "]}\n";

        BatchRun run = batch(input, "simulate", "--batch");

        assertThat(run.stdout()).isEqualTo("{\"id\":\"\u00fcber\",\"decision\":null,\"error\":\"policy.errors: identityPolicies[0]: "
                + "MalformedPolicyDocument at /Statement/Effect: Effect must be \\\"Allow\\\" or \\\"Deny\\\", not "
                + "\\\"P\u00e9rmit \u2603\\\"\"}\n");
    }

    @Test
    void batchWithExplainAddsDetail() {
        String input = "{\"id\":1,\"principal\":\"" + ALICE + "\",\"action\":\"orders:GetOrder\",\"resource\":\"" + ORDER + "\"}\n";

        BatchRun run = batch(input, "simulate", "--batch", "--explain");

        assertThat(run.exitCode()).isZero();
        assertThat(run.stdout()).isEqualTo("{\"id\":1,\"decision\":\"ImplicitlyDenied\",\"detail\":{\"sameAccount\":true,"
                + "\"identity\":\"ImplicitlyDenied\",\"reason\":\"User: " + ALICE + " is not authorized to perform: "
                + "orders:GetOrder on resource: " + ORDER + " because no identity-based policy allows the orders:GetOrder action\"}}\n");
    }

    @Test
    void batchOfNothingWritesNothing() {
        BatchRun run = batch("\n\n", "simulate", "--batch");

        assertThat(run.exitCode()).isZero();
        assertThat(run.stdout()).isEmpty();
    }

    @Test
    void wardenWithoutACommandIsAUsageError() {
        CliRun run = warden();

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).startsWith("name a command, e.g. 'warden simulate --help'");
    }

    @Test
    void versionAndHelpExitZero() {
        CliRun version = warden("--version");
        CliRun help = warden("simulate", "--help");

        assertThat(version.exitCode()).isZero();
        assertThat(version.out()).startsWith("warden ");
        assertThat(help.exitCode()).isZero();
        assertThat(help.out()).contains("--batch", "--policy=FILE", "--no-global-keys", "--resource-account=ID");
    }

    /** A batch run: what the command wrote to standard output, given {@code stdin} as standard input. */
    record BatchRun(int exitCode, String stdout, String err) {
    }

    private static BatchRun batch(String stdin, String... args) {
        InputStream savedIn = System.in;
        PrintStream savedOut = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        try {
            System.setIn(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)));
            System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
            CliRun run = warden(args);
            return new BatchRun(run.exitCode(), captured.toString(StandardCharsets.UTF_8), run.err());
        } finally {
            System.setIn(savedIn);
            System.setOut(savedOut);
        }
    }

    private static String[] concat(String[] base, String... more) {
        String[] out = new String[base.length + more.length];
        System.arraycopy(base, 0, out, 0, base.length);
        System.arraycopy(more, 0, out, base.length, more.length);
        return out;
    }
}
