package dev.warden.core.eval;

import dev.warden.core.policy.CompiledPolicy;
import dev.warden.core.policy.MalformedPolicyException;
import dev.warden.core.policy.PolicyKind;
import dev.warden.core.policy.StatementIndex;
import dev.warden.spi.AuthorizationRequest;
import dev.warden.spi.PolicyType;
import dev.warden.spi.Principal;
import java.util.ArrayList;
import java.util.List;

/**
 * Shared vocabulary of the evaluator tests: accounts and principals, policy documents written with single quotes
 * ({@link #json}), and a {@link Policies} builder that compiles each kind of policy with the rules of its kind.
 */
final class Fixture {

    static final String ACCOUNT = "111122223333";
    static final String OTHER_ACCOUNT = "444455556666";
    static final String THIRD_ACCOUNT = "777788889999";
    static final String ROOT = "arn:aws:iam::111122223333:root";
    static final String OTHER_ROOT = "arn:aws:iam::444455556666:root";
    static final String ALICE = "arn:aws:iam::111122223333:user/alice";
    static final String BOB = "arn:aws:iam::111122223333:user/bob";
    static final String OTHER_BOB = "arn:aws:iam::444455556666:user/bob";
    static final String ROLE = "arn:aws:iam::111122223333:role/AppRole";
    static final String SESSION = "arn:aws:sts::111122223333:assumed-role/AppRole/app-session";
    static final String OTHER_ROLE = "arn:aws:iam::444455556666:role/PartnerRole";
    static final String OTHER_SESSION = "arn:aws:sts::444455556666:assumed-role/PartnerRole/partner";
    static final String FEDERATED = "arn:aws:sts::111122223333:federated-user/carol";
    static final String ORDER = "arn:aws:orders:us-east-1:111122223333:order/7";

    private Fixture() {
    }

    /** {@code text} with every single quote turned into a double quote: JSON without escaping. */
    static String json(String text) {
        return text.replace('\'', '"');
    }

    /** A 2012-10-17 policy document holding {@code statements} (each a JSON object in single-quote style). */
    static String doc(String... statements) {
        return json("{'Version':'2012-10-17','Statement':[" + String.join(",", statements) + "]}");
    }

    static CompiledPolicy compile(String document, PolicyKind kind, String name, PolicyType type) {
        try {
            return CompiledPolicy.parse(document, kind, name, type);
        } catch (MalformedPolicyException e) {
            throw new AssertionError("test policy " + name + " is invalid: " + e.getMessage() + "\n" + document, e);
        }
    }

    static AuthorizationRequest request(String principal, String action, String resource) {
        return AuthorizationRequest.builder(principal(principal), action, resource).build();
    }

    static Principal principal(String principal) {
        return principal.equals("anonymous") ? Principal.anonymous() : Principal.of(principal);
    }

    static Policies given() {
        return new Policies();
    }

    /** The policies in force for a request, built kind by kind; {@code null} kinds stay absent. */
    static final class Policies {
        private List<CompiledPolicy> identity;
        private List<CompiledPolicy> boundary;
        private CompiledPolicy session;
        private List<StatementIndex> scps;
        private List<StatementIndex> rcps;
        private CompiledPolicy resource;
        private List<CompiledPolicy> endpoint;

        Policies identity(String name, String document) {
            identity = add(identity, compile(document, PolicyKind.ROLE_INLINE, name, PolicyType.IDENTITY));
            return this;
        }

        Policies boundary(String name, String document) {
            boundary = add(boundary, compile(document, PolicyKind.MANAGED, name, PolicyType.PERMISSIONS_BOUNDARY));
            return this;
        }

        Policies session(String name, String document) {
            session = compile(document, PolicyKind.SESSION, name, PolicyType.SESSION);
            return this;
        }

        /** One more organization level (root first) holding {@code documents}, named {@code name}, {@code name-2}... */
        Policies scpLevel(String name, String... documents) {
            scps = addLevel(scps, name, documents, PolicyKind.SERVICE_CONTROL, PolicyType.SERVICE_CONTROL);
            return this;
        }

        Policies rcpLevel(String name, String... documents) {
            rcps = addLevel(rcps, name, documents, PolicyKind.RESOURCE_CONTROL, PolicyType.RESOURCE_CONTROL);
            return this;
        }

        /** A resource-based policy such as a bucket or key policy. */
        Policies resource(String name, String document) {
            resource = compile(document, PolicyKind.RESOURCE, name, PolicyType.RESOURCE);
            return this;
        }

        /** A role trust policy (the resource-based policy of a role). */
        Policies trust(String name, String document) {
            resource = compile(document, PolicyKind.TRUST, name, PolicyType.RESOURCE);
            return this;
        }

        Policies endpoint(String name, String document) {
            endpoint = add(endpoint, compile(document, PolicyKind.VPC_ENDPOINT, name, PolicyType.VPC_ENDPOINT));
            return this;
        }

        EvaluationInput input() {
            return new EvaluationInput(index(identity), index(boundary), session == null ? null : StatementIndex.of(session),
                    scps, rcps, resource == null ? null : StatementIndex.of(resource), index(endpoint));
        }

        Evaluation evaluate(AuthorizationRequest request) {
            return Evaluator.evaluate(request, input());
        }

        Evaluation evaluate(String principal, String action, String resource) {
            return evaluate(request(principal, action, resource));
        }

        private static StatementIndex index(List<CompiledPolicy> policies) {
            return policies == null ? null : StatementIndex.of(policies);
        }

        private static <T> List<T> add(List<T> list, T item) {
            List<T> out = list == null ? new ArrayList<>() : list;
            out.add(item);
            return out;
        }

        private static List<StatementIndex> addLevel(List<StatementIndex> levels, String name, String[] documents,
                                                     PolicyKind kind, PolicyType type) {
            List<CompiledPolicy> level = new ArrayList<>();
            for (int i = 0; i < documents.length; i++) {
                level.add(compile(documents[i], kind, i == 0 ? name : name + "-" + (i + 1), type));
            }
            return add(levels, StatementIndex.of(level));
        }
    }
}
