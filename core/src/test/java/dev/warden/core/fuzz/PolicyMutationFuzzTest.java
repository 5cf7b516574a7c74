package dev.warden.core.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.warden.core.eval.Evaluation;
import dev.warden.core.eval.EvaluationInput;
import dev.warden.core.eval.Evaluator;
import dev.warden.core.policy.CompiledPolicy;
import dev.warden.core.policy.MalformedPolicyException;
import dev.warden.core.policy.Policy;
import dev.warden.core.policy.PolicyKind;
import dev.warden.core.policy.PolicyParser;
import dev.warden.core.policy.Statement;
import dev.warden.core.policy.StatementIndex;
import dev.warden.core.simulate.BatchSimulation;
import dev.warden.spi.AuthorizationRequest;
import dev.warden.spi.ContextValue;
import dev.warden.spi.Decision;
import dev.warden.spi.PolicyType;
import dev.warden.spi.Principal;
import dev.warden.spi.StatementRef;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;

/**
 * Mutation fuzzing of the policy parser, compiler, evaluator and batch simulation. Every policy document of the
 * conformance corpus (the hand-written cases, the oracle's smoke cases and a sample of the generated cases) is a
 * seed; each input applies one to four random mutations to a seed (character deletions and insertions, JSON
 * punctuation, random unicode, swapped values, values of the wrong type, duplicate keys, truncation, deep nesting,
 * strings beyond the size quota, random operator names, random CIDRs, dates and numbers, ...). For every input:
 * <ul>
 *   <li>{@link PolicyParser#parse(String, PolicyKind)} under several kinds either returns a policy or throws
 *       {@link MalformedPolicyException} with a known error code, a valid JSON pointer (that names an element of
 *       the document when the document is JSON) and a reason; any other throwable is a failure;</li>
 *   <li>a policy that parses compiles, and evaluating requests against it (with context values for its condition
 *       keys, well-formed and not) neither throws nor fails to explain itself;</li>
 *   <li>through {@link BatchSimulation#evaluateLine}, a case carrying the input gets a decision exactly when the
 *       parser accepts the input, and otherwise the parser's error, word for word, never an internal error.</li>
 * </ul>
 * Deterministic: the run's seed is {@code warden.fuzz.seed} (default {@value #DEFAULT_SEED}), each input has its own
 * seed drawn from it, printed with every failure; {@code -Dwarden.fuzz.replay=SEED} replays one input and prints it.
 */
class PolicyMutationFuzzTest {

    private static final long DEFAULT_SEED = 20261123L;
    private static final long SEED = Long.getLong("warden.fuzz.seed", DEFAULT_SEED);
    private static final int INPUTS = Integer.getInteger("warden.fuzz.inputs", 100_000);
    private static final String REPLAY = System.getProperty("warden.fuzz.replay");
    private static final int REPORTED = 20;

    /** Strict like the product's readers: what "the document is JSON" means for the pointer check. */
    private static final JsonMapper STRICT = JsonMapper.builder(JsonFactory.builder()
                    .disable(JsonFactory.Feature.CANONICALIZE_FIELD_NAMES).build())
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .build();
    private static final JsonMapper LENIENT = JsonMapper.builder(JsonFactory.builder()
            .disable(JsonFactory.Feature.CANONICALIZE_FIELD_NAMES).build()).build();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final BatchSimulation BATCH = new BatchSimulation(false);

    private static final String ACCOUNT = "111122223333";
    private static final String USER = "arn:aws:iam::111122223333:user/alice";
    private static final String SESSION = "arn:aws:sts::111122223333:assumed-role/AppRole/app-session";
    private static final String ROLE_RESOURCE = "arn:aws:iam::111122223333:role/AppRole";
    private static final String[] PRINCIPALS = {USER, SESSION, "arn:aws:iam::111122223333:root",
        "arn:aws:iam::444455556666:user/bob", "arn:aws:sts::444455556666:assumed-role/Partner/p",
        "arn:aws:sts::111122223333:federated-user/carol", "arn:aws:iam::111122223333:role/AppRole",
        "lambda.amazonaws.com", "anonymous", "arn:aws:ec2:us-east-1:111122223333:instance/i-1"};
    private static final String[] ACTIONS = {"s3:GetObject", "s3:PutObject", "orders:GetOrder", "sts:AssumeRole",
        "sts:GetCallerIdentity", "kms:Decrypt", "kms:CreateAlias", "iam:CreatePolicyVersion", "iam:PassRole",
        "ec2:RunInstances", "dynamodb:PutItem"};
    private static final String[] RESOURCES = {"*", "arn:aws:s3:::example-bucket/reports/q1.csv", "arn:aws:s3:::b",
        "arn:aws:orders:us-east-1:111122223333:order/7", ROLE_RESOURCE,
        "arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab",
        "arn:aws:kms:us-east-1:111122223333:alias/aws/s3", "arn:aws:iam::aws:policy/ReadOnlyAccess",
        "arn:aws:orders:us-east-1:444455556666:order/*?", "arn:aws-cn:s3:::caf\u00e9/\u2603"};
    private static final String[] ELEMENTS = {"Version", "Id", "Statement", "Sid", "Effect", "Principal",
        "NotPrincipal", "Action", "NotAction", "Resource", "NotResource", "Condition", "AWS", "Service", "Federated",
        "CanonicalUser", "effect", "STATEMENT", "", "Statement ", "a/b", "~0", "x~y/z"};
    private static final String[] OPERATORS = {"StringEquals", "StringNotEquals", "StringEqualsIgnoreCase",
        "StringNotEqualsIgnoreCase", "StringLike", "StringNotLike", "NumericEquals", "NumericNotEquals",
        "NumericLessThan", "NumericLessThanEquals", "NumericGreaterThan", "NumericGreaterThanEquals", "DateEquals",
        "DateNotEquals", "DateLessThan", "DateLessThanEquals", "DateGreaterThan", "DateGreaterThanEquals", "Bool",
        "BinaryEquals", "IpAddress", "NotIpAddress", "ArnEquals", "ArnLike", "ArnNotEquals", "ArnNotLike", "Null"};
    private static final String[] KEYS = {"aws:SourceIp", "aws:CurrentTime", "aws:EpochTime", "aws:username",
        "aws:PrincipalArn", "aws:TagKeys", "aws:MultiFactorAuthAge", "aws:SecureTransport", "aws:PrincipalTag/team",
        "s3:max-keys", "aws:SourceArn", "kms:GrantOperations", "", "AWS:sourceip", "x/y~z", "aws:RequestTag/${aws:username}"};

    /** A policy document from the corpus and the kind it plays there. */
    record Seed(String text, PolicyKind kind, JsonNode tree) {
    }

    /** What the parser made of one input under one kind. */
    record Parsed(Policy policy, MalformedPolicyException refusal) {
    }

    @Test
    void mutatedPoliciesAreRefusedPreciselyOrParseCompileAndEvaluate() {
        List<Seed> seeds = seeds();
        assertThat(seeds).hasSizeGreaterThan(1000);
        Random master = new Random(SEED);
        Run run = new Run();
        long start = System.nanoTime();
        // The loop runs on a thread of its own: Jackson fills in a stack trace for every refused document, and
        // the shallow stack of a fresh thread (rather than JUnit's) makes that several times cheaper.
        Thread fuzzer = new Thread(() -> {
            if (REPLAY != null) {
                long seed = Long.decode(REPLAY);
                Input input = input(seeds, seed);
                System.out.println("replay " + REPLAY + " " + input.kind + " " + input.mutations + "\n" + input.text);
                run.check(0, seed, input);
            } else {
                for (int i = 0; i < INPUTS; i++) {
                    long seed = master.nextLong();
                    run.check(i, seed, input(seeds, seed));
                }
            }
        }, "policy-fuzzer");
        fuzzer.setUncaughtExceptionHandler((t, e) -> run.crash = e);
        fuzzer.start();
        try {
            fuzzer.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
        assertThat(run.crash).as("the fuzz loop itself must not die").isNull();
        double seconds = (System.nanoTime() - start) / 1e9;
        int inputs = REPLAY != null ? 1 : INPUTS;
        System.out.printf(Locale.ROOT, "PolicyMutationFuzzTest: seed %d, %d seeds, %d inputs in %.1f s (%.0f inputs/s); "
                        + "%d characters on average; parses %d (accepted %d, refused %d: %s), evaluations %d, batch cases %d%n",
                SEED, seeds.size(), inputs, seconds, inputs / seconds, run.characters / inputs, run.parses, run.accepted,
                run.parses - run.accepted, run.refusalCodes, run.evaluations, run.batchCases);

        assertThat(run.failures)
                .as("%d of %d fuzz inputs failed (run seed %d; replay one with -Dwarden.fuzz.replay=SEED); first %d:%n%s",
                        run.failureCount, inputs, SEED, run.failures.size(), String.join("\n\n", run.failures))
                .isEmpty();
        if (REPLAY == null) {
            assertThat(run.accepted).as("some mutated inputs must still parse").isGreaterThan(inputs / 20);
            assertThat(run.parses - run.accepted).as("most mutated inputs are refused").isGreaterThan(inputs / 2);
        }
    }

    // ------------------------------------------------------------------------------------------------ checking

    /** The checks of every input, and what they found. */
    private static final class Run {
        final List<String> failures = new ArrayList<>();
        volatile Throwable crash;
        int failureCount;
        long parses;
        long accepted;
        long evaluations;
        long batchCases;
        long characters;
        final Map<String, Integer> refusalCodes = new TreeMap<>();

        void check(int index, long seed, Input input) {
            characters += input.text.length();
            Random r = new Random(seed ^ 0x9E3779B97F4A7C15L);
            Set<PolicyKind> kinds = new LinkedHashSet<>();
            kinds.add(input.kind);
            kinds.add(PolicyKind.values()[r.nextInt(PolicyKind.values().length)]);
            if (r.nextInt(3) == 0) {
                kinds.add(PolicyKind.values()[r.nextInt(PolicyKind.values().length)]);
            }
            JsonNode tree = strictTree(input.text);
            Map<PolicyKind, Parsed> results = new LinkedHashMap<>();
            for (PolicyKind kind : kinds) {
                Parsed parsed = parse(index, seed, input, kind, tree);
                if (parsed == null) {
                    return;
                }
                results.put(kind, parsed);
                if (parsed.policy != null && !evaluate(index, seed, input, kind, parsed.policy, r)) {
                    return;
                }
            }
            PolicyKind batchKind = r.nextBoolean() ? input.kind : BATCH_KINDS[r.nextInt(BATCH_KINDS.length)];
            Parsed expected = results.containsKey(batchKind) ? results.get(batchKind) : parse(index, seed, input, batchKind, tree);
            if (expected != null) {
                batch(index, seed, input, batchKind, expected, tree);
            }
        }

        /** The parser's answer, checked; {@code null} after a failure. */
        private Parsed parse(int index, long seed, Input input, PolicyKind kind, JsonNode tree) {
            parses++;
            try {
                Policy policy = PolicyParser.parse(input.text, kind);
                accepted++;
                return new Parsed(policy, null);
            } catch (MalformedPolicyException e) {
                refusalCodes.merge(e.errorCode(), 1, Integer::sum);
                String problem = refusalProblem(e, tree);
                if (problem != null) {
                    fail(index, seed, input, kind, "parse", problem, null);
                    return null;
                }
                return new Parsed(null, e);
            } catch (Throwable t) {
                fail(index, seed, input, kind, "parse", "threw " + t, t);
                return null;
            }
        }

        private boolean evaluate(int index, long seed, Input input, PolicyKind kind, Policy policy, Random r) {
            try {
                CompiledPolicy compiled = CompiledPolicy.compile(policy, "fuzz", typeOf(kind));
                for (int i = 0; i < 3; i++) {
                    AuthorizationRequest request = request(policy, kind, r);
                    EvaluationInput in = place(compiled, kind, r);
                    Evaluation evaluation = Evaluator.evaluate(request, in);
                    evaluations++;
                    String problem = explanationProblem(request, evaluation);
                    if (problem != null) {
                        fail(index, seed, input, kind, "evaluate", problem + " for " + request, null);
                        return false;
                    }
                }
                return true;
            } catch (Throwable t) {
                fail(index, seed, input, kind, "compile/evaluate", "threw " + t, t);
                return false;
            }
        }

        /** The batch must refuse, with the parser's words, exactly what the parser refuses. */
        private void batch(int index, long seed, Input input, PolicyKind kind, Parsed expected, JsonNode tree) {
            try {
                ObjectNode asText = batchCase(index, kind, TextNode.valueOf(input.text));
                batchCases++;
                ObjectNode result = BATCH.evaluateLine(LENIENT.writeValueAsString(asText), index + 1);
                JsonNode decision = result.get("decision");
                String error = result.path("error").asText(null);
                if (expected.refusal != null) {
                    String want = "policy.errors: " + field(kind) + ": " + expected.refusal.getMessage();
                    if (decision != null && !decision.isNull()) {
                        fail(index, seed, input, kind, "batch", "refused policy got decision " + decision, null);
                    } else if (!want.equals(error)) {
                        fail(index, seed, input, kind, "batch", "error '" + clip(error) + "', parser said '" + clip(want) + "'", null);
                    }
                } else if (decision == null || decision.isNull()) {
                    fail(index, seed, input, kind, "batch", "accepted policy got no decision: " + clip(error), null);
                }
                if (tree != null && index % 3 == 0) {
                    // The same document embedded as JSON: never an internal error, and malformed stays malformed.
                    ObjectNode asJson = batchCase(index, kind, tree);
                    batchCases++;
                    ObjectNode embedded = BATCH.evaluateLine(LENIENT.writeValueAsString(asJson), index + 1);
                    String embeddedError = embedded.path("error").asText("");
                    boolean decided = embedded.hasNonNull("decision");
                    if (embeddedError.startsWith("internal error")) {
                        fail(index, seed, input, kind, "batch (embedded)", embeddedError, null);
                    } else if (expected.refusal != null && decided
                            && expected.refusal.errorCode().equals(MalformedPolicyException.MALFORMED)) {
                        fail(index, seed, input, kind, "batch (embedded)", "malformed as text ("
                                + clip(expected.refusal.getMessage()) + ") but decided as JSON", null);
                    }
                }
            } catch (Throwable t) {
                fail(index, seed, input, kind, "batch", "threw " + t, t);
            }
        }

        private void fail(int index, long seed, Input input, PolicyKind kind, String stage, String what, Throwable t) {
            failureCount++;
            if (failures.size() < REPORTED) {
                String where = "";
                if (t != null && t.getStackTrace().length > 0) {
                    StringBuilder trace = new StringBuilder();
                    for (int i = 0; i < Math.min(6, t.getStackTrace().length); i++) {
                        trace.append("\n      at ").append(t.getStackTrace()[i]);
                    }
                    where = trace.toString();
                }
                failures.add(String.format(Locale.ROOT, "#%d seed=%d (-Dwarden.fuzz.replay=%d) kind=%s stage=%s mutations=%s%n"
                                + "    %s%s%n    input: %s", index, seed, seed, kind, stage, input.mutations, what, where,
                        clip(input.text)));
            }
        }
    }

    /** Why an evaluation does not explain itself consistently, or {@code null}. */
    private static String explanationProblem(AuthorizationRequest request, Evaluation evaluation) {
        Decision decision = evaluation.decision();
        List<StatementRef> cited = decision.decidingStatements();
        Map<PolicyType, String> results = evaluation.resultsByType();
        if (decision.reason().isEmpty() || evaluation.toString().isEmpty()) {
            return "empty reason";
        }
        switch (decision.outcome()) {
            case EXPLICITLY_DENIED -> {
                if (cited.isEmpty() || !cited.stream().allMatch(StatementRef::deny)) {
                    return "explicit deny citing " + cited;
                }
                if (!results.containsValue("ExplicitlyDenied")) {
                    return "explicit deny but results " + results;
                }
            }
            case ALLOWED -> {
                if (cited.stream().anyMatch(StatementRef::deny)) {
                    return "allow citing a deny: " + cited;
                }
                if (cited.isEmpty() && request.principal().kind() != Principal.Kind.ROOT
                        && !request.action().equalsIgnoreCase("sts:GetCallerIdentity")) {
                    return "allow citing no statement";
                }
                if (results.containsValue("ExplicitlyDenied")) {
                    return "allowed but results " + results;
                }
            }
            case IMPLICITLY_DENIED -> {
                if (!cited.isEmpty() || results.containsValue("ExplicitlyDenied")) {
                    return "implicit deny citing " + cited + ", results " + results;
                }
            }
        }
        return null;
    }

    /** Why a refusal is not a precise one, or {@code null}. */
    private static String refusalProblem(MalformedPolicyException e, JsonNode tree) {
        if (!MalformedPolicyException.MALFORMED.equals(e.errorCode())
                && !MalformedPolicyException.LIMIT_EXCEEDED.equals(e.errorCode())) {
            return "unknown error code " + e.errorCode();
        }
        String pointer = e.pointer();
        if (pointer == null || !(pointer.isEmpty() || pointer.charAt(0) == '/')) {
            return "not a JSON pointer: '" + pointer + "'";
        }
        for (int i = 0; i < pointer.length(); i++) {
            if (pointer.charAt(i) == '~' && (i + 1 == pointer.length() || "01".indexOf(pointer.charAt(i + 1)) < 0)) {
                return "badly escaped JSON pointer: '" + pointer + "'";
            }
        }
        if (e.reason() == null || e.reason().isBlank()) {
            return "no reason";
        }
        if (!e.getMessage().equals(e.errorCode() + " at " + (pointer.isEmpty() ? "/" : pointer) + ": " + e.reason())) {
            return "message '" + clip(e.getMessage()) + "' does not say code, pointer and reason";
        }
        if (tree != null && e.errorCode().equals(MalformedPolicyException.MALFORMED) && tree.at(pointer).isMissingNode()) {
            return "pointer '" + pointer + "' names nothing in the document (" + clip(e.reason()) + ")";
        }
        return null;
    }

    private static JsonNode strictTree(String text) {
        try {
            JsonNode tree = STRICT.readTree(text);
            return tree == null || tree.isMissingNode() ? null : tree;
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    // ------------------------------------------------------------------------------------------ evaluation input

    private static final PolicyKind[] BATCH_KINDS = {PolicyKind.ROLE_INLINE, PolicyKind.MANAGED, PolicyKind.SESSION,
        PolicyKind.SERVICE_CONTROL, PolicyKind.RESOURCE_CONTROL, PolicyKind.RESOURCE, PolicyKind.TRUST,
        PolicyKind.VPC_ENDPOINT};
    private static final StatementIndex ALLOW_ALL = StatementIndex.of(compiled(
            "{\"Version\":\"2012-10-17\",\"Statement\":{\"Effect\":\"Allow\",\"Action\":\"*\",\"Resource\":\"*\"}}",
            PolicyKind.ROLE_INLINE, PolicyType.IDENTITY));

    private static CompiledPolicy compiled(String text, PolicyKind kind, PolicyType type) {
        try {
            return CompiledPolicy.parse(text, kind, "allow-all", type);
        } catch (MalformedPolicyException e) {
            throw new AssertionError(e);
        }
    }

    private static PolicyType typeOf(PolicyKind kind) {
        return switch (kind) {
            case USER_INLINE, GROUP_INLINE, ROLE_INLINE, MANAGED -> PolicyType.IDENTITY;
            case SESSION -> PolicyType.SESSION;
            case TRUST, RESOURCE -> PolicyType.RESOURCE;
            case SERVICE_CONTROL -> PolicyType.SERVICE_CONTROL;
            case RESOURCE_CONTROL -> PolicyType.RESOURCE_CONTROL;
            case VPC_ENDPOINT -> PolicyType.VPC_ENDPOINT;
        };
    }

    /** The fuzzed policy in the place its kind takes, next to policies that let evaluation get that far. */
    private static EvaluationInput place(CompiledPolicy policy, PolicyKind kind, Random r) {
        StatementIndex index = StatementIndex.of(policy);
        StatementIndex identity = r.nextInt(4) == 0 ? null : ALLOW_ALL;
        return switch (kind) {
            case USER_INLINE, GROUP_INLINE, ROLE_INLINE -> EvaluationInput.identity(r.nextBoolean()
                    ? index : StatementIndex.of(policy, ALLOW_ALL.policies().get(0)));
            case MANAGED -> r.nextBoolean() ? EvaluationInput.identity(index)
                    : new EvaluationInput(identity, index, null, null, null, null, null);
            case SESSION -> new EvaluationInput(identity, null, index, null, null, null, null);
            case TRUST, RESOURCE -> new EvaluationInput(identity, r.nextBoolean() ? ALLOW_ALL : null, null, null, null, index, null);
            case SERVICE_CONTROL -> new EvaluationInput(identity, null, null, List.of(ALLOW_ALL, index), null, null, null);
            case RESOURCE_CONTROL -> new EvaluationInput(identity, null, null, null, List.of(index), null, null);
            case VPC_ENDPOINT -> new EvaluationInput(identity, null, null, null, null, null, index);
        };
    }

    /** A request on one of the policy's own actions and resources, with values for its condition keys. */
    private static AuthorizationRequest request(Policy policy, PolicyKind kind, Random r) {
        String principal = kind == PolicyKind.SESSION && r.nextBoolean() ? SESSION : PRINCIPALS[r.nextInt(PRINCIPALS.length)];
        List<String> actions = new ArrayList<>();
        List<String> resources = new ArrayList<>();
        List<Statement.Condition> conditions = new ArrayList<>();
        for (Statement s : policy.statements()) {
            actions.addAll(s.actions());
            if (s.resources() != null) {
                resources.addAll(s.resources());
            }
            conditions.addAll(s.conditions());
        }
        String action = r.nextBoolean() && !actions.isEmpty()
                ? concrete(actions.get(r.nextInt(actions.size())), r) : ACTIONS[r.nextInt(ACTIONS.length)];
        if (!action.matches("[^:]+:[^:]+")) {
            action = ACTIONS[r.nextInt(ACTIONS.length)];
        }
        String resource = kind == PolicyKind.TRUST ? ROLE_RESOURCE : r.nextBoolean() && !resources.isEmpty()
                ? concrete(resources.get(r.nextInt(resources.size())), r) : RESOURCES[r.nextInt(RESOURCES.length)];
        Principal caller = principal.equals("anonymous") ? Principal.anonymous() : Principal.of(principal);
        AuthorizationRequest.Builder builder = AuthorizationRequest.builder(caller, action, resource.isEmpty() ? "*" : resource);
        if (r.nextInt(4) == 0) {
            builder.resourceAccount(r.nextBoolean() ? ACCOUNT : "444455556666");
        }
        for (Statement.Condition condition : conditions) {
            int choice = r.nextInt(6);
            if (choice == 0) {
                continue;
            }
            List<String> values = new ArrayList<>();
            if (choice == 1 && !condition.values().isEmpty()) {
                values.add(condition.values().get(r.nextInt(condition.values().size())));
            } else {
                values.add(Values.any(r));
            }
            if (choice >= 4) {
                int more = r.nextInt(4);
                for (int i = 0; i < more; i++) {
                    values.add(Values.any(r));
                }
                builder.context(condition.key(), ContextValue.ofSet(r.nextInt(8) == 0 ? List.of() : values));
            } else {
                builder.context(condition.key(), ContextValue.of(values.get(0)));
            }
        }
        if (r.nextInt(3) == 0) {
            builder.context(KEYS[r.nextInt(KEYS.length)], Values.any(r));
        }
        return builder.build();
    }

    /** {@code pattern} with its wildcards filled in (or, sometimes, left in). */
    private static String concrete(String pattern, Random r) {
        if (r.nextInt(5) == 0) {
            return pattern;
        }
        return pattern.replace("*", r.nextBoolean() ? "" : "x/y").replace('?', 'q');
    }

    private static String field(PolicyKind kind) {
        return switch (kind) {
            case SESSION -> "sessionPolicy";
            case MANAGED -> "permissionBoundaries[0]";
            case SERVICE_CONTROL -> "scps[0][0]";
            case RESOURCE_CONTROL -> "rcps[0][0]";
            case RESOURCE, TRUST -> "resourcePolicy";
            case VPC_ENDPOINT -> "vpcEndpointPolicies[0]";
            default -> "identityPolicies[0]";
        };
    }

    /** A batch case that carries {@code policy} in the field of {@code kind}. */
    private static ObjectNode batchCase(int index, PolicyKind kind, JsonNode policy) {
        ObjectNode c = NODES.objectNode();
        c.put("id", index);
        c.put("principal", kind == PolicyKind.SESSION ? SESSION : USER);
        c.put("action", kind == PolicyKind.TRUST ? "sts:AssumeRole" : "s3:GetObject");
        c.put("resource", kind == PolicyKind.TRUST ? ROLE_RESOURCE : "arn:aws:s3:::example-bucket/reports/q1.csv");
        String field = field(kind);
        switch (kind) {
            case SESSION -> c.set("sessionPolicy", policy);
            case RESOURCE, TRUST -> c.set("resourcePolicy", policy);
            case SERVICE_CONTROL, RESOURCE_CONTROL -> c.putArray(field.substring(0, 4)).addArray().add(policy);
            default -> c.putArray(field.substring(0, field.indexOf('['))).add(policy);
        }
        return c;
    }

    // ------------------------------------------------------------------------------------------------ mutation

    /** One fuzz input: the mutated text, the kind of its seed and what was done to it. */
    record Input(String text, PolicyKind kind, List<String> mutations) {
    }

    private static Input input(List<Seed> seeds, long seed) {
        Random r = new Random(seed);
        Seed from = seeds.get(r.nextInt(seeds.size()));
        List<String> done = new ArrayList<>();
        String text = from.text;
        if (r.nextInt(10) < 3 && from.tree != null) {
            // Gentle: one change that keeps the document mostly valid, so that compiling and evaluating get work.
            JsonNode tree = from.tree.deepCopy();
            TreeMutation.gentle(tree, r, done);
            return new Input(tree.toString(), from.kind, done);
        }
        int treeMutations = r.nextInt(3) == 0 ? 0 : 1 + r.nextInt(2);
        if (treeMutations > 0) {
            JsonNode tree = from.tree == null ? null : from.tree.deepCopy();
            if (tree != null) {
                for (int i = 0; i < treeMutations; i++) {
                    tree = TreeMutation.apply(tree, r, done);
                }
                text = tree.toString();
            }
        }
        int textMutations = done.isEmpty() || r.nextInt(3) == 0 ? 1 + r.nextInt(2) : 0;
        for (int i = 0; i < textMutations; i++) {
            text = TextMutation.apply(text, r, done);
        }
        return new Input(text, from.kind, done);
    }

    /** Mutations of the parsed document. */
    private static final class TreeMutation {

        /** A place in the tree: an object member or an array entry. */
        record Slot(JsonNode parent, String name, int index) {
            JsonNode get() {
                return name != null ? parent.get(name) : parent.get(index);
            }

            void set(JsonNode value) {
                if (name != null) {
                    ((ObjectNode) parent).set(name, value);
                } else {
                    ((ArrayNode) parent).set(index, value);
                }
            }
        }

        /** A change to a condition, a resource, an action or a principal that often leaves the policy valid. */
        static void gentle(JsonNode tree, Random r, List<String> done) {
            List<Slot> strings = new ArrayList<>();
            List<Slot> slots = new ArrayList<>();
            collect(tree, slots);
            for (Slot slot : slots) {
                if (slot.get().isTextual() && !"Version".equals(slot.name) && !"Effect".equals(slot.name)) {
                    strings.add(slot);
                }
            }
            if (r.nextBoolean() || strings.isEmpty()) {
                done.add("gentle:condition(" + condition(tree, r, true) + ")");
                return;
            }
            Slot slot = strings.get(r.nextInt(strings.size()));
            String old = slot.get().textValue();
            String value = switch (r.nextInt(4)) {
                case 0 -> old.startsWith("arn:") ? Values.arn(r) : Values.any(r);
                case 1 -> old + Values.variable(r);
                case 2 -> old.replace(r.nextBoolean() ? "*" : "/", r.nextBoolean() ? "?" : "*/");
                default -> old.isEmpty() ? "*" : old.substring(0, r.nextInt(old.length())) + "*";
            };
            slot.set(TextNode.valueOf(value));
            done.add("gentle:string(" + describe(slot) + ")");
        }

        static JsonNode apply(JsonNode tree, Random r, List<String> done) {
            List<Slot> slots = new ArrayList<>();
            collect(tree, slots);
            if (slots.isEmpty()) {
                done.add("tree:replace-root");
                return Values.wrongType(r);
            }
            Slot slot = slots.get(r.nextInt(slots.size()));
            switch (r.nextInt(11)) {
                case 0 -> {
                    Slot other = slots.get(r.nextInt(slots.size()));
                    JsonNode a = slot.get().deepCopy();
                    JsonNode b = other.get().deepCopy();
                    slot.set(b);
                    other.set(a); // when one slot lies inside the other, this rewrites a detached or replaced subtree
                    done.add("tree:swap(" + describe(slot) + "," + describe(other) + ")");
                }
                case 1, 2 -> {
                    slot.set(Values.wrongType(r));
                    done.add("tree:wrong-type(" + describe(slot) + ")");
                }
                case 3 -> {
                    if (slot.name != null) {
                        ObjectNode parent = (ObjectNode) slot.parent;
                        JsonNode value = parent.remove(slot.name);
                        String name = r.nextBoolean() ? ELEMENTS[r.nextInt(ELEMENTS.length)] : OPERATORS[r.nextInt(OPERATORS.length)];
                        parent.set(r.nextInt(4) == 0 ? Values.operator(r) : name, value);
                        done.add("tree:rename(" + slot.name + ")");
                    } else {
                        ((ArrayNode) slot.parent).remove(slot.index);
                        done.add("tree:remove(" + describe(slot) + ")");
                    }
                }
                case 4, 5 -> done.add("tree:condition(" + condition(tree, r, false) + ")");
                case 6 -> {
                    int depth = 1 + r.nextInt(r.nextInt(10) == 0 ? 400 : 12);
                    JsonNode value = slot.get();
                    for (int i = 0; i < depth; i++) {
                        value = r.nextBoolean() ? NODES.arrayNode().add(value) : NODES.objectNode().set(Values.key(r), value);
                    }
                    slot.set(value);
                    done.add("tree:nest(" + describe(slot) + "," + depth + ")");
                }
                case 7 -> {
                    if (r.nextInt(3) == 0) {
                        slot.set(TextNode.valueOf(Values.huge(r)));
                        done.add("tree:huge(" + describe(slot) + ")");
                    } else {
                        slot.set(TextNode.valueOf(Values.any(r)));
                        done.add("tree:value(" + describe(slot) + ")");
                    }
                }
                case 8 -> {
                    slot.set(TextNode.valueOf(r.nextBoolean() ? Values.arn(r) : Values.variable(r)));
                    done.add("tree:arn-or-variable(" + describe(slot) + ")");
                }
                case 9 -> {
                    if (slot.name != null && r.nextBoolean()) {
                        ((ObjectNode) slot.parent).set(Values.key(r), slot.get().deepCopy());
                    } else if (slot.get().isArray()) {
                        ((ArrayNode) slot.get()).add(((ArrayNode) slot.get()).isEmpty() ? Values.wrongType(r)
                                : slot.get().get(0).deepCopy());
                    } else {
                        slot.set(NODES.arrayNode().add(slot.get().deepCopy()).add(Values.wrongType(r)));
                    }
                    done.add("tree:grow(" + describe(slot) + ")");
                }
                default -> {
                    slot.set(TextNode.valueOf(Values.any(r)));
                    done.add("tree:value(" + describe(slot) + ")");
                }
            }
            return tree;
        }

        /** Adds or rewrites a condition: random operator names, keys and values. */
        private static String condition(JsonNode tree, Random r, boolean wellFormed) {
            List<ObjectNode> statements = new ArrayList<>();
            JsonNode s = tree.get("Statement");
            if (s != null && s.isObject()) {
                statements.add((ObjectNode) s);
            } else if (s != null && s.isArray()) {
                for (JsonNode n : s) {
                    if (n.isObject()) {
                        statements.add((ObjectNode) n);
                    }
                }
            }
            if (statements.isEmpty()) {
                return "none";
            }
            ObjectNode statement = statements.get(r.nextInt(statements.size()));
            JsonNode existing = statement.get("Condition");
            ObjectNode condition = existing != null && existing.isObject() && r.nextBoolean()
                    ? (ObjectNode) existing : statement.putObject("Condition");
            String operator = wellFormed ? new String[] {"", "ForAllValues:", "ForAnyValue:"}[r.nextInt(3)]
                    + OPERATORS[r.nextInt(OPERATORS.length)] + (r.nextInt(4) == 0 ? "IfExists" : "") : Values.operator(r);
            ObjectNode keys = condition.putObject(operator);
            int n = 1 + r.nextInt(2);
            for (int i = 0; i < n; i++) {
                String key = r.nextInt(wellFormed ? 20 : 3) == 0 ? Values.key(r) : KEYS[r.nextInt(KEYS.length)];
                int count = wellFormed ? 1 + r.nextInt(3) : r.nextInt(4);
                if (count == 1) {
                    keys.set(key, Values.conditionValue(operator, r, wellFormed));
                } else {
                    ArrayNode values = keys.putArray(key);
                    for (int j = 0; j < count; j++) {
                        values.add(Values.conditionValue(operator, r, wellFormed));
                    }
                }
            }
            return operator;
        }

        private static void collect(JsonNode node, List<Slot> slots) {
            if (node.isObject()) {
                for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
                    String name = names.next();
                    slots.add(new Slot(node, name, -1));
                    collect(node.get(name), slots);
                }
            } else if (node.isArray()) {
                for (int i = 0; i < node.size(); i++) {
                    slots.add(new Slot(node, null, i));
                    collect(node.get(i), slots);
                }
            }
        }

        private static String describe(Slot slot) {
            return slot.name != null ? slot.name : "[" + slot.index + "]";
        }
    }

    /** Mutations of the text. */
    private static final class TextMutation {
        private static final String PUNCTUATION = "{}[]:,\"\\ \t\n0-.eE";

        static String apply(String text, Random r, List<String> done) {
            StringBuilder s = new StringBuilder(text);
            int at = s.length() == 0 ? 0 : r.nextInt(s.length() + 1);
            switch (r.nextInt(12)) {
                case 0 -> {
                    int n = 1 + r.nextInt(r.nextInt(6) == 0 ? 40 : 3);
                    int from = Math.min(at, s.length());
                    s.delete(from, Math.min(s.length(), from + n));
                    done.add("text:delete(" + from + "," + n + ")");
                }
                case 1, 2 -> {
                    int n = 1 + r.nextInt(4);
                    for (int i = 0; i < n; i++) {
                        s.insert(r.nextInt(s.length() + 1), PUNCTUATION.charAt(r.nextInt(PUNCTUATION.length())));
                    }
                    done.add("text:punctuation(" + n + ")");
                }
                case 3 -> {
                    s.insert(at, Values.unicode(r, 1 + r.nextInt(4)));
                    done.add("text:unicode(" + at + ")");
                }
                case 4 -> {
                    s.setLength(Math.min(at, s.length()));
                    done.add("text:truncate(" + at + ")");
                }
                case 5 -> {
                    int brace = s.indexOf("{", r.nextInt(s.length() + 1));
                    if (brace < 0) {
                        brace = s.indexOf("{");
                    }
                    int q1 = brace < 0 ? -1 : s.indexOf("\"", brace);
                    int q2 = q1 < 0 ? -1 : s.indexOf("\"", q1 + 1);
                    if (q2 > 0) {
                        String key = s.substring(q1, q2 + 1);
                        s.insert(brace + 1, key + ":" + Values.wrongType(r) + ",");
                        done.add("text:duplicate-key(" + key + ")");
                    } else {
                        s.insert(at, "\"Effect\":\"Allow\",");
                        done.add("text:stray-member");
                    }
                }
                case 6 -> {
                    int depth = r.nextInt(4) > 0 ? 1 + r.nextInt(50) : new int[] {499, 500, 501, 999, 1000, 1001, 2000, 20_000}[r.nextInt(8)];
                    String open = r.nextBoolean() ? "[" : "{\"a\":";
                    String close = open.equals("[") ? "]" : "}";
                    s.insert(Math.min(at, s.length()), open.repeat(depth) + (r.nextBoolean() ? "1" + close.repeat(depth) : ""));
                    done.add("text:nest(" + depth + ")");
                }
                case 7 -> {
                    int a = r.nextInt(s.length() + 1);
                    int b = Math.min(s.length(), a + r.nextInt(30));
                    String chunk = s.substring(a, b);
                    s.insert(r.nextInt(s.length() + 1), chunk.repeat(1 + r.nextInt(3)));
                    done.add("text:repeat(" + a + "," + (b - a) + ")");
                }
                case 8 -> {
                    if (s.length() > 0) {
                        int i = Math.min(at, s.length() - 1);
                        s.setCharAt(i, (char) (s.charAt(i) ^ (1 << r.nextInt(16))));
                        done.add("text:flip(" + i + ")");
                    }
                }
                case 9 -> {
                    String number = Values.numberLiteral(r);
                    int colon = s.indexOf(":", at);
                    if (colon < 0) {
                        s.insert(at, number);
                    } else {
                        int end = colon + 1;
                        while (end < s.length() && ",}]".indexOf(s.charAt(end)) < 0) {
                            end++;
                        }
                        s.replace(colon + 1, end, number);
                    }
                    done.add("text:number(" + number + ")");
                }
                case 10 -> {
                    String ws = r.nextBoolean() ? " \t\r\n".repeat(1 + r.nextInt(r.nextInt(10) == 0 ? 3000 : 20)) : "\u00a0\u2003\u3000\u000b\u001c";
                    s.insert(at, ws);
                    done.add("text:whitespace(" + ws.length() + ")");
                }
                default -> {
                    String[] escapes = {"\\u0000", "\\uD800", "\\uDC00\\uD800", "\\x41", "\\", "\\\"", "\\u12", "\\/", "\\b\\f"};
                    String escape = escapes[r.nextInt(escapes.length)];
                    int quote = s.indexOf("\"", at);
                    s.insert(quote < 0 ? at : quote + 1, escape);
                    done.add("text:escape(" + escape + ")");
                }
            }
            return s.toString();
        }
    }

    /** Random values, well-formed and not. */
    private static final class Values {
        private static final String[] WELL_KNOWN = {"*", "", "?", "${aws:username}", "true", "false", "null", "0",
            "-1", "1.5", "203.0.113.9", "203.0.113.0/24", "2001:db8::/32", "2024-06-30T23:59:59Z", "1719791999",
            "arn:aws:iam::111122223333:user/alice", "111122223333", "AIDAEXAMPLE", "dGVzdA=="};

        static String any(Random r) {
            return switch (r.nextInt(8)) {
                case 0 -> WELL_KNOWN[r.nextInt(WELL_KNOWN.length)];
                case 1 -> cidr(r);
                case 2 -> date(r);
                case 3 -> numberText(r);
                case 4 -> arn(r);
                case 5 -> variable(r);
                case 6 -> unicode(r, r.nextInt(6));
                default -> Long.toString(r.nextLong(), 36);
            };
        }

        static JsonNode wrongType(Random r) {
            return switch (r.nextInt(11)) {
                case 0 -> NODES.numberNode(r.nextInt());
                case 1 -> NODES.numberNode(new BigInteger(1 + r.nextInt(200), r));
                case 2 -> NODES.numberNode(r.nextDouble() * Math.pow(10, r.nextInt(40) - 20));
                case 3 -> NODES.numberNode(new BigDecimal(BigInteger.valueOf(r.nextLong()), r.nextInt(800) - 400));
                case 4 -> NODES.nullNode();
                case 5 -> NODES.objectNode();
                case 6 -> NODES.objectNode().put(key(r), any(r));
                case 7 -> NODES.arrayNode();
                case 8 -> NODES.arrayNode().add(any(r)).add(NODES.nullNode()).add(NODES.arrayNode());
                case 9 -> TextNode.valueOf("");
                default -> NODES.booleanNode(r.nextBoolean());
            };
        }

        static String key(Random r) {
            return r.nextInt(3) == 0 ? ELEMENTS[r.nextInt(ELEMENTS.length)] : r.nextBoolean()
                    ? KEYS[r.nextInt(KEYS.length)] : unicode(r, r.nextInt(5));
        }

        static String operator(Random r) {
            String base = r.nextInt(8) == 0 ? unicode(r, 1 + r.nextInt(8)) : OPERATORS[r.nextInt(OPERATORS.length)];
            if (r.nextInt(4) == 0) {
                base = r.nextBoolean() ? base.toLowerCase(Locale.ROOT) : base.toUpperCase(Locale.ROOT);
            }
            String[] prefixes = {"", "", "", "ForAllValues:", "ForAnyValue:", "forallvalues:", "ForAllValues", "ForAnyValue:ForAllValues:", ":"};
            String[] suffixes = {"", "", "", "IfExists", "IfExistsIfExists", "ifexists", "IfExist", ":"};
            return prefixes[r.nextInt(prefixes.length)] + base + suffixes[r.nextInt(suffixes.length)];
        }

        /** A value that suits the operator, mostly, or does not. */
        static JsonNode conditionValue(String operator, Random r, boolean wellFormed) {
            String op = operator.toLowerCase(Locale.ROOT);
            if (r.nextInt(wellFormed ? 50 : 5) == 0) {
                return wrongType(r);
            }
            if (wellFormed && r.nextInt(3) > 0) {
                String[] good = op.contains("ipaddress") ? new String[] {"203.0.113.0/24", "10.0.0.1", "2001:db8::/32", "0.0.0.0/0"}
                        : op.contains("date") ? new String[] {"2024-06-30T23:59:59Z", "2024-06-30", "1719791999", "2024-06-30T23:59:59.123+02:00"}
                        : op.contains("numeric") ? new String[] {"0", "-1.5", "3600", "12345678901234567890"}
                        : op.contains("arn") ? new String[] {"arn:aws:iam::111122223333:user/*", "arn:aws:s3:::b/${aws:username}/*", "arn:*:*:*:*:*"}
                        : op.contains("bool") ? new String[] {"true", "false"}
                        : op.contains("null") ? new String[] {"true", "false"}
                        : op.contains("binary") ? new String[] {"dGVzdA==", "QUJD"}
                        : new String[] {"alice", "*", "a?c", "${aws:username}", "team-${aws:PrincipalTag/team}", ""};
                return TextNode.valueOf(good[r.nextInt(good.length)]);
            }
            String value;
            if (op.contains("ip")) {
                value = cidr(r);
            } else if (op.contains("date")) {
                value = date(r);
            } else if (op.contains("numeric")) {
                if (r.nextBoolean()) {
                    return NODES.numberNode(new BigDecimal(BigInteger.valueOf(r.nextInt()), r.nextInt(40) - 20));
                }
                value = numberText(r);
            } else if (op.contains("arn")) {
                value = arn(r);
            } else if (op.contains("bool") || op.contains("null")) {
                value = r.nextBoolean() ? (r.nextBoolean() ? "true" : "false") : any(r);
            } else if (op.contains("binary")) {
                value = r.nextBoolean() ? "dGVzdA==" : unicode(r, 4);
            } else {
                value = any(r);
            }
            return TextNode.valueOf(value);
        }

        static String cidr(Random r) {
            if (r.nextInt(3) == 0) {
                StringBuilder v6 = new StringBuilder();
                int groups = r.nextInt(10);
                for (int i = 0; i < groups; i++) {
                    v6.append(i == 0 ? "" : r.nextInt(6) == 0 ? "::" : ":").append(Integer.toHexString(r.nextInt(0x1FFFF)));
                }
                return v6 + (r.nextBoolean() ? "/" + (r.nextInt(140) - 5) : "");
            }
            String[] parts = new String[r.nextInt(7)];
            for (int i = 0; i < parts.length; i++) {
                parts[i] = r.nextInt(10) == 0 ? "0" + r.nextInt(99) : Integer.toString(r.nextInt(300) - 10);
            }
            String ip = String.join(".", parts);
            return switch (r.nextInt(4)) {
                case 0 -> ip;
                case 1 -> ip + "/" + (r.nextInt(40) - 2);
                case 2 -> ip + "/" + r.nextInt(33) + (r.nextBoolean() ? "/8" : "");
                default -> ip + "/" + new String[] {"", "x", "08", "+8", " 8", "4294967304"}[r.nextInt(6)];
            };
        }

        static String date(Random r) {
            return switch (r.nextInt(6)) {
                case 0 -> String.format(Locale.ROOT, "%04d-%02d-%02dT%02d:%02d:%02dZ", r.nextInt(12000), r.nextInt(15),
                        r.nextInt(35), r.nextInt(27), r.nextInt(63), r.nextInt(63));
                case 1 -> String.format(Locale.ROOT, "%04d-%02d-%02d", 1900 + r.nextInt(300), 1 + r.nextInt(12), 1 + r.nextInt(31));
                case 2 -> Long.toString(r.nextLong() >> r.nextInt(64));
                case 3 -> "2024-06-30T23:59:59" + new String[] {"", "+01:00", "-25:00", ".123456789Z", "z", "Z ", "+0100"}[r.nextInt(7)];
                case 4 -> numberText(r);
                default -> new String[] {"", "T", "2024-02-30T00:00:00Z", "2023-02-29T00:00:00Z", "9999-12-31T23:59:60Z",
                    "-0001-01-01T00:00:00Z", "+10000-01-01T00:00:00Z", "2024-06-30t23:59:59z", "2024-W26-7"}[r.nextInt(9)];
            };
        }

        static String numberText(Random r) {
            return switch (r.nextInt(7)) {
                case 0 -> Integer.toString(r.nextInt());
                case 1 -> new BigInteger(1 + r.nextInt(300), r).toString();
                case 2 -> (r.nextBoolean() ? "-" : "") + r.nextInt(1000) + "." + r.nextInt(1000);
                case 3 -> new String[] {"-0", "+1", "1.", ".5", "1e3", "1E-3", "NaN", "Infinity", "0x1F", "1_000", "--1", "1.2.3", ""}[r.nextInt(13)];
                case 4 -> "9".repeat(1 + r.nextInt(100));
                case 5 -> Double.toString(r.nextDouble() * Math.pow(10, r.nextInt(600) - 300));
                default -> Long.toString(r.nextLong());
            };
        }

        /**
         * A JSON number literal for the text, including exponents no {@code BigDecimal} holds ({@code 1e99999999999},
         * once a bare NumberFormatException out of the parser) and exponents whose plain text would take a
         * billion characters ({@code 1e999999999}, once an OutOfMemoryError).
         */
        static String numberLiteral(Random r) {
            return switch (r.nextInt(5)) {
                case 0 -> (r.nextBoolean() ? "-" : "") + r.nextInt(1000) + "e" + (r.nextInt(10) == 0
                        ? (r.nextBoolean() ? "-" : "") + new String[] {"999999999", "2147483648", "99999999999"}[r.nextInt(3)]
                        : Integer.toString(r.nextInt(800) - 400));
                case 1 -> "1" + "0".repeat(r.nextInt(1200));
                case 2 -> new String[] {"-0", "00", "01", "1.", ".5", "-", "1e", "1e+", "NaN", "Infinity", "-Infinity",
                    "0x10", "1.0E-400", "1E400", "+1"}[r.nextInt(15)];
                case 3 -> Long.toString(r.nextLong());
                default -> r.nextInt(1000) + "." + "9".repeat(1 + r.nextInt(80));
            };
        }

        static String arn(Random r) {
            int parts = r.nextInt(9);
            StringBuilder arn = new StringBuilder(r.nextInt(8) == 0 ? "ARN" : "arn");
            String[] pieces = {"aws", "aws-cn", "", "*", "iam", "s3", "sts", "us-east-1", "111122223333", "aws",
                "user/alice", "role/*", "assumed-role/R/s", "root", "?", "${aws:username}", "a:b", "\u2603", "policy/P"};
            for (int i = 0; i < parts; i++) {
                arn.append(':').append(pieces[r.nextInt(pieces.length)]);
            }
            if (r.nextInt(4) == 0) {
                arn.append("*".repeat(r.nextInt(30))).append("a?".repeat(r.nextInt(20)));
            }
            return arn.toString();
        }

        static String variable(Random r) {
            String[] variables = {"${aws:username}", "${", "${}", "${aws:username", "${*}", "${?}", "${$}", "${${x}}",
                "${aws:TagKeys}", "${aws:PrincipalTag/team}", "${ aws:username }", "${aws:username, 'default'}",
                "${aws:username,'x'}", "${aws:SourceIp, 'a'", "$${aws:username}", "${\u2603}"};
            StringBuilder s = new StringBuilder("arn:aws:s3:::bucket/");
            int n = 1 + r.nextInt(3);
            for (int i = 0; i < n; i++) {
                s.append(variables[r.nextInt(variables.length)]).append(r.nextBoolean() ? "/" : "*");
            }
            return r.nextBoolean() ? s.toString() : s.substring("arn:aws:s3:::bucket/".length());
        }

        static String huge(Random r) {
            int quota = PolicyKind.values()[r.nextInt(PolicyKind.values().length)].maxCharacters();
            int length = Math.max(1, quota - 50 + r.nextInt(quota * 2));
            char c = "a* ?$".charAt(r.nextInt(5));
            return String.valueOf(c).repeat(length);
        }

        static String unicode(Random r, int n) {
            StringBuilder s = new StringBuilder();
            for (int i = 0; i < n; i++) {
                switch (r.nextInt(8)) {
                    case 0 -> s.append((char) r.nextInt(32));
                    case 1 -> s.append((char) (0xD800 + r.nextInt(0x800)));
                    case 2 -> s.appendCodePoint(0x10000 + r.nextInt(0xFFFFF));
                    case 3 -> s.append(new char[] {'\u2028', '\u2029', '\uFEFF', '\uFFFF', '\uFFFE', '\u0000', '\u0301', '\u202E', '\u00a0'}[r.nextInt(9)]);
                    case 4 -> s.append((char) (0x80 + r.nextInt(0x780)));
                    default -> s.append((char) (32 + r.nextInt(95)));
                }
            }
            return s.toString();
        }
    }

    // --------------------------------------------------------------------------------------------------- seeds

    /** Every distinct policy document of the hand-written and smoke cases and of every 20th generated case. */
    private static List<Seed> seeds() {
        Map<String, Seed> seeds = new LinkedHashMap<>();
        read("handwritten.jsonl", 1, seeds);
        read("oracle-smoke.jsonl", 1, seeds);
        read("generated.jsonl.gz", 20, seeds);
        return new ArrayList<>(seeds.values());
    }

    private static void read(String file, int every, Map<String, Seed> seeds) {
        try (InputStream raw = PolicyMutationFuzzTest.class.getResourceAsStream("/conformance/" + file)) {
            assertThat(raw).as("corpus file %s", file).isNotNull();
            InputStream in = file.endsWith(".gz") ? new GZIPInputStream(raw) : raw;
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String line;
            int n = 0;
            while ((line = reader.readLine()) != null) {
                if (line.isBlank() || n++ % every != 0) {
                    continue;
                }
                JsonNode c = LENIENT.readTree(line);
                boolean role = c.path("resource").asText().matches("arn:[^:]*:iam::[^:]*:role/.*");
                add(seeds, c.get("identityPolicies"), PolicyKind.ROLE_INLINE);
                add(seeds, c.get("permissionBoundaries"), PolicyKind.MANAGED);
                add(seeds, c.get("vpcEndpointPolicies"), PolicyKind.VPC_ENDPOINT);
                add(seeds, c.get("scps"), PolicyKind.SERVICE_CONTROL);
                add(seeds, c.get("rcps"), PolicyKind.RESOURCE_CONTROL);
                add(seeds, c.get("resourcePolicy"), role ? PolicyKind.TRUST : PolicyKind.RESOURCE);
                add(seeds, c.get("sessionPolicy"), PolicyKind.SESSION);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Adds the policy {@code node}, or every policy of a list of them (a list of SCP levels is a list of lists). */
    private static void add(Map<String, Seed> seeds, JsonNode node, PolicyKind kind) {
        if (node == null || node.isNull()) {
            return;
        }
        if (node.isArray()) {
            for (JsonNode entry : node) {
                add(seeds, entry, kind);
            }
            return;
        }
        String text = node.isTextual() ? node.textValue() : node.toString();
        seeds.computeIfAbsent(text, t -> new Seed(t, kind, strictTree(t)));
    }

    private static String clip(String s) {
        if (s == null) {
            return "null";
        }
        return s.length() <= 400 ? s : s.substring(0, 300) + "...(" + s.length() + " chars)..." + s.substring(s.length() - 60);
    }
}
