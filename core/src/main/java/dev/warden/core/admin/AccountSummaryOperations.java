package dev.warden.core.admin;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.warden.core.iam.Account;
import dev.warden.core.iam.Group;
import dev.warden.core.iam.IamException;
import dev.warden.core.iam.MfaDevice;
import dev.warden.core.iam.Role;
import dev.warden.core.iam.RootUser;
import dev.warden.core.iam.User;
import dev.warden.core.policy.PolicyKind;

/**
 * GetAccountSummary: the account's entity counts and quotas in AWS's {@code SummaryMap}, with the root user's
 * credentials as AWS reports them ({@code AccountMFAEnabled}, {@code AccountAccessKeysPresent},
 * {@code AccountPasswordPresent}: 1 or 0). Entities Warden does not have (instance profiles, server and signing
 * certificates) count 0, with AWS's quotas.
 */
final class AccountSummaryOperations {

    private AccountSummaryOperations() {
    }

    static void register(IamService s) {
        s.register("GetAccountSummary", AccountSummaryOperations::summary);
    }

    private static ObjectNode summary(Call call) throws IamException {
        call.authorize("iam:GetAccountSummary", "*");
        Account account = call.account(call.directory());
        Quotas quotas = call.quotas();
        RootUser root = account.root();
        int attachments = 0;
        for (User user : account.users().values()) {
            attachments += user.attachedPolicies().size();
        }
        for (Group group : account.groups().values()) {
            attachments += group.attachedPolicies().size();
        }
        for (Role role : account.roles().values()) {
            attachments += role.attachedPolicies().size();
        }
        long devicesInUse = account.settings().mfaDevices().stream().filter(d -> d.userName() != null).count();
        boolean rootMfa = account.settings().mfaDevices().stream().anyMatch(MfaDevice::assignedToRoot);

        ObjectNode map = Shapes.object();
        map.put("Users", account.users().size());
        map.put("UsersQuota", quotas.usersPerAccount());
        map.put("Groups", account.groups().size());
        map.put("GroupsQuota", quotas.groupsPerAccount());
        map.put("ServerCertificates", 0);
        map.put("ServerCertificatesQuota", 20);
        map.put("UserPolicySizeQuota", quotas.userInlineSize());
        map.put("GroupPolicySizeQuota", quotas.groupInlineSize());
        map.put("GroupsPerUserQuota", quotas.groupsPerUser());
        map.put("SigningCertificatesPerUserQuota", 2);
        map.put("AccessKeysPerUserQuota", quotas.accessKeysPerUser());
        map.put("MFADevices", account.settings().mfaDevices().size());
        map.put("MFADevicesInUse", devicesInUse);
        map.put("AccountMFAEnabled", rootMfa ? 1 : 0);
        map.put("AccountAccessKeysPresent", root.accessKeys().isEmpty() ? 0 : 1);
        map.put("AccountPasswordPresent", root.loginProfile() == null ? 0 : 1);
        map.put("AccountSigningCertificatesPresent", 0);
        map.put("AttachedPoliciesPerGroupQuota", quotas.attachedPoliciesPerPrincipal());
        map.put("AttachedPoliciesPerRoleQuota", quotas.attachedPoliciesPerPrincipal());
        map.put("AttachedPoliciesPerUserQuota", quotas.attachedPoliciesPerPrincipal());
        map.put("Policies", account.policies().size());
        map.put("PoliciesQuota", quotas.policiesPerAccount());
        map.put("PolicySizeQuota", PolicyKind.MANAGED.maxCharacters());
        map.put("PolicyVersionsInUse", attachments);
        map.put("PolicyVersionsInUseQuota", 10_000);
        map.put("VersionsPerPolicyQuota", quotas.versionsPerPolicy());
        map.put("GlobalEndpointTokenVersion", 1);
        map.put("Roles", account.roles().size());
        map.put("RolesQuota", quotas.rolesPerAccount());
        map.put("RolePolicySizeQuota", quotas.roleInlineSize());
        map.put("AssumeRolePolicySizeQuota", PolicyKind.TRUST.maxCharacters());
        map.put("InstanceProfiles", 0);
        map.put("InstanceProfilesQuota", 1_000);
        map.put("Providers", account.settings().oidcProviders().size());
        ObjectNode out = Shapes.object();
        out.set("SummaryMap", map);
        return out;
    }
}
