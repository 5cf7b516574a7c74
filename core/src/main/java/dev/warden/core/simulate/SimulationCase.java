package dev.warden.core.simulate;

import com.fasterxml.jackson.databind.JsonNode;
import dev.warden.core.eval.EvaluationInput;
import dev.warden.core.policy.CompiledPolicy;
import dev.warden.core.policy.MalformedPolicyException;
import dev.warden.core.policy.PolicyKind;
import dev.warden.core.policy.PolicyParser;
import dev.warden.core.policy.StatementIndex;
import dev.warden.spi.AuthorizationRequest;
import dev.warden.spi.ContextValue;
import dev.warden.spi.PolicyType;
import dev.warden.spi.Principal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * One authorization question in the case format of the differential oracle ({@code shared/oracle/README.md}):
 * the caller, action, resource and context, and every policy in force. Reading a case validates each policy
 * with the rules of its kind, and refuses what AWS would not evaluate (a session policy for a principal that has
 * no session, principal-side policies for an anonymous caller).
 *
 * @param request the question
 * @param input the compiled policies
 */
public record SimulationCase(AuthorizationRequest request, EvaluationInput input) {

    /** Reads one case (a JSON object). */
    public static SimulationCase read(JsonNode node) throws InvalidCaseException {
        if (node == null || !node.isObject()) {
            throw new InvalidCaseException("invalid.case: case must be a JSON object");
        }
        Principal principal = principal(node.get("principal"));
        String action = action(node.get("action"));
        String resource = resource(node.get("resource"));
        String resourceAccount = text(node.get("resourceAccount"), "resourceAccount");
        AuthorizationRequest.Builder builder = AuthorizationRequest.builder(principal, action, resource);
        context(node.get("context"), builder);
        if (resourceAccount != null) {
            builder.resourceAccount(resourceAccount);
        }
        AuthorizationRequest request = builder.build();
        if (request.resourceAccount() == null) {
            throw new InvalidCaseException(
                    "invalid.case: resourceAccount: required when neither the resource nor the principal carries an account");
        }

        boolean trust = isRoleArn(resource);
        List<CompiledPolicy> identity = policies(node.get("identityPolicies"), "identityPolicies",
                PolicyKind.ROLE_INLINE, PolicyType.IDENTITY);
        List<CompiledPolicy> boundaries = policies(node.get("permissionBoundaries"), "permissionBoundaries",
                PolicyKind.MANAGED, PolicyType.PERMISSIONS_BOUNDARY);
        List<List<CompiledPolicy>> scps = levels(node.get("scps"), "scps", PolicyKind.SERVICE_CONTROL,
                PolicyType.SERVICE_CONTROL);
        List<List<CompiledPolicy>> rcps = levels(node.get("rcps"), "rcps", PolicyKind.RESOURCE_CONTROL,
                PolicyType.RESOURCE_CONTROL);
        CompiledPolicy resourcePolicy = policy(node.get("resourcePolicy"), "resourcePolicy",
                trust ? PolicyKind.TRUST : PolicyKind.RESOURCE, PolicyType.RESOURCE);
        CompiledPolicy sessionPolicy = policy(node.get("sessionPolicy"), "sessionPolicy", PolicyKind.SESSION,
                PolicyType.SESSION);
        List<CompiledPolicy> endpoints = policies(node.get("vpcEndpointPolicies"), "vpcEndpointPolicies",
                PolicyKind.VPC_ENDPOINT, PolicyType.VPC_ENDPOINT);

        if (!principal.isAuthenticated()) {
            List<String> refused = new ArrayList<>();
            if (sessionPolicy != null) {
                refused.add("anonymous.sessionPolicy.invalid");
            }
            if (identity != null && !identity.isEmpty()) {
                refused.add("anonymous.identityPolicies.invalid");
            }
            if (boundaries != null && !boundaries.isEmpty()) {
                refused.add("anonymous.permissionBoundaryPolicies.invalid");
            }
            if (scps != null && !scps.isEmpty()) {
                refused.add("anonymous.serviceControlPolicies.invalid");
            }
            if (!refused.isEmpty()) {
                throw new InvalidCaseException(String.join(", ", refused));
            }
        }
        Principal.Kind kind = principal.kind();
        if (sessionPolicy != null && kind != Principal.Kind.ROLE && kind != Principal.Kind.ASSUMED_ROLE
                && kind != Principal.Kind.FEDERATED_USER) {
            throw new InvalidCaseException("session.policy.invalid.principal: only role and federated sessions have session policies");
        }
        EvaluationInput input = new EvaluationInput(
                identity == null ? null : StatementIndex.of(identity),
                boundaries == null || boundaries.isEmpty() ? null : StatementIndex.of(boundaries),
                sessionPolicy == null ? null : StatementIndex.of(sessionPolicy),
                scps == null ? null : scps.stream().map(StatementIndex::of).toList(),
                rcps == null ? null : rcps.stream().map(StatementIndex::of).toList(),
                resourcePolicy == null ? null : StatementIndex.of(resourcePolicy),
                endpoints == null || endpoints.isEmpty() ? null : StatementIndex.of(endpoints));
        return new SimulationCase(request, input);
    }

    private static Principal principal(JsonNode node) throws InvalidCaseException {
        if (node != null && node.isTextual() && node.textValue().equals("anonymous")) {
            return Principal.anonymous();
        }
        if (node == null || !node.isTextual()) {
            throw new InvalidCaseException("invalid.case: principal: must be an ARN, a service principal, or \"anonymous\"");
        }
        try {
            return Principal.of(node.textValue());
        } catch (IllegalArgumentException e) {
            throw new InvalidCaseException("invalid.case: principal: " + e.getMessage());
        }
    }

    private static String action(JsonNode node) throws InvalidCaseException {
        String action = node != null && node.isTextual() ? node.textValue() : null;
        if (action == null || !action.matches("[^:\\s]+:[^:\\s]+")) {
            throw new InvalidCaseException("invalid.case: action: must be a \"service:Action\" string");
        }
        return action;
    }

    private static String resource(JsonNode node) throws InvalidCaseException {
        String resource = node != null && node.isTextual() ? node.textValue() : null;
        if (resource == null || !(resource.equals("*") || (resource.startsWith("arn:") && resource.split(":", 6).length == 6))) {
            throw new InvalidCaseException("invalid.case: resource: must be \"*\" or an ARN with 6 colon-separated parts");
        }
        return resource;
    }

    private static String text(JsonNode node, String field) throws InvalidCaseException {
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isValueNode() || node.isBinary()) {
            throw new InvalidCaseException("invalid.case: " + field + ": must be a string");
        }
        return node.asText();
    }

    private static void context(JsonNode node, AuthorizationRequest.Builder builder) throws InvalidCaseException {
        if (node == null || node.isNull()) {
            return;
        }
        if (!node.isObject()) {
            throw new InvalidCaseException("invalid.case: context: must be an object");
        }
        Map<String, String> seen = new HashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            JsonNode value = e.getValue();
            if (value.isNull()) {
                continue;
            }
            if (seen.put(e.getKey().toLowerCase(java.util.Locale.ROOT), e.getKey()) != null) {
                throw new InvalidCaseException("invalid.case: context." + e.getKey()
                        + ": given twice (context keys are case-insensitive)");
            }
            if (value.isArray()) {
                List<String> values = new ArrayList<>();
                for (JsonNode v : value) {
                    if (!v.isValueNode() || v.isNull()) {
                        throw new InvalidCaseException("invalid.case: context." + e.getKey() + ": array values must be scalars");
                    }
                    values.add(v.asText());
                }
                builder.context(e.getKey(), ContextValue.ofSet(values));
            } else if (value.isValueNode()) {
                builder.context(e.getKey(), ContextValue.of(value.asText()));
            } else {
                throw new InvalidCaseException("invalid.case: context." + e.getKey()
                        + ": must be a string, number, boolean or array");
            }
        }
    }

    private static CompiledPolicy policy(JsonNode node, String name, PolicyKind kind, PolicyType type)
            throws InvalidCaseException {
        if (node == null || node.isNull()) {
            return null;
        }
        try {
            if (node.isTextual()) {
                return CompiledPolicy.compile(PolicyParser.parse(node.textValue(), kind), name, type);
            }
            return CompiledPolicy.compile(PolicyParser.parse(node, kind), name, type);
        } catch (MalformedPolicyException e) {
            throw new InvalidCaseException("policy.errors: " + name + ": " + e.getMessage());
        }
    }

    private static List<CompiledPolicy> policies(JsonNode node, String name, PolicyKind kind, PolicyType type)
            throws InvalidCaseException {
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isArray()) {
            throw new InvalidCaseException("invalid.case: " + name + ": must be an array of policies or null");
        }
        List<CompiledPolicy> out = new ArrayList<>();
        for (int i = 0; i < node.size(); i++) {
            if (node.get(i).isNull()) {
                // null stands for "no policy" only where a single policy goes; in a list it is no policy at all.
                throw new InvalidCaseException("invalid.case: " + name + "[" + i
                        + "]: must be a policy (an object, or a string holding one), not null");
            }
            out.add(policy(node.get(i), name + "[" + i + "]", kind, type));
        }
        return out;
    }

    private static List<List<CompiledPolicy>> levels(JsonNode node, String name, PolicyKind kind, PolicyType type)
            throws InvalidCaseException {
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isArray()) {
            throw new InvalidCaseException("invalid.case: " + name + ": must be an array of levels or null");
        }
        List<List<CompiledPolicy>> out = new ArrayList<>();
        for (int i = 0; i < node.size(); i++) {
            if (!node.get(i).isArray()) {
                throw new InvalidCaseException("invalid.case: " + name + "[" + i + "]: each level must be an array of policies");
            }
            out.add(policies(node.get(i), name + "[" + i + "]", kind, type));
        }
        return out;
    }

    private static boolean isRoleArn(String resource) {
        String[] parts = resource.split(":", 6);
        return parts.length == 6 && parts[2].equals("iam") && parts[5].startsWith("role/");
    }
}
