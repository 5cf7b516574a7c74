package dev.warden.core.admin;

import static dev.warden.core.admin.IamFixture.READ_OBJECTS;
import static dev.warden.core.admin.IamFixture.TRUST_EC2;
import static dev.warden.core.admin.IamFixture.expect;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.warden.core.iam.IamError;
import dev.warden.core.iam.IamException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** EntityAlreadyExists: IAM names are unique in an account without regard to case or path. */
class EntityAlreadyExistsTest {

    private IamFixture f;

    @BeforeEach
    void setUp() throws Exception {
        f = new IamFixture();
    }

    @AfterEach
    void tearDown() throws Exception {
        f.close();
    }

    @Test
    void aUserNameDiffersOnlyInCase() throws Exception {
        f.root("CreateUser", "UserName", "alice");
        expect(f.rootFails("CreateUser", "UserName", "ALICE"), IamError.ENTITY_ALREADY_EXISTS,
                "User with name ALICE already exists.");
    }

    @Test
    void aUserNameIsTakenWhateverThePath() throws Exception {
        f.root("CreateUser", "UserName", "alice", "Path", "/eng/");
        expect(f.rootFails("CreateUser", "UserName", "Alice", "Path", "/ops/"), IamError.ENTITY_ALREADY_EXISTS,
                "User with name Alice already exists.");
    }

    @Test
    void aGroupName() throws Exception {
        f.root("CreateGroup", "GroupName", "devs");
        expect(f.rootFails("CreateGroup", "GroupName", "DEVS"), IamError.ENTITY_ALREADY_EXISTS,
                "Group with name DEVS already exists.");
    }

    @Test
    void aRoleName() throws Exception {
        f.root("CreateRole", "RoleName", "app", "AssumeRolePolicyDocument", TRUST_EC2);
        expect(f.rootFails("CreateRole", "RoleName", "App", "AssumeRolePolicyDocument", TRUST_EC2),
                IamError.ENTITY_ALREADY_EXISTS, "Role with name App already exists.");
    }

    @Test
    void aManagedPolicyName() throws Exception {
        f.createPolicy("Reads", READ_OBJECTS);
        expect(f.rootFails("CreatePolicy", "PolicyName", "READS", "Path", "/other/", "PolicyDocument", READ_OBJECTS),
                IamError.ENTITY_ALREADY_EXISTS, "A policy called READS already exists. Duplicate names are not allowed.");
    }

    @Test
    void aCustomerPolicyMayShareItsNameWithAShippedAwsPolicy() throws Exception {
        String arn = f.createPolicy("AdministratorAccess", READ_OBJECTS);
        assertThat(arn).isEqualTo("arn:aws:iam::111122223333:policy/AdministratorAccess");
    }

    @Test
    void anAccount() throws Exception {
        assertThatThrownBy(() -> f.iam.createAccount(IamFixture.ACCOUNT, null)).isInstanceOfSatisfying(IamException.class,
                e -> expect(e, IamError.ENTITY_ALREADY_EXISTS, "The account 111122223333 already exists."));
        assertThatThrownBy(() -> f.iam.createAccount(IamFixture.OTHER_ACCOUNT, "example"))
                .isInstanceOfSatisfying(IamException.class,
                        e -> expect(e, IamError.ENTITY_ALREADY_EXISTS, "The account alias example already exists."));
        assertThat(f.warden.directory().current().account(IamFixture.OTHER_ACCOUNT)).isNull();
    }
}
