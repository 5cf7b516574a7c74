package dev.warden.bench;

import com.cedarpolicy.BasicAuthorizationEngine;
import com.cedarpolicy.model.AuthorizationRequest;
import com.cedarpolicy.model.AuthorizationResponse;
import com.cedarpolicy.model.Context;
import com.cedarpolicy.model.entity.Entity;
import com.cedarpolicy.model.policy.PolicySet;
import com.cedarpolicy.value.DateTime;
import com.cedarpolicy.value.EntityTypeName;
import com.cedarpolicy.value.EntityUID;
import com.cedarpolicy.value.IpAddress;
import com.cedarpolicy.value.PrimString;
import com.cedarpolicy.value.Value;
import dev.warden.core.eval.EvaluationInput;
import dev.warden.core.eval.Evaluator;
import dev.warden.core.policy.CompiledPolicy;
import dev.warden.core.policy.StatementIndex;
import dev.warden.spi.Decision;
import dev.warden.spi.StatementRef;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.casbin.jcasbin.main.Enforcer;
import org.casbin.jcasbin.model.Model;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One authorization check, warm, decided by Warden and by the libraries a user would pick instead: alice
 * (10 attached policies, 100 statements) does {@code s3:GetObject} on {@code arn:aws:s3:::downloads/report.pdf} from
 * {@code 10.1.2.3} and is allowed. Everything is parsed, compiled and indexed in {@code @Setup}; each state checks
 * the expected answer once there, so every benchmark measures a correct decision. Each benchmark has its own state,
 * so a fork builds only what its benchmark needs. See {@code bench/README.md} for what each one measures.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@State(Scope.Benchmark)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class DecisionBenchmark {

    /** Policies in the directory besides alice's, for the large benchmarks. */
    static final int DIRECTORY_POLICIES = 10_000;
    /** Rules of the large jCasbin benchmark. */
    static final int CASBIN_LARGE_RULES = 10_000;

    // ---------------------------------------------------------------------------------------------------------
    // Baseline: the cheapest possible "decision", a lookup of a precomputed answer.

    private Map<String, Boolean> answers;
    private String answerKey;

    @Setup
    public void setUpBaseline() {
        answers = new HashMap<>();
        for (int i = 0; i < 1_000; i++) {
            answers.put(Policies.ALICE + "|s3:GetObject|arn:aws:s3:::downloads/file-" + i, i % 2 == 0);
        }
        String key = Policies.ALICE + "|" + Policies.ACTION + "|" + Policies.RESOURCE;
        answers.put(key, Boolean.TRUE);
        answerKey = new String(key.toCharArray()); // equal, not identical: equals() compares the characters
        if (!answers.get(answerKey)) {
            throw new IllegalStateException("baseline lookup");
        }
    }

    @Benchmark
    public Boolean hashMapLookup() {
        return answers.get(answerKey);
    }

    // ---------------------------------------------------------------------------------------------------------
    // Warden

    /** Alice's ten policies, compiled and indexed. */
    @State(Scope.Benchmark)
    public static class WardenState {
        dev.warden.spi.AuthorizationRequest request;
        EvaluationInput input;

        @Setup
        public void setUp() {
            request = Policies.request();
            input = EvaluationInput.identity(StatementIndex.of(Policies.compile(Policies.aliceDocuments())));
            expectAllowed(Evaluator.decide(request, input), Evaluator.evaluate(request, input).decision());
        }
    }

    /** Alice's ten policies and 10,000 others (100,100 statements) in one index. */
    @State(Scope.Benchmark)
    public static class LargeDirectoryState {
        dev.warden.spi.AuthorizationRequest request;
        EvaluationInput input;

        @Setup
        public void setUp() {
            request = Policies.request();
            List<CompiledPolicy> policies = new ArrayList<>(Policies.compile(Policies.aliceDocuments()));
            policies.addAll(Policies.compile(Policies.directoryDocuments(DIRECTORY_POLICIES)));
            input = EvaluationInput.identity(StatementIndex.of(policies));
            expectAllowed(Evaluator.decide(request, input), Evaluator.evaluate(request, input).decision());
            System.gc(); // leave the measurement a clean heap, not the parser's garbage
        }
    }

    /**
     * The check is right: allowed, citing the first allowing statement when deciding, and both allowing statements
     * when explaining (the explanation looks at every statement, a decision stops at the first allow).
     */
    static void expectAllowed(Decision decided, Decision explained) {
        List<String> cited = decided.decidingStatements().stream().map(StatementRef::sid).toList();
        List<String> all = explained.decidingStatements().stream().map(StatementRef::sid).toList();
        if (!decided.isAllowed() || !cited.equals(List.of("ReadDownloadsFromOffice"))
                || !all.equals(List.of("ReadDownloadsFromOffice", "DownloadsForAnalytics"))) {
            throw new IllegalStateException("Warden: expected Allowed by ReadDownloadsFromOffice (and, explained, "
                    + "DownloadsForAnalytics), got " + decided + " / " + explained);
        }
    }

    @Benchmark
    public Decision warden(WardenState s) {
        return Evaluator.decide(s.request, s.input);
    }

    @Benchmark
    public Decision wardenLargeDirectory(LargeDirectoryState s) {
        return Evaluator.decide(s.request, s.input);
    }

    // ---------------------------------------------------------------------------------------------------------
    // jCasbin

    /** An enforcer holding the translation of alice's statements (plus, when large, other rules). */
    abstract static class CasbinState {
        Enforcer enforcer;

        void build(List<List<String>> lines) {
            Model model = new Model();
            model.loadModelFromText(Policies.CASBIN_MODEL);
            enforcer = new Enforcer(model);
            // Casbin logs every request at INFO by default; a production user turns that off (so does the benchmark).
            enforcer.enableLog(false);
            enforcer.addPolicies(new ArrayList<>(new LinkedHashSet<>(lines)));
            enforcer.addGroupingPolicy(Policies.CASBIN_ALICE, Policies.casbinTeamRole(Policies.TEAM));
            if (!enforce()) {
                throw new IllegalStateException("jCasbin: expected allowed");
            }
            // and the translation is live: from a blocked network the same request is denied
            if (enforcer.enforce(Policies.CASBIN_ALICE, Policies.RESOURCE, Policies.ACTION, "192.0.2.7")) {
                throw new IllegalStateException("jCasbin: expected denied from a blocked network");
            }
        }

        boolean enforce() {
            return enforcer.enforce(Policies.CASBIN_ALICE, Policies.RESOURCE, Policies.ACTION, Policies.SOURCE_IP);
        }
    }

    @State(Scope.Benchmark)
    public static class CasbinSmallState extends CasbinState {
        int rules;

        @Setup
        public void setUp() {
            List<List<String>> lines = Policies.casbinLines(Policies.aliceDocuments());
            rules = new LinkedHashSet<>(lines).size();
            build(lines);
        }
    }

    @State(Scope.Benchmark)
    public static class CasbinLargeState extends CasbinState {
        @Setup
        public void setUp() {
            Set<List<String>> lines = new LinkedHashSet<>(Policies.casbinLines(Policies.aliceDocuments()));
            for (Policies.Doc doc : Policies.directoryDocuments(DIRECTORY_POLICIES)) {
                for (Policies.Rule rule : doc.rules()) {
                    for (List<String> line : Policies.casbinLines(rule)) {
                        if (lines.size() < CASBIN_LARGE_RULES) {
                            lines.add(line);
                        }
                    }
                }
            }
            build(new ArrayList<>(lines));
        }
    }

    @Benchmark
    public boolean jcasbin(CasbinSmallState s) {
        return s.enforce();
    }

    @Benchmark
    public boolean jcasbinLarge(CasbinLargeState s) {
        return s.enforce();
    }

    // ---------------------------------------------------------------------------------------------------------
    // cedar-java

    /** The statements as 100 Cedar policies, parsed once and cached on the Rust side ({@code PolicySet.cache()}). */
    @State(Scope.Benchmark)
    public static class CedarState {
        BasicAuthorizationEngine engine;
        PolicySet policySet;
        Set<Entity> entities;
        AuthorizationRequest request;

        @Setup
        public void setUp() throws Exception {
            List<Policies.Doc> docs = Policies.aliceDocuments();
            engine = new BasicAuthorizationEngine();
            policySet = PolicySet.parsePolicies(Policies.cedarPolicies(docs));
            if (policySet.getNumPolicies() != 100) {
                throw new IllegalStateException("Cedar: expected 100 policies, got " + policySet.getNumPolicies());
            }
            policySet.cache();

            EntityTypeName userType = EntityTypeName.parse("User").orElseThrow();
            EntityTypeName actionType = EntityTypeName.parse("Action").orElseThrow();
            EntityTypeName resourceType = EntityTypeName.parse("Resource").orElseThrow();
            EntityUID alice = new EntityUID(userType, "alice");
            EntityUID action = new EntityUID(actionType, Policies.ACTION);
            EntityUID resource = new EntityUID(resourceType, Policies.RESOURCE);
            Set<EntityUID> groups = new HashSet<>();
            for (String group : Policies.cedarActionGroups(docs, Policies.ACTION)) {
                groups.add(new EntityUID(actionType, group));
            }
            entities = new HashSet<>();
            entities.add(new Entity(alice, Map.of("team", new PrimString(Policies.TEAM)), Set.of()));
            entities.add(new Entity(action, Map.of(), groups));
            entities.add(new Entity(resource, Map.of("arn", new PrimString(Policies.RESOURCE)), Set.of()));
            Map<String, Value> context = new HashMap<>();
            context.put("sourceIp", new IpAddress(Policies.SOURCE_IP));
            context.put("currentTime", new DateTime(Policies.CURRENT_TIME));
            request = new AuthorizationRequest(alice, action, resource, new Context(context));

            AuthorizationResponse response = engine.isAuthorized(request, policySet, entities);
            if (response.type != AuthorizationResponse.SuccessOrFailure.Success
                    || !response.success.orElseThrow().isAllowed()
                    || !response.success.orElseThrow().getErrors().isEmpty()
                    || !response.success.orElseThrow().getReason().equals(Set.of(
                            Policies.cedarPolicyId(docs, "ReadDownloadsFromOffice"),
                            Policies.cedarPolicyId(docs, "DownloadsForAnalytics")))) {
                throw new IllegalStateException("Cedar: expected Allow by the two statements, got " + response);
            }
            if (policySet.cacheKey().isEmpty()) {
                throw new IllegalStateException("Cedar: policy set not cached");
            }
        }
    }

    @Benchmark
    public AuthorizationResponse cedar(CedarState s) throws Exception {
        return s.engine.isAuthorized(s.request, s.policySet, s.entities);
    }
}
