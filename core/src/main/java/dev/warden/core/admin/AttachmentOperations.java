package dev.warden.core.admin;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.warden.core.iam.Changes;
import dev.warden.core.iam.Constraint;
import dev.warden.core.iam.IamError;
import dev.warden.core.iam.IamException;
import dev.warden.core.iam.LiveDirectory;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Attach/Detach/ListAttached managed policies on users, groups and roles, and Put/Delete permissions boundaries on
 * users and roles.
 */
final class AttachmentOperations {

    private AttachmentOperations() {
    }

    static void register(IamService s) {
        for (Holder holder : Holder.values()) {
            s.register("Attach" + holder.noun() + "Policy", call -> attach(call, holder));
            s.register("Detach" + holder.noun() + "Policy", call -> detach(call, holder));
            s.register("ListAttached" + holder.noun() + "Policies", call -> listAttached(call, holder));
            if (holder != Holder.GROUP) {
                s.register("Put" + holder.noun() + "PermissionsBoundary", call -> putBoundary(call, holder));
                s.register("Delete" + holder.noun() + "PermissionsBoundary", call -> deleteBoundary(call, holder));
            }
        }
    }

    private static ObjectNode attach(Call call, Holder holder) throws IamException, IOException {
        String name = holder.name(call);
        String arn = call.params().required("PolicyArn", Constraint.ARN);
        call.authorize("iam:Attach" + holder.noun() + "Policy", holder.arn(call, name));
        return call.write(d -> {
            Object entity = holder.find(call, d, name);
            Policies.existing(d, arn);
            List<String> attached = new ArrayList<>(holder.attached(entity));
            if (attached.contains(arn)) {
                return new LiveDirectory.Result<>(Shapes.object(), new Changes());
            }
            if (attached.size() >= call.quotas().attachedPoliciesPerPrincipal()) {
                throw IamException.limitExceeded("PoliciesPer" + holder.noun(), call.quotas().attachedPoliciesPerPrincipal());
            }
            attached.add(arn);
            return new LiveDirectory.Result<>(Shapes.object(),
                    holder.put(new Changes(), call.accountId(), holder.withAttached(entity, attached)));
        });
    }

    private static ObjectNode detach(Call call, Holder holder) throws IamException, IOException {
        String name = holder.name(call);
        String arn = call.params().required("PolicyArn", Constraint.ARN);
        call.authorize("iam:Detach" + holder.noun() + "Policy", holder.arn(call, name));
        return call.write(d -> {
            Object entity = holder.find(call, d, name);
            List<String> attached = new ArrayList<>(holder.attached(entity));
            if (!attached.remove(arn)) {
                throw new IamException(IamError.NO_SUCH_ENTITY, "Policy " + arn + " was not found.");
            }
            return new LiveDirectory.Result<>(Shapes.object(),
                    holder.put(new Changes(), call.accountId(), holder.withAttached(entity, attached)));
        });
    }

    private static ObjectNode listAttached(Call call, Holder holder) throws IamException {
        String name = holder.name(call);
        String prefix = call.params().optional("PathPrefix", Constraint.PATH_PREFIX, "/");
        call.authorize("iam:ListAttached" + holder.noun() + "Policies", holder.arn(call, name));
        List<String> arns = new ArrayList<>(holder.attached(holder.find(call, call.directory(), name)));
        arns.removeIf(arn -> {
            var policy = call.directory().managedPolicy(arn);
            return policy != null && !policy.path().startsWith(prefix);
        });
        return Pages.page(call, Shapes.object(), "AttachedPolicies", arns,
                arn -> Shapes.attached(Shapes.policyName(arn), arn));
    }

    private static ObjectNode putBoundary(Call call, Holder holder) throws IamException, IOException {
        String name = holder.name(call);
        String arn = call.params().required("PermissionsBoundary", Constraint.ARN);
        call.authorize("iam:Put" + holder.noun() + "PermissionsBoundary", holder.arn(call, name));
        return call.write(d -> {
            Object entity = holder.find(call, d, name);
            Policies.existing(d, arn);
            return new LiveDirectory.Result<>(Shapes.object(),
                    holder.put(new Changes(), call.accountId(), holder.withBoundary(entity, arn)));
        });
    }

    private static ObjectNode deleteBoundary(Call call, Holder holder) throws IamException, IOException {
        String name = holder.name(call);
        call.authorize("iam:Delete" + holder.noun() + "PermissionsBoundary", holder.arn(call, name));
        return call.write(d -> {
            Object entity = holder.find(call, d, name);
            if (holder.boundary(entity) == null) {
                return new LiveDirectory.Result<>(Shapes.object(), new Changes());
            }
            return new LiveDirectory.Result<>(Shapes.object(),
                    holder.put(new Changes(), call.accountId(), holder.withBoundary(entity, null)));
        });
    }
}
