package dev.warden.core.admin;

import static dev.warden.core.admin.IamFixture.READ_OBJECTS;
import static dev.warden.core.admin.IamFixture.TRUST_EC2;
import static dev.warden.core.admin.IamFixture.expect;
import static dev.warden.core.admin.IamFixture.identityPolicyOfSize;
import static dev.warden.core.admin.IamFixture.tags;
import static dev.warden.core.admin.IamFixture.trustPolicyOfSize;
import static dev.warden.core.admin.IamFixture.with;
import static org.assertj.core.api.Assertions.assertThat;

import dev.warden.core.iam.IamError;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Each of IAM's quotas, one by one: reaching it works, going past it is LimitExceeded with AWS's message. */
class QuotaLimitsTest {

    @Test
    void usersPerAccount() throws Exception {
        try (IamFixture f = new IamFixture(IamFixture.smallAccountQuotas(2, 300, 1000, 1500))) {
            f.root("CreateUser", "UserName", "a");
            f.root("CreateUser", "UserName", "b");
            expect(f.rootFails("CreateUser", "UserName", "c"), IamError.LIMIT_EXCEEDED,
                    "Cannot exceed quota for UsersPerAccount: 2");
            f.root("DeleteUser", "UserName", "a");
            f.root("CreateUser", "UserName", "c");
        }
    }

    @Test
    void groupsPerAccount() throws Exception {
        try (IamFixture f = new IamFixture(IamFixture.smallAccountQuotas(5000, 2, 1000, 1500))) {
            f.root("CreateGroup", "GroupName", "a");
            f.root("CreateGroup", "GroupName", "b");
            expect(f.rootFails("CreateGroup", "GroupName", "c"), IamError.LIMIT_EXCEEDED,
                    "Cannot exceed quota for GroupsPerAccount: 2");
        }
    }

    @Test
    void rolesPerAccount() throws Exception {
        try (IamFixture f = new IamFixture(IamFixture.smallAccountQuotas(5000, 300, 2, 1500))) {
            f.root("CreateRole", "RoleName", "a", "AssumeRolePolicyDocument", TRUST_EC2);
            f.root("CreateRole", "RoleName", "b", "AssumeRolePolicyDocument", TRUST_EC2);
            expect(f.rootFails("CreateRole", "RoleName", "c", "AssumeRolePolicyDocument", TRUST_EC2),
                    IamError.LIMIT_EXCEEDED, "Cannot exceed quota for RolesPerAccount: 2");
        }
    }

    @Test
    void policiesPerAccountCountsCustomerManagedPoliciesOnly() throws Exception {
        try (IamFixture f = new IamFixture(IamFixture.smallAccountQuotas(5000, 300, 1000, 2))) {
            f.createPolicy("a", READ_OBJECTS);
            f.createPolicy("b", READ_OBJECTS);
            expect(f.rootFails("CreatePolicy", "PolicyName", "c", "PolicyDocument", READ_OBJECTS),
                    IamError.LIMIT_EXCEEDED, "Cannot exceed quota for PoliciesPerAccount: 2");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"User", "Group", "Role"})
    void tenManagedPoliciesPerUserGroupOrRole(String noun) throws Exception {
        try (IamFixture f = new IamFixture()) {
            f.createHolder(noun, "holder");
            for (int i = 1; i <= 10; i++) {
                f.root("Attach" + noun + "Policy", noun + "Name", "holder", "PolicyArn", f.createPolicy("p" + i, READ_OBJECTS));
            }
            String eleventh = f.createPolicy("p11", READ_OBJECTS);
            expect(f.rootFails("Attach" + noun + "Policy", noun + "Name", "holder", "PolicyArn", eleventh),
                    IamError.LIMIT_EXCEEDED, "Cannot exceed quota for PoliciesPer" + noun + ": 10");
        }
    }

    @Test
    void tenGroupsPerUser() throws Exception {
        try (IamFixture f = new IamFixture()) {
            f.root("CreateUser", "UserName", "alice");
            for (int i = 1; i <= 11; i++) {
                f.root("CreateGroup", "GroupName", "g" + i);
            }
            for (int i = 1; i <= 10; i++) {
                f.root("AddUserToGroup", "GroupName", "g" + i, "UserName", "alice");
            }
            expect(f.rootFails("AddUserToGroup", "GroupName", "g11", "UserName", "alice"), IamError.LIMIT_EXCEEDED,
                    "Cannot exceed quota for GroupsPerUser: 10");
        }
    }

    @Test
    void twoAccessKeysPerUser() throws Exception {
        try (IamFixture f = new IamFixture()) {
            f.root("CreateUser", "UserName", "alice");
            f.root("CreateAccessKey", "UserName", "alice");
            f.root("CreateAccessKey", "UserName", "alice");
            expect(f.rootFails("CreateAccessKey", "UserName", "alice"), IamError.LIMIT_EXCEEDED,
                    "Cannot exceed quota for AccessKeysPerUser: 2");
        }
    }

    @Test
    void fiveVersionsPerManagedPolicy() throws Exception {
        try (IamFixture f = new IamFixture()) {
            String arn = f.createPolicy("Reads", READ_OBJECTS);
            for (int i = 2; i <= 5; i++) {
                f.root("CreatePolicyVersion", "PolicyArn", arn, "PolicyDocument", READ_OBJECTS);
            }
            expect(f.rootFails("CreatePolicyVersion", "PolicyArn", arn, "PolicyDocument", READ_OBJECTS),
                    IamError.LIMIT_EXCEEDED, "A managed policy can have up to 5 versions. Before you create a new "
                            + "version, you must delete an existing version.");
            f.root("DeletePolicyVersion", "PolicyArn", arn, "VersionId", "v2");
            assertThat(f.root("CreatePolicyVersion", "PolicyArn", arn, "PolicyDocument", READ_OBJECTS)
                    .at("/PolicyVersion/VersionId").asText()).isEqualTo("v6");
        }
    }

    @Test
    void fiftyTagsPerEntityWhenCreating() throws Exception {
        try (IamFixture f = new IamFixture()) {
            f.root("CreateUser", with(tags(50), "UserName", "fifty"));
            String message = "Cannot exceed quota for TagsPerEntity: 50";
            expect(f.rootFails("CreateUser", with(tags(51), "UserName", "alice")), IamError.LIMIT_EXCEEDED, message);
            expect(f.rootFails("CreateRole", with(tags(51), "RoleName", "app", "AssumeRolePolicyDocument", TRUST_EC2)),
                    IamError.LIMIT_EXCEEDED, message);
            expect(f.rootFails("CreatePolicy", with(tags(51), "PolicyName", "p", "PolicyDocument", READ_OBJECTS)),
                    IamError.LIMIT_EXCEEDED, message);
        }
    }

    @Test
    void fiftyTagsPerEntityWhenTagging() throws Exception {
        try (IamFixture f = new IamFixture()) {
            String[] one = {"Tags.member.1.Key", "extra", "Tags.member.1.Value", "x"};
            String[] replacing = {"Tags.member.1.Key", "K50", "Tags.member.1.Value", "replaced"};
            String message = "Cannot exceed quota for TagsPerEntity: 50";

            f.root("CreateUser", with(tags(50), "UserName", "alice"));
            f.root("TagUser", with(replacing, "UserName", "alice"));
            expect(f.rootFails("TagUser", with(one, "UserName", "alice")), IamError.LIMIT_EXCEEDED, message);

            f.root("CreateRole", with(tags(50), "RoleName", "app", "AssumeRolePolicyDocument", TRUST_EC2));
            expect(f.rootFails("TagRole", with(one, "RoleName", "app")), IamError.LIMIT_EXCEEDED, message);

            String arn = f.root("CreatePolicy", with(tags(50), "PolicyName", "p", "PolicyDocument", READ_OBJECTS))
                    .at("/Policy/Arn").asText();
            expect(f.rootFails("TagPolicy", with(one, "PolicyArn", arn)), IamError.LIMIT_EXCEEDED, message);
        }
    }

    @ParameterizedTest
    @CsvSource({"User, 2048", "Group, 5120", "Role, 10240"})
    void inlinePoliciesTogetherHaveASizeQuota(String noun, int quota) throws Exception {
        try (IamFixture f = new IamFixture()) {
            f.createHolder(noun, "Holder");
            String name = noun + "Name";
            int half = quota / 2;
            f.root("Put" + noun + "Policy", name, "holder", "PolicyName", "a", "PolicyDocument", identityPolicyOfSize(half));
            f.root("Put" + noun + "Policy", name, "holder", "PolicyName", "b",
                    "PolicyDocument", identityPolicyOfSize(quota - half));
            // replacing a policy counts its new size instead of its old one
            f.root("Put" + noun + "Policy", name, "holder", "PolicyName", "B",
                    "PolicyDocument", identityPolicyOfSize(quota - half));
            expect(f.rootFails("Put" + noun + "Policy", name, "holder", "PolicyName", "b",
                            "PolicyDocument", identityPolicyOfSize(quota - half + 1)), IamError.LIMIT_EXCEEDED,
                    "Maximum policy size of " + quota + " bytes exceeded for " + noun.toLowerCase(Locale.ROOT) + " Holder");
        }
    }

    @ParameterizedTest
    @CsvSource({"User, 2048", "Group, 5120", "Role, 10240"})
    void oneInlinePolicyAloneOverTheQuotaSaysTheSame(String noun, int quota) throws Exception {
        try (IamFixture f = new IamFixture()) {
            f.createHolder(noun, "holder");
            f.root("Put" + noun + "Policy", noun + "Name", "holder", "PolicyName", "max",
                    "PolicyDocument", identityPolicyOfSize(quota));
            f.root("Delete" + noun + "Policy", noun + "Name", "holder", "PolicyName", "max");
            expect(f.rootFails("Put" + noun + "Policy", noun + "Name", "holder", "PolicyName", "big",
                            "PolicyDocument", identityPolicyOfSize(quota + 1)), IamError.LIMIT_EXCEEDED,
                    "Maximum policy size of " + quota + " bytes exceeded for " + noun.toLowerCase(Locale.ROOT) + " holder");
        }
    }

    @Test
    void whitespaceDoesNotCountTowardsAPolicysSize() throws Exception {
        try (IamFixture f = new IamFixture()) {
            f.root("CreateUser", "UserName", "alice");
            String spacious = identityPolicyOfSize(2048).replace(",", " ,\n\t    ");
            f.root("PutUserPolicy", "UserName", "alice", "PolicyName", "p", "PolicyDocument", spacious);
            assertThat(spacious.length()).isGreaterThan(2048);
        }
    }

    @Test
    void aManagedPolicyDocumentHas6144Characters() throws Exception {
        try (IamFixture f = new IamFixture()) {
            String arn = f.createPolicy("max", identityPolicyOfSize(6144));
            String message = "Cannot exceed quota for PolicySize: 6144";
            expect(f.rootFails("CreatePolicy", "PolicyName", "big", "PolicyDocument", identityPolicyOfSize(6145)),
                    IamError.LIMIT_EXCEEDED, message);
            expect(f.rootFails("CreatePolicyVersion", "PolicyArn", arn, "PolicyDocument", identityPolicyOfSize(6145)),
                    IamError.LIMIT_EXCEEDED, message);
        }
    }

    @Test
    void aTrustPolicyHas2048Characters() throws Exception {
        try (IamFixture f = new IamFixture()) {
            f.root("CreateRole", "RoleName", "app", "AssumeRolePolicyDocument", trustPolicyOfSize(2048));
            String message = "Cannot exceed quota for ACLSizePerRole: 2048";
            expect(f.rootFails("CreateRole", "RoleName", "big", "AssumeRolePolicyDocument", trustPolicyOfSize(2049)),
                    IamError.LIMIT_EXCEEDED, message);
            expect(f.rootFails("UpdateAssumeRolePolicy", "RoleName", "app", "PolicyDocument", trustPolicyOfSize(2049)),
                    IamError.LIMIT_EXCEEDED, message);
        }
    }
}
