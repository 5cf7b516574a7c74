package dev.warden.cli;

import dev.warden.core.Warden;
import dev.warden.core.eval.EvaluationInput;
import dev.warden.core.eval.Evaluation;
import dev.warden.core.eval.Evaluator;
import dev.warden.core.iam.StoreDocumentException;
import dev.warden.core.eval.GlobalContextKeys;
import dev.warden.core.policy.CompiledPolicy;
import dev.warden.core.policy.MalformedPolicyException;
import dev.warden.core.policy.PolicyKind;
import dev.warden.core.policy.StatementIndex;
import dev.warden.core.simulate.BatchSimulation;
import dev.warden.spi.AuthorizationRequest;
import dev.warden.spi.ContextValue;
import dev.warden.spi.PolicyType;
import dev.warden.spi.Principal;
import dev.warden.spi.StatementRef;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code warden simulate}: decide one request against policy files, or a batch of cases from standard input.
 * Exits 0 whatever the decision; 2 on a usage error; 1 when a policy file is unreadable or invalid.
 */
@Command(name = "simulate", mixinStandardHelpOptions = true, sortOptions = false,
        description = {
            "Decide whether a principal may perform an action on a resource, as AWS IAM would.",
            "",
            "One request:  warden simulate --policy p.json --principal ARN --action s3:GetObject --resource ARN",
            "Batch:        warden simulate --batch < cases.jsonl   (the oracle's case format, one line out per case)"})
final class SimulateCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--batch", description = "Read JSON Lines cases from standard input; write one decision per line.")
    boolean batch;

    @Option(names = "--store", paramLabel = "DIR", description = "Decide with the principal's policies from this store (its users, groups, roles, boundaries, SCPs).")
    Path store;

    @Option(names = "--policy", paramLabel = "FILE", description = "An identity-based policy of the principal (repeatable).")
    List<Path> policies = new ArrayList<>();

    @Option(names = "--resource-policy", paramLabel = "FILE", description = "The resource-based policy (bucket policy, trust policy, ...).")
    Path resourcePolicy;

    @Option(names = "--boundary", paramLabel = "FILE", description = "The principal's permissions boundary.")
    Path boundary;

    @Option(names = "--session-policy", paramLabel = "FILE", description = "The session policy of a role session.")
    Path sessionPolicy;

    @Option(names = "--scp", paramLabel = "FILE", description = "A service control policy; each one is a level of the organization, root first (repeatable).")
    List<Path> scps = new ArrayList<>();

    @Option(names = "--rcp", paramLabel = "FILE", description = "A resource control policy; each one is a level (repeatable).")
    List<Path> rcps = new ArrayList<>();

    @Option(names = "--principal", paramLabel = "ARN", description = "The caller: an IAM or STS ARN, a service principal, or 'anonymous'.")
    String principal;

    @Option(names = "--action", paramLabel = "ACTION", description = "The action, service:Action.")
    String action;

    @Option(names = "--resource", paramLabel = "ARN", defaultValue = "*", description = "The resource ARN (default: ${DEFAULT-VALUE}).")
    String resource;

    @Option(names = "--resource-account", paramLabel = "ID", description = "The account owning the resource, where the ARN has none (S3).")
    String resourceAccount;

    @Option(names = "--context", paramLabel = "KEY=VALUE", description = "A request context key (repeatable), e.g. aws:SourceIp=203.0.113.7.")
    List<String> context = new ArrayList<>();

    @Option(names = "--context-set", paramLabel = "KEY=V1,V2", description = "A multivalued context key (repeatable), e.g. aws:TagKeys=env,team.")
    List<String> contextSets = new ArrayList<>();

    @Option(names = "--explain", description = "Also print what each kind of policy said and which statements decided.")
    boolean explain;

    @Option(names = "--global-keys", negatable = true, defaultValue = "true", fallbackValue = "true",
            description = "Add the keys AWS puts into every request (aws:CurrentTime, aws:EpochTime, aws:PrincipalArn, "
                    + "aws:PrincipalAccount, aws:PrincipalType, aws:username) unless given with --context (default: on; "
                    + "--no-global-keys turns it off). Batch cases carry their own keys.")
    boolean globalKeys;

    @Override
    public Integer call() throws IOException {
        if (batch) {
            if (principal != null || action != null || !policies.isEmpty()) {
                throw usage("--batch reads everything from standard input; it takes no --principal, --action or --policy");
            }
            Writer out = new OutputStreamWriter(System.out, StandardCharsets.UTF_8);
            BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
            new BatchSimulation(explain).run(in, out);
            return 0;
        }
        if (principal == null || action == null) {
            throw usage("give --principal and --action (and usually --policy and --resource), or --batch");
        }
        AuthorizationRequest request;
        try {
            Principal caller = principal.equals("anonymous") ? Principal.anonymous() : Principal.of(principal);
            AuthorizationRequest.Builder builder = AuthorizationRequest.builder(caller, action, resource);
            if (globalKeys) {
                GlobalContextKeys.of(caller, Instant.now()).forEach(builder::context);
            }
            for (String pair : context) {
                String[] kv = keyValue(pair, "--context");
                builder.context(kv[0], ContextValue.of(kv[1]));
            }
            for (String pair : contextSets) {
                String[] kv = keyValue(pair, "--context-set");
                builder.context(kv[0], ContextValue.ofSet(kv[1].isEmpty() ? List.of() : Arrays.asList(kv[1].split(",", -1))));
            }
            request = builder.resourceAccount(resourceAccount).build();
        } catch (IllegalArgumentException e) {
            throw usage(e.getMessage());
        }
        if (store != null) {
            if (!policies.isEmpty() || boundary != null || sessionPolicy != null || !scps.isEmpty() || !rcps.isEmpty()) {
                throw usage("with --store the principal's policies come from the store; give only --resource-policy");
            }
            StatementIndex resourceIndex;
            try {
                resourceIndex = resourcePolicy == null ? null : index(List.of(resourcePolicy),
                        isRole(resource) ? PolicyKind.TRUST : PolicyKind.RESOURCE, PolicyType.RESOURCE);
            } catch (PolicyFileException e) {
                spec.commandLine().getErr().println("warden simulate: " + e.getMessage());
                return 1;
            }
            try (Warden warden = LocalStore.open(store)) {
                print(warden.explain(request, resourceIndex), spec.commandLine().getOut());
                StoreDocumentException unreadable = warden.directory().current()
                        .unreadableDocumentFor(request.principal());
                if (explain && unreadable != null) {
                    spec.commandLine().getOut().println("Unreadable store document: " + unreadable.getMessage());
                    spec.commandLine().getOut().flush();
                }
            }
            return 0;
        }
        EvaluationInput input;
        try {
            input = new EvaluationInput(
                    policies.isEmpty() ? null : index(policies, PolicyKind.ROLE_INLINE, PolicyType.IDENTITY),
                    boundary == null ? null : index(List.of(boundary), PolicyKind.MANAGED, PolicyType.PERMISSIONS_BOUNDARY),
                    sessionPolicy == null ? null : index(List.of(sessionPolicy), PolicyKind.SESSION, PolicyType.SESSION),
                    scps.isEmpty() ? null : levels(scps, PolicyKind.SERVICE_CONTROL, PolicyType.SERVICE_CONTROL),
                    rcps.isEmpty() ? null : levels(rcps, PolicyKind.RESOURCE_CONTROL, PolicyType.RESOURCE_CONTROL),
                    resourcePolicy == null ? null : index(List.of(resourcePolicy),
                            isRole(resource) ? PolicyKind.TRUST : PolicyKind.RESOURCE, PolicyType.RESOURCE),
                    null);
        } catch (PolicyFileException e) {
            spec.commandLine().getErr().println("warden simulate: " + e.getMessage());
            return 1;
        }
        print(Evaluator.evaluate(request, input), spec.commandLine().getOut());
        return 0;
    }

    private void print(Evaluation evaluation, PrintWriter out) {
        out.println(evaluation.decision().outcome().awsName());
        out.println(evaluation.decision().reason());
        if (explain) {
            out.println();
            out.println("Deciding statements:");
            if (evaluation.decision().decidingStatements().isEmpty()) {
                out.println("  (none: nothing allows the request)");
            }
            for (StatementRef ref : evaluation.decision().decidingStatements()) {
                out.println("  " + ref);
            }
            out.println("Policies consulted:");
            for (Map.Entry<PolicyType, String> e : evaluation.resultsByType().entrySet()) {
                out.printf("  %-26s %s%n", e.getKey().phrase(), e.getValue());
            }
            out.println("Same account: " + evaluation.sameAccount());
        }
        out.flush();
    }

    private String[] keyValue(String pair, String option) {
        int eq = pair.indexOf('=');
        if (eq <= 0) {
            throw new IllegalArgumentException(option + " takes KEY=VALUE, got '" + pair + "'");
        }
        return new String[] {pair.substring(0, eq), pair.substring(eq + 1)};
    }

    private static StatementIndex index(List<Path> files, PolicyKind kind, PolicyType type) throws PolicyFileException {
        List<CompiledPolicy> compiled = new ArrayList<>();
        for (Path file : files) {
            compiled.add(load(file, kind, type));
        }
        return StatementIndex.of(compiled);
    }

    private static List<StatementIndex> levels(List<Path> files, PolicyKind kind, PolicyType type) throws PolicyFileException {
        List<StatementIndex> levels = new ArrayList<>();
        for (Path file : files) {
            levels.add(StatementIndex.of(load(file, kind, type)));
        }
        return levels;
    }

    private static CompiledPolicy load(Path file, PolicyKind kind, PolicyType type) throws PolicyFileException {
        try {
            return CompiledPolicy.parse(Files.readString(file, StandardCharsets.UTF_8), kind, file.getFileName().toString(), type);
        } catch (NoSuchFileException e) {
            throw new PolicyFileException(file + ": no such file");
        } catch (IOException e) {
            throw new PolicyFileException(file + ": cannot read: " + e.getMessage());
        } catch (MalformedPolicyException e) {
            throw new PolicyFileException(file + ": " + e.getMessage());
        }
    }

    private static boolean isRole(String arn) {
        String[] parts = arn.split(":", 6);
        return parts.length == 6 && parts[2].equals("iam") && parts[5].startsWith("role/");
    }

    private CommandLine.ParameterException usage(String message) {
        return new CommandLine.ParameterException(spec.commandLine(), message);
    }

    /** A policy file that cannot be used, with the file and reason in the message. */
    private static final class PolicyFileException extends Exception {
        private static final long serialVersionUID = 1L;

        PolicyFileException(String message) {
            super(message, null, false, false);
        }
    }
}
