package dev.warden.core.admin;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.warden.core.eval.Evaluation;
import dev.warden.core.eval.EvaluationInput;
import dev.warden.core.eval.Evaluator;
import dev.warden.core.iam.Account;
import dev.warden.core.iam.Constraint;
import dev.warden.core.iam.Directory;
import dev.warden.core.iam.Group;
import dev.warden.core.iam.IamError;
import dev.warden.core.iam.IamException;
import dev.warden.core.iam.ManagedPolicy;

import dev.warden.core.iam.PolicySet;
import dev.warden.core.iam.StoreDocumentException;
import dev.warden.core.policy.CompiledPolicy;
import dev.warden.core.policy.CompiledStatement;
import dev.warden.core.policy.PolicyKind;
import dev.warden.core.policy.StatementIndex;
import dev.warden.core.policy.Statement;
import dev.warden.spi.AuthorizationRequest;
import dev.warden.spi.ContextValue;

import dev.warden.spi.PolicyType;
import dev.warden.spi.Principal;
import dev.warden.spi.StatementRef;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The policy simulator: SimulatePrincipalPolicy (the policies of a user, group or role, plus any given) and
 * SimulateCustomPolicy (only the given policies), for every action and resource asked, with AWS's result shape:
 * {@code EvalDecision} ({@code allowed}, {@code explicitDeny}, {@code implicitDeny}), the matched statements, and
 * the context keys the policies test that the simulation was not given.
 */
final class SimulationOperations {

    private static final String DENY_EVERYTHING = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Deny\","
            + "\"Action\":\"*\",\"Resource\":\"*\"}]}";

    private SimulationOperations() {
    }

    static void register(IamService s) {
        s.register("SimulatePrincipalPolicy", SimulationOperations::principal);
        s.register("SimulateCustomPolicy", SimulationOperations::custom);
    }

    private static ObjectNode principal(Call call) throws IamException {
        String source = call.params().required("PolicySourceArn", Constraint.ARN);
        call.authorize("iam:SimulatePrincipalPolicy", source);
        Directory d = call.directory();
        Principal principal = Principal.of(source);
        List<CompiledPolicy> identity = new ArrayList<>();
        StatementIndex boundary = null;
        List<StatementIndex> scps = null;
        StoreDocumentException unreadable = d.unreadableDocumentFor(principal);
        if (unreadable != null) {
            // as enforcement does: nothing is allowed while a document that applies to the principal is unreadable
            identity.add(Policies.document(DENY_EVERYTHING, PolicyKind.MANAGED).compiled("unreadable store document "
                    + unreadable.path(), PolicyType.IDENTITY));
        } else if (principal.kind() == Principal.Kind.USER || principal.kind() == Principal.Kind.ROLE) {
            PolicySet set = PolicySet.of(d, principal);
            if (set == null) {
                throw new IamException(IamError.NO_SUCH_ENTITY, "The " + (principal.kind() == Principal.Kind.USER ? "user"
                        : "role") + " with name " + principal.name() + " cannot be found.");
            }
            identity.addAll(set.identity().policies());
            boundary = set.boundary();
            scps = set.serviceControlLevels();
        } else if (source.contains(":group/")) {
            Account account = call.account(d);
            Group group = account.group(principal.name());
            if (group == null || !group.arn(d.partition(), account.id()).equals(source)) {
                throw new IamException(IamError.NO_SUCH_ENTITY, "The group with name " + principal.name() + " cannot be found.");
            }
            group.inlinePolicies().forEach((name, doc) ->
                    identity.add(doc.compiled("inline policy " + name + " of group " + group.name(), PolicyType.IDENTITY)));
            for (String arn : group.attachedPolicies()) {
                ManagedPolicy policy = d.managedPolicy(arn);
                if (policy != null) {
                    identity.add(policy.defaultVersion().document().compiled(arn, PolicyType.IDENTITY));
                }
            }
            scps = PolicySet.controlLevels(d, account.id(), false);
        } else {
            throw new IamException(IamError.INVALID_INPUT, "PolicySourceArn must be the ARN of a user, group or role: " + source);
        }
        identity.addAll(inputs(call, "PolicyInputList", PolicyKind.MANAGED, PolicyType.IDENTITY));
        List<CompiledPolicy> boundaries = inputs(call, "PermissionsBoundaryPolicyInputList", PolicyKind.MANAGED,
                PolicyType.PERMISSIONS_BOUNDARY);
        if (!boundaries.isEmpty()) {
            boundary = StatementIndex.of(boundaries);
        }
        String callerArn = call.params().optional("CallerArn", Constraint.ARN, null);
        Principal caller = callerArn != null ? Principal.of(callerArn)
                : principal.kind() == Principal.Kind.ROLE || principal.kind() == Principal.Kind.USER ? principal
                : Principal.of(call.arn("user", "/", "simulated-group-member"));
        return simulate(call, caller, StatementIndex.of(identity), boundary, scps);
    }

    private static ObjectNode custom(Call call) throws IamException {
        call.authorize("iam:SimulateCustomPolicy", "*");
        List<CompiledPolicy> identity = inputs(call, "PolicyInputList", PolicyKind.MANAGED, PolicyType.IDENTITY);
        if (identity.isEmpty()) {
            throw new IamException(IamError.VALIDATION_ERROR, "1 validation error detected: Value null at 'policyInputList' "
                    + "failed to satisfy constraint: Member must not be null");
        }
        List<CompiledPolicy> boundaries = inputs(call, "PermissionsBoundaryPolicyInputList", PolicyKind.MANAGED,
                PolicyType.PERMISSIONS_BOUNDARY);
        String callerArn = call.params().optional("CallerArn", Constraint.ARN, null);
        Principal caller = callerArn != null ? Principal.of(callerArn) : Principal.of(call.arn("user", "/", "simulated-caller"));
        return simulate(call, caller, StatementIndex.of(identity), boundaries.isEmpty() ? null : StatementIndex.of(boundaries),
                null);
    }

    private static List<CompiledPolicy> inputs(Call call, String list, PolicyKind kind, PolicyType type) throws IamException {
        List<CompiledPolicy> out = new ArrayList<>();
        List<String> texts = call.params().list(list);
        for (int i = 0; i < texts.size(); i++) {
            out.add(Policies.document(texts.get(i), kind).compiled(list + "." + (i + 1), type));
        }
        return out;
    }

    private static ObjectNode simulate(Call call, Principal caller, StatementIndex identity, StatementIndex boundary,
                                       List<StatementIndex> scps) throws IamException {
        List<String> actions = call.params().list("ActionNames");
        if (actions.isEmpty()) {
            throw new IamException(IamError.VALIDATION_ERROR, "1 validation error detected: Value null at 'actionNames' "
                    + "failed to satisfy constraint: Member must not be null");
        }
        List<String> resources = call.params().list("ResourceArns");
        if (resources.isEmpty()) {
            resources = List.of("*");
        }
        String resourcePolicyText = call.params().optional("ResourcePolicy");
        StatementIndex resourcePolicy = resourcePolicyText == null ? null : StatementIndex.of(
                Policies.document(resourcePolicyText, PolicyKind.RESOURCE).compiled("ResourcePolicy", PolicyType.RESOURCE));
        String owner = call.params().optional("ResourceOwner");
        Map<String, ContextValue> context = context(call);
        ObjectNode out = Shapes.object();
        ArrayNode results = out.putArray("EvaluationResults");
        for (String action : actions) {
            if (action.indexOf(':') <= 0) {
                throw new IamException(IamError.INVALID_INPUT, "Invalid action name " + action);
            }
            for (String resource : resources) {
                AuthorizationRequest.Builder request = AuthorizationRequest.builder(caller, action, resource);
                context.forEach(request::context);
                if (owner != null) {
                    request.resourceAccount(owner.contains(":") ? owner.split(":")[4] : owner);
                }
                AuthorizationRequest built = request.build();
                Evaluation evaluation = Evaluator.evaluate(built,
                        new EvaluationInput(identity, boundary, null, scps, null, resourcePolicy, null));
                results.add(result(built, evaluation, identity, boundary, resourcePolicy, context));
            }
        }
        out.put("IsTruncated", false);
        return out;
    }

    private static ObjectNode result(AuthorizationRequest request, Evaluation evaluation, StatementIndex identity,
                                     StatementIndex boundary, StatementIndex resourcePolicy, Map<String, ContextValue> context) {
        ObjectNode n = Shapes.object();
        n.put("EvalActionName", request.action());
        n.put("EvalResourceName", request.resource());
        n.put("EvalDecision", switch (evaluation.decision().outcome()) {
            case ALLOWED -> "allowed";
            case EXPLICITLY_DENIED -> "explicitDeny";
            case IMPLICITLY_DENIED -> "implicitDeny";
        });
        ArrayNode matched = n.putArray("MatchedStatements");
        for (StatementRef ref : evaluation.decision().decidingStatements()) {
            matched.addObject().put("SourcePolicyId", ref.policyName()).put("SourcePolicyType", sourceType(ref));
        }
        ArrayNode missing = n.putArray("MissingContextValues");
        missingKeys(request.action(), context, identity, boundary, resourcePolicy).forEach(missing::add);
        Map<PolicyType, String> byType = evaluation.resultsByType();
        if (byType.containsKey(PolicyType.PERMISSIONS_BOUNDARY)) {
            n.putObject("PermissionsBoundaryDecisionDetail").put("AllowedByPermissionsBoundary",
                    byType.get(PolicyType.PERMISSIONS_BOUNDARY).equals("Allowed"));
        }
        if (byType.containsKey(PolicyType.SERVICE_CONTROL)) {
            n.putObject("OrganizationsDecisionDetail").put("AllowedByOrganizations",
                    byType.get(PolicyType.SERVICE_CONTROL).equals("Allowed"));
        }
        if (resourcePolicy != null) {
            ObjectNode details = n.putObject("EvalDecisionDetails");
            details.put("IAM Policy", simulatorWord(byType.getOrDefault(PolicyType.IDENTITY, "ImplicitlyDenied")));
            details.put("Resource Policy", simulatorWord(byType.getOrDefault(PolicyType.RESOURCE, "ImplicitlyDenied")));
        }
        return n;
    }

    private static String simulatorWord(String result) {
        return switch (result) {
            case "Allowed", "AllowedForAccount" -> "allowed";
            case "ExplicitlyDenied" -> "explicitDeny";
            default -> "implicitDeny";
        };
    }

    private static String sourceType(StatementRef ref) {
        String name = ref.policyName();
        if (ref.policyType() == PolicyType.RESOURCE) {
            return "resource";
        }
        if (name.startsWith("arn:") && name.contains(":iam::aws:policy/")) {
            return "aws-managed";
        }
        if (name.startsWith("arn:")) {
            return "user-managed";
        }
        if (name.contains(" of user ")) {
            return "user";
        }
        if (name.contains(" of group ")) {
            return "group";
        }
        if (name.contains(" of role ")) {
            return "role";
        }
        return "IAM Policy";
    }

    /** Context keys tested by statements covering the action that the simulation was not given. */
    private static Set<String> missingKeys(String action, Map<String, ContextValue> context, StatementIndex... indexes) {
        Set<String> given = new LinkedHashSet<>();
        context.keySet().forEach(k -> given.add(k.toLowerCase(Locale.ROOT)));
        Set<String> missing = new LinkedHashSet<>();
        for (StatementIndex index : indexes) {
            if (index == null) {
                continue;
            }
            for (CompiledStatement statement : index.covering(action)) {
                for (Statement.Condition c : statement.source().conditions()) {
                    if (!given.contains(c.key().toLowerCase(Locale.ROOT))) {
                        missing.add(c.key());
                    }
                }
            }
        }
        return missing;
    }

    private static Map<String, ContextValue> context(Call call) throws IamException {
        Map<String, ContextValue> context = new LinkedHashMap<>();
        for (int i = 1; call.params().optional("ContextEntries.member." + i + ".ContextKeyName") != null; i++) {
            String prefix = "ContextEntries.member." + i;
            String name = call.params().optional(prefix + ".ContextKeyName");
            String type = call.params().optional(prefix + ".ContextKeyType");
            List<String> values = call.params().list(prefix + ".ContextKeyValues");
            boolean list = type != null && type.endsWith("List");
            if (!list && values.size() != 1) {
                throw new IamException(IamError.INVALID_INPUT, "Context key " + name + " of type " + type
                        + " takes exactly one value, got " + values.size());
            }
            context.put(name, list ? ContextValue.ofSet(values) : ContextValue.of(values.get(0)));
        }
        return context;
    }

}
