package dev.warden.core.admin;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.warden.core.iam.Account;
import dev.warden.core.iam.Changes;
import dev.warden.core.iam.Constraint;
import dev.warden.core.iam.Directory;
import dev.warden.core.iam.Group;
import dev.warden.core.iam.IamError;
import dev.warden.core.iam.IamException;
import dev.warden.core.iam.LiveDirectory;
import dev.warden.core.iam.ManagedPolicy;
import dev.warden.core.iam.PolicyDocument;
import dev.warden.core.iam.Role;
import dev.warden.core.iam.Tag;
import dev.warden.core.iam.UniqueIds;
import dev.warden.core.iam.User;
import dev.warden.core.policy.PolicyKind;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * CreatePolicy, GetPolicy, DeletePolicy, ListPolicies, CreatePolicyVersion, GetPolicyVersion, DeletePolicyVersion,
 * ListPolicyVersions, SetDefaultPolicyVersion, ListEntitiesForPolicy, TagPolicy, UntagPolicy, ListPolicyTags.
 * Customer-managed policies keep at most five versions; shipped ({@code arn:aws:iam::aws:policy/...}) policies
 * cannot be changed.
 */
final class ManagedPolicyOperations {

    private ManagedPolicyOperations() {
    }

    static void register(IamService s) {
        s.register("CreatePolicy", ManagedPolicyOperations::create);
        s.register("GetPolicy", ManagedPolicyOperations::get);
        s.register("DeletePolicy", ManagedPolicyOperations::delete);
        s.register("ListPolicies", ManagedPolicyOperations::list);
        s.register("CreatePolicyVersion", ManagedPolicyOperations::createVersion);
        s.register("GetPolicyVersion", ManagedPolicyOperations::getVersion);
        s.register("DeletePolicyVersion", ManagedPolicyOperations::deleteVersion);
        s.register("ListPolicyVersions", ManagedPolicyOperations::listVersions);
        s.register("SetDefaultPolicyVersion", ManagedPolicyOperations::setDefault);
        s.register("ListEntitiesForPolicy", ManagedPolicyOperations::listEntities);
        s.register("TagPolicy", ManagedPolicyOperations::tag);
        s.register("UntagPolicy", ManagedPolicyOperations::untag);
        s.register("ListPolicyTags", ManagedPolicyOperations::listTags);
    }

    /** A customer-managed policy of the call's account, named by ARN, for changing it. */
    private static ManagedPolicy own(Call call, Directory d, String arn) throws IamException {
        ManagedPolicy policy = Policies.found(d, arn);
        if (!arn.split(":", 6)[4].equals(call.accountId())) {
            throw new IamException(IamError.ACCESS_DENIED, "User: " + call.caller() + " is not authorized to change "
                    + arn + " because it is not a customer-managed policy of account " + call.accountId());
        }
        return policy;
    }

    static int attachments(Account account, String arn) {
        int n = 0;
        for (User u : account.users().values()) {
            n += u.attachedPolicies().contains(arn) ? 1 : 0;
        }
        for (Group g : account.groups().values()) {
            n += g.attachedPolicies().contains(arn) ? 1 : 0;
        }
        for (Role r : account.roles().values()) {
            n += r.attachedPolicies().contains(arn) ? 1 : 0;
        }
        return n;
    }

    static int boundaryUses(Account account, String arn) {
        int n = 0;
        for (User u : account.users().values()) {
            n += arn.equals(u.permissionsBoundary()) ? 1 : 0;
        }
        for (Role r : account.roles().values()) {
            n += arn.equals(r.permissionsBoundary()) ? 1 : 0;
        }
        return n;
    }

    private static ObjectNode shape(Call call, Directory d, ManagedPolicy p, String arn) throws IamException {
        Account account = call.account(d);
        return Shapes.policy(p, arn, attachments(account, arn), boundaryUses(account, arn));
    }

    private static ManagedPolicy withVersions(ManagedPolicy p, String defaultVersion, List<ManagedPolicy.PolicyVersion> versions,
                                              java.time.Instant updated) {
        return new ManagedPolicy(p.name(), p.path(), p.id(), p.createDate(), updated, p.description(), defaultVersion,
                versions, p.tags());
    }

    private static ObjectNode create(Call call) throws IamException, IOException {
        String name = call.params().required("PolicyName", Constraint.POLICY_NAME);
        String path = call.params().optional("Path", Constraint.PATH, "/");
        PolicyDocument document = Policies.document(call.params().required("PolicyDocument"), PolicyKind.MANAGED);
        String description = call.params().optional("Description", Constraint.DESCRIPTION, null);
        List<Tag> tags = Tagging.checked(call, call.params().tags("Tags"));
        String arn = call.arn("policy", path, name);
        call.authorize("iam:CreatePolicy", arn);
        return call.write(d -> {
            Account account = call.account(d);
            if (account.policy(name) != null) {
                throw new IamException(IamError.ENTITY_ALREADY_EXISTS, "A policy called " + name
                        + " already exists. Duplicate names are not allowed.");
            }
            if (account.policies().size() >= call.quotas().policiesPerAccount()) {
                throw IamException.limitExceeded("PoliciesPerAccount", call.quotas().policiesPerAccount());
            }
            ManagedPolicy policy = new ManagedPolicy(name, path, UniqueIds.next(UniqueIds.POLICY), call.now(), call.now(),
                    description, "v1", List.of(new ManagedPolicy.PolicyVersion("v1", call.now(), document)), tags);
            ObjectNode out = Shapes.object();
            out.set("Policy", Shapes.policy(policy, arn, 0, 0));
            return new LiveDirectory.Result<>(out, new Changes().put(call.accountId(), policy));
        });
    }

    private static ObjectNode get(Call call) throws IamException {
        String arn = call.params().required("PolicyArn", Constraint.ARN);
        call.authorize("iam:GetPolicy", arn);
        Directory d = call.directory();
        ObjectNode out = Shapes.object();
        out.set("Policy", shape(call, d, Policies.found(d, arn), arn));
        return out;
    }

    private static ObjectNode delete(Call call) throws IamException, IOException {
        String arn = call.params().required("PolicyArn", Constraint.ARN);
        call.authorize("iam:DeletePolicy", arn);
        return call.write(d -> {
            ManagedPolicy policy = own(call, d, arn);
            Account account = call.account(d);
            if (attachments(account, arn) > 0 || boundaryUses(account, arn) > 0) {
                throw IamException.deleteConflict("Cannot delete a policy attached to entities.");
            }
            if (policy.versions().size() > 1) {
                throw IamException.deleteConflict("This policy has more than one version. Before you delete a policy, you "
                        + "must delete the policy's versions. The default version is deleted with the policy.");
            }
            return new LiveDirectory.Result<>(Shapes.object(), new Changes().deletePolicy(call.accountId(), policy.name()));
        });
    }

    private static ObjectNode list(Call call) throws IamException {
        String scope = call.params().optional("Scope");
        if (scope != null && !scope.equals("All") && !scope.equals("AWS") && !scope.equals("Local")) {
            throw new IamException(IamError.VALIDATION_ERROR, "1 validation error detected: Value '" + scope
                    + "' at 'scope' failed to satisfy constraint: Member must satisfy enum value set: [All, AWS, Local]");
        }
        boolean onlyAttached = call.params().bool("OnlyAttached", false);
        String prefix = call.params().optional("PathPrefix", Constraint.PATH_PREFIX, "/");
        call.authorize("iam:ListPolicies", call.arn("policy", prefix, ""));
        Directory d = call.directory();
        Account account = call.account(d);
        record Listed(ManagedPolicy policy, String arn) {
        }
        List<Listed> policies = new ArrayList<>();
        if (scope == null || !scope.equals("Local")) {
            d.shippedPolicies().values().forEach(p -> policies.add(new Listed(p, p.arn(d.partition(), "aws"))));
        }
        if (scope == null || !scope.equals("AWS")) {
            account.policies().values().forEach(p -> policies.add(new Listed(p, p.arn(d.partition(), call.accountId()))));
        }
        policies.removeIf(l -> !l.policy().path().startsWith(prefix)
                || (onlyAttached && attachments(account, l.arn()) == 0));
        policies.sort(Comparator.comparing(l -> l.policy().name().toLowerCase(Locale.ROOT)));
        // AWS: Description "is not included in the response to the ListPolicies operation", nor are Tags
        return Pages.page(call, Shapes.object(), "Policies", policies, l -> Shapes.without(
                Shapes.policy(l.policy(), l.arn(), attachments(account, l.arn()), boundaryUses(account, l.arn())),
                "Description", "Tags"));
    }

    private static ObjectNode createVersion(Call call) throws IamException, IOException {
        String arn = call.params().required("PolicyArn", Constraint.ARN);
        PolicyDocument document = Policies.document(call.params().required("PolicyDocument"), PolicyKind.MANAGED);
        boolean setAsDefault = call.params().bool("SetAsDefault", false);
        call.authorize("iam:CreatePolicyVersion", arn);
        return call.write(d -> {
            ManagedPolicy policy = own(call, d, arn);
            if (policy.versions().size() >= call.quotas().versionsPerPolicy()) {
                throw new IamException(IamError.LIMIT_EXCEEDED, "A managed policy can have up to "
                        + call.quotas().versionsPerPolicy() + " versions. Before you create a new version, you must delete "
                        + "an existing version.");
            }
            int next = policy.versions().stream().mapToInt(v -> Integer.parseInt(v.versionId().substring(1).split("\\.")[0]))
                    .max().orElse(0) + 1;
            ManagedPolicy.PolicyVersion version = new ManagedPolicy.PolicyVersion("v" + next, call.now(), document);
            List<ManagedPolicy.PolicyVersion> versions = new ArrayList<>(policy.versions());
            versions.add(version);
            ManagedPolicy updated = withVersions(policy, setAsDefault ? version.versionId() : policy.defaultVersionId(),
                    versions, setAsDefault ? call.now() : policy.updateDate());
            ObjectNode out = Shapes.object();
            out.set("PolicyVersion", Shapes.version(version, setAsDefault, false));
            return new LiveDirectory.Result<>(out, new Changes().put(call.accountId(), updated));
        });
    }

    private static ManagedPolicy.PolicyVersion version(ManagedPolicy policy, String arn, String versionId)
            throws IamException {
        ManagedPolicy.PolicyVersion version = policy.version(versionId);
        if (version == null) {
            throw new IamException(IamError.NO_SUCH_ENTITY, "Policy " + arn + " version " + versionId + " does not exist or is not attachable.");
        }
        return version;
    }

    private static ObjectNode getVersion(Call call) throws IamException {
        String arn = call.params().required("PolicyArn", Constraint.ARN);
        String versionId = call.params().required("VersionId", Constraint.VERSION_ID);
        call.authorize("iam:GetPolicyVersion", arn);
        ManagedPolicy policy = Policies.found(call.directory(), arn);
        ManagedPolicy.PolicyVersion version = version(policy, arn, versionId);
        ObjectNode out = Shapes.object();
        out.set("PolicyVersion", Shapes.version(version, version.versionId().equals(policy.defaultVersionId()), true));
        return out;
    }

    private static ObjectNode deleteVersion(Call call) throws IamException, IOException {
        String arn = call.params().required("PolicyArn", Constraint.ARN);
        String versionId = call.params().required("VersionId", Constraint.VERSION_ID);
        call.authorize("iam:DeletePolicyVersion", arn);
        return call.write(d -> {
            ManagedPolicy policy = own(call, d, arn);
            ManagedPolicy.PolicyVersion version = version(policy, arn, versionId);
            if (version.versionId().equals(policy.defaultVersionId())) {
                throw IamException.deleteConflict("Cannot delete the default version of a policy.");
            }
            List<ManagedPolicy.PolicyVersion> versions = new ArrayList<>(policy.versions());
            versions.remove(version);
            return new LiveDirectory.Result<>(Shapes.object(), new Changes().put(call.accountId(),
                    withVersions(policy, policy.defaultVersionId(), versions, policy.updateDate())));
        });
    }

    private static ObjectNode listVersions(Call call) throws IamException {
        String arn = call.params().required("PolicyArn", Constraint.ARN);
        call.authorize("iam:ListPolicyVersions", arn);
        ManagedPolicy policy = Policies.found(call.directory(), arn);
        List<ManagedPolicy.PolicyVersion> versions = new ArrayList<>(policy.versions());
        versions.sort(Comparator.comparing(ManagedPolicy.PolicyVersion::createDate).reversed());
        return Pages.page(call, Shapes.object(), "Versions", versions,
                v -> Shapes.version(v, v.versionId().equals(policy.defaultVersionId()), false));
    }

    private static ObjectNode setDefault(Call call) throws IamException, IOException {
        String arn = call.params().required("PolicyArn", Constraint.ARN);
        String versionId = call.params().required("VersionId", Constraint.VERSION_ID);
        call.authorize("iam:SetDefaultPolicyVersion", arn);
        return call.write(d -> {
            ManagedPolicy policy = own(call, d, arn);
            version(policy, arn, versionId);
            return new LiveDirectory.Result<>(Shapes.object(), new Changes().put(call.accountId(),
                    withVersions(policy, versionId, policy.versions(), call.now())));
        });
    }

    private static ObjectNode listEntities(Call call) throws IamException {
        String arn = call.params().required("PolicyArn", Constraint.ARN);
        call.authorize("iam:ListEntitiesForPolicy", arn);
        Directory d = call.directory();
        Policies.found(d, arn);
        Account account = call.account(d);
        ObjectNode out = Shapes.object();
        ArrayNode groups = out.putArray("PolicyGroups");
        account.groups().values().stream().filter(g -> g.attachedPolicies().contains(arn))
                .sorted(Comparator.comparing(Group::name))
                .forEach(g -> groups.addObject().put("GroupName", g.name()).put("GroupId", g.id()));
        ArrayNode users = out.putArray("PolicyUsers");
        account.users().values().stream().filter(u -> u.attachedPolicies().contains(arn))
                .sorted(Comparator.comparing(User::name))
                .forEach(u -> users.addObject().put("UserName", u.name()).put("UserId", u.id()));
        ArrayNode roles = out.putArray("PolicyRoles");
        account.roles().values().stream().filter(r -> r.attachedPolicies().contains(arn))
                .sorted(Comparator.comparing(Role::name))
                .forEach(r -> roles.addObject().put("RoleName", r.name()).put("RoleId", r.id()));
        out.put("IsTruncated", false);
        return out;
    }

    private static ObjectNode tag(Call call) throws IamException, IOException {
        String arn = call.params().required("PolicyArn", Constraint.ARN);
        List<Tag> tags = Tagging.checked(call, call.params().tags("Tags"));
        call.authorize("iam:TagPolicy", arn);
        return call.write(d -> {
            ManagedPolicy p = own(call, d, arn);
            return new LiveDirectory.Result<>(Shapes.object(), new Changes().put(call.accountId(),
                    new ManagedPolicy(p.name(), p.path(), p.id(), p.createDate(), p.updateDate(), p.description(),
                            p.defaultVersionId(), p.versions(), Tagging.merge(call, p.tags(), tags))));
        });
    }

    private static ObjectNode untag(Call call) throws IamException, IOException {
        String arn = call.params().required("PolicyArn", Constraint.ARN);
        List<String> keys = call.params().list("TagKeys");
        call.authorize("iam:UntagPolicy", arn);
        return call.write(d -> {
            ManagedPolicy p = own(call, d, arn);
            return new LiveDirectory.Result<>(Shapes.object(), new Changes().put(call.accountId(),
                    new ManagedPolicy(p.name(), p.path(), p.id(), p.createDate(), p.updateDate(), p.description(),
                            p.defaultVersionId(), p.versions(), Tagging.without(p.tags(), keys))));
        });
    }

    private static ObjectNode listTags(Call call) throws IamException {
        String arn = call.params().required("PolicyArn", Constraint.ARN);
        call.authorize("iam:ListPolicyTags", arn);
        ObjectNode out = Shapes.object();
        Shapes.tags(out, "Tags", Tagging.byKey(Policies.found(call.directory(), arn).tags()), true);
        out.put("IsTruncated", false);
        return out;
    }

}
