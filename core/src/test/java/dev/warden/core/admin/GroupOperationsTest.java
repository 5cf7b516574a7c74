package dev.warden.core.admin;

import static dev.warden.core.admin.IamFixture.expect;
import static dev.warden.core.admin.UserOperationsTest.keys;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.warden.core.iam.IamError;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * CreateGroup, GetGroup, UpdateGroup, DeleteGroup, ListGroups, AddUserToGroup, RemoveUserFromGroup,
 * ListGroupsForUser: AWS's answers.
 */
class GroupOperationsTest {

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
    void createGroupAnswersWithTheGroupInAwsShape() throws Exception {
        ObjectNode out = f.root("CreateGroup", "GroupName", "devs", "Path", "/teams/");
        assertThat(keys(out)).containsExactly("Group");
        JsonNode group = out.get("Group");
        assertThat(keys(group)).containsExactly("Path", "GroupName", "GroupId", "Arn", "CreateDate");
        assertThat(group.get("GroupId").asText()).matches("AGPA[A-Z2-7]{16}");
        assertThat(group.get("Arn").asText()).isEqualTo("arn:aws:iam::111122223333:group/teams/devs");
        assertThat(group.get("Path").asText()).isEqualTo("/teams/");
    }

    @Test
    void getGroupListsTheGroupAndItsMembers() throws Exception {
        JsonNode created = f.root("CreateGroup", "GroupName", "devs").get("Group");
        f.root("CreateUser", "UserName", "bob");
        f.root("CreateUser", "UserName", "alice");
        f.root("CreateUser", "UserName", "carol");
        f.root("AddUserToGroup", "GroupName", "devs", "UserName", "bob");
        f.root("AddUserToGroup", "GroupName", "DEVS", "UserName", "alice");

        ObjectNode out = f.root("GetGroup", "GroupName", "devs");
        assertThat(keys(out)).containsExactlyInAnyOrder("Group", "Users", "IsTruncated");
        assertThat(out.get("Group")).isEqualTo(created);
        assertThat(out.findValuesAsText("UserName")).containsExactly("alice", "bob");
        assertThat(out.get("IsTruncated").asBoolean()).isFalse();
    }

    @Test
    void updateGroupRenamesAndMovesAndTheMembersFollow() throws Exception {
        String id = f.root("CreateGroup", "GroupName", "devs").at("/Group/GroupId").asText();
        f.root("CreateUser", "UserName", "alice");
        f.root("AddUserToGroup", "GroupName", "devs", "UserName", "alice");

        assertThat(f.root("UpdateGroup", "GroupName", "devs", "NewGroupName", "engineers", "NewPath", "/eng/").isEmpty())
                .isTrue();

        ObjectNode got = f.root("GetGroup", "GroupName", "engineers");
        assertThat(got.at("/Group/GroupId").asText()).isEqualTo(id);
        assertThat(got.at("/Group/Arn").asText()).isEqualTo("arn:aws:iam::111122223333:group/eng/engineers");
        assertThat(got.findValuesAsText("UserName")).containsExactly("alice");
        assertThat(f.root("ListGroupsForUser", "UserName", "alice").findValuesAsText("GroupName"))
                .containsExactly("engineers");
        expect(f.rootFails("GetGroup", "GroupName", "devs"), IamError.NO_SUCH_ENTITY,
                "The group with name devs cannot be found.");
    }

    @Test
    void updateGroupToAnotherGroupsNameIsRefused() throws Exception {
        f.root("CreateGroup", "GroupName", "devs");
        f.root("CreateGroup", "GroupName", "ops");
        expect(f.rootFails("UpdateGroup", "GroupName", "devs", "NewGroupName", "Ops"), IamError.ENTITY_ALREADY_EXISTS,
                "Group with name Ops already exists.");
    }

    @Test
    void deleteGroupAnswersEmptyAndTheGroupIsGone() throws Exception {
        f.root("CreateGroup", "GroupName", "devs");
        assertThat(f.root("DeleteGroup", "GroupName", "devs").isEmpty()).isTrue();
        assertThat(f.root("ListGroups").get("Groups")).isEmpty();
    }

    @Test
    void listGroupsSortsAndFiltersByPath() throws Exception {
        f.root("CreateGroup", "GroupName", "ops", "Path", "/it/");
        f.root("CreateGroup", "GroupName", "Devs", "Path", "/eng/");
        f.root("CreateGroup", "GroupName", "admins");
        ObjectNode all = f.root("ListGroups");
        assertThat(keys(all)).containsExactly("Groups", "IsTruncated");
        assertThat(all.findValuesAsText("GroupName")).containsExactly("admins", "Devs", "ops");
        assertThat(f.root("ListGroups", "PathPrefix", "/eng/").findValuesAsText("GroupName")).containsExactly("Devs");
    }

    @Test
    void addUserToGroupTwiceIsOneMembership() throws Exception {
        f.root("CreateGroup", "GroupName", "devs");
        f.root("CreateUser", "UserName", "alice");
        assertThat(f.root("AddUserToGroup", "GroupName", "devs", "UserName", "alice").isEmpty()).isTrue();
        long version = f.warden.directory().current().version();
        f.root("AddUserToGroup", "GroupName", "devs", "UserName", "alice");
        assertThat(f.warden.directory().current().version()).isEqualTo(version);
        assertThat(f.root("GetGroup", "GroupName", "devs").get("Users")).hasSize(1);
    }

    @Test
    void removeUserFromGroupEndsTheMembership() throws Exception {
        f.root("CreateGroup", "GroupName", "devs");
        f.root("CreateUser", "UserName", "alice");
        f.root("AddUserToGroup", "GroupName", "devs", "UserName", "alice");
        assertThat(f.root("RemoveUserFromGroup", "GroupName", "devs", "UserName", "alice").isEmpty()).isTrue();
        assertThat(f.root("GetGroup", "GroupName", "devs").get("Users")).isEmpty();
        expect(f.rootFails("RemoveUserFromGroup", "GroupName", "devs", "UserName", "alice"), IamError.NO_SUCH_ENTITY,
                "The user with name alice is not in group devs.");
    }

    @Test
    void listGroupsForUserListsItsGroupsInGroupShape() throws Exception {
        f.root("CreateUser", "UserName", "alice");
        f.root("CreateGroup", "GroupName", "devs", "Path", "/eng/");
        f.root("CreateGroup", "GroupName", "admins");
        f.root("AddUserToGroup", "GroupName", "devs", "UserName", "alice");
        f.root("AddUserToGroup", "GroupName", "admins", "UserName", "alice");

        ObjectNode out = f.root("ListGroupsForUser", "UserName", "alice");
        assertThat(keys(out)).containsExactly("Groups", "IsTruncated");
        assertThat(out.findValuesAsText("GroupName")).containsExactly("devs", "admins");
        assertThat(keys(out.at("/Groups/0"))).containsExactly("Path", "GroupName", "GroupId", "Arn", "CreateDate");
    }
}
