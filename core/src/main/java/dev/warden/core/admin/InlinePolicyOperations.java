package dev.warden.core.admin;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.warden.core.iam.Changes;
import dev.warden.core.iam.Constraint;
import dev.warden.core.iam.IamError;
import dev.warden.core.iam.IamException;
import dev.warden.core.iam.LiveDirectory;
import dev.warden.core.iam.PolicyDocument;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Map;

/** Put/Get/Delete/List inline policies of users, groups and roles (PutUserPolicy, GetGroupPolicy, ...). */
final class InlinePolicyOperations {

    private InlinePolicyOperations() {
    }

    static void register(IamService s) {
        for (Holder holder : Holder.values()) {
            s.register("Put" + holder.noun() + "Policy", call -> put(call, holder));
            s.register("Get" + holder.noun() + "Policy", call -> get(call, holder));
            s.register("Delete" + holder.noun() + "Policy", call -> delete(call, holder));
            s.register("List" + holder.noun() + "Policies", call -> list(call, holder));
        }
    }

    private static ObjectNode put(Call call, Holder holder) throws IamException, IOException {
        String name = holder.name(call);
        String policyName = call.params().required("PolicyName", Constraint.POLICY_NAME);
        PolicyDocument document;
        try {
            document = Policies.document(call.params().required("PolicyDocument"), holder.inlineKind());
        } catch (IamException e) {
            if (e.error() != IamError.LIMIT_EXCEEDED) {
                throw e;
            }
            // one document over the size alone is over the aggregate: AWS says so in the same words
            throw tooLarge(holder.inlineKind().maxCharacters(), holder, name);
        }
        call.authorize("iam:Put" + holder.noun() + "Policy", holder.arn(call, name));
        return call.write(d -> {
            Object entity = holder.find(call, d, name);
            Object updated = holder.withInline(entity, existingName(holder.inline(entity), policyName), document);
            int total = holder.inline(updated).values().stream().mapToInt(PolicyDocument::size).sum();
            int quota = holder.inlineQuota(call.quotas());
            if (total > quota) {
                throw tooLarge(quota, holder, holder.entityName(entity));
            }
            return new LiveDirectory.Result<>(Shapes.object(), holder.put(new Changes(), call.accountId(), updated));
        });
    }

    /** AWS's message: {@code Maximum policy size of 2048 bytes exceeded for user alice}. */
    private static IamException tooLarge(int quota, Holder holder, String name) {
        return new IamException(IamError.LIMIT_EXCEEDED, "Maximum policy size of " + quota + " bytes exceeded for "
                + holder.type() + " " + name);
    }

    private static ObjectNode get(Call call, Holder holder) throws IamException {
        String name = holder.name(call);
        String policyName = call.params().required("PolicyName", Constraint.POLICY_NAME);
        call.authorize("iam:Get" + holder.noun() + "Policy", holder.arn(call, name));
        Object entity = holder.find(call, call.directory(), name);
        String stored = existingName(holder.inline(entity), policyName);
        PolicyDocument document = holder.inline(entity).get(stored);
        if (document == null) {
            throw new IamException(IamError.NO_SUCH_ENTITY, "The " + holder.type() + " policy with name " + policyName
                    + " cannot be found.");
        }
        ObjectNode out = Shapes.object();
        out.put(holder.noun() + "Name", holder.entityName(entity));
        out.put("PolicyName", stored);
        out.put("PolicyDocument", document.text());
        return out;
    }

    private static ObjectNode delete(Call call, Holder holder) throws IamException, IOException {
        String name = holder.name(call);
        String policyName = call.params().required("PolicyName", Constraint.POLICY_NAME);
        call.authorize("iam:Delete" + holder.noun() + "Policy", holder.arn(call, name));
        return call.write(d -> {
            Object entity = holder.find(call, d, name);
            String stored = existingName(holder.inline(entity), policyName);
            if (!holder.inline(entity).containsKey(stored)) {
                throw new IamException(IamError.NO_SUCH_ENTITY, "The " + holder.type() + " policy with name "
                        + policyName + " cannot be found.");
            }
            return new LiveDirectory.Result<>(Shapes.object(),
                    holder.put(new Changes(), call.accountId(), holder.withInline(entity, stored, null)));
        });
    }

    private static ObjectNode list(Call call, Holder holder) throws IamException {
        String name = holder.name(call);
        call.authorize("iam:List" + holder.noun() + "Policies", holder.arn(call, name));
        Object entity = holder.find(call, call.directory(), name);
        return Pages.names(call, Shapes.object(), "PolicyNames", new ArrayList<>(holder.inline(entity).keySet()));
    }

    /** The name an inline policy is stored under: inline policy names are unique without regard to case. */
    private static String existingName(Map<String, PolicyDocument> inline, String name) {
        for (String existing : inline.keySet()) {
            if (existing.equalsIgnoreCase(name)) {
                return existing;
            }
        }
        return name;
    }
}
