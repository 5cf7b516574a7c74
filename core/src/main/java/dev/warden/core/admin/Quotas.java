package dev.warden.core.admin;

/**
 * IAM's quotas, AWS's defaults unless configured otherwise. Exceeding one fails with {@code LimitExceeded}.
 *
 * @param usersPerAccount users in an account (AWS: 5,000)
 * @param groupsPerAccount groups in an account (AWS: 300)
 * @param rolesPerAccount roles in an account (AWS: 1,000)
 * @param policiesPerAccount customer-managed policies in an account (AWS: 1,500)
 * @param attachedPoliciesPerPrincipal managed policies attached to one user, group or role (AWS: 10)
 * @param groupsPerUser groups one user belongs to (AWS: 10)
 * @param accessKeysPerUser access keys of one user (AWS: 2)
 * @param versionsPerPolicy versions kept of one managed policy (AWS: 5)
 * @param tagsPerEntity tags on one user, role or policy (AWS: 50)
 * @param userInlineSize characters (without whitespace) of all inline policies of a user together (AWS: 2,048)
 * @param groupInlineSize the same for a group (AWS: 5,120)
 * @param roleInlineSize the same for a role (AWS: 10,240)
 */
public record Quotas(int usersPerAccount, int groupsPerAccount, int rolesPerAccount, int policiesPerAccount,
                     int attachedPoliciesPerPrincipal, int groupsPerUser, int accessKeysPerUser, int versionsPerPolicy,
                     int tagsPerEntity, int userInlineSize, int groupInlineSize, int roleInlineSize) {

    /** AWS's default quotas. */
    public static Quotas aws() {
        return new Quotas(5_000, 300, 1_000, 1_500, 10, 10, 2, 5, 50, 2_048, 5_120, 10_240);
    }
}
