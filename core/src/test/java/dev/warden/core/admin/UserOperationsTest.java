package dev.warden.core.admin;

import static dev.warden.core.admin.IamFixture.ARN;
import static dev.warden.core.admin.IamFixture.READ_OBJECTS;
import static dev.warden.core.admin.IamFixture.expect;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.warden.core.iam.IamError;
import dev.warden.spi.Principal;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** CreateUser, GetUser, UpdateUser, DeleteUser, ListUsers, TagUser, UntagUser, ListUserTags: AWS's answers. */
class UserOperationsTest {

    private IamFixture f;

    @BeforeEach
    void setUp() throws Exception {
        f = new IamFixture();
    }

    @AfterEach
    void tearDown() throws Exception {
        f.close();
    }

    static List<String> keys(JsonNode node) {
        List<String> keys = new ArrayList<>();
        node.fieldNames().forEachRemaining(keys::add);
        return keys;
    }

    @Test
    void createUserAnswersWithTheUserInAwsShape() throws Exception {
        String boundary = f.createPolicy("Boundary", READ_OBJECTS);
        Instant before = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        ObjectNode out = f.root("CreateUser", "UserName", "alice", "Path", "/eng/", "PermissionsBoundary", boundary,
                "Tags.member.1.Key", "team", "Tags.member.1.Value", "web");

        assertThat(keys(out)).containsExactly("User");
        JsonNode user = out.get("User");
        assertThat(keys(user)).containsExactlyInAnyOrder("Path", "UserName", "UserId", "Arn", "CreateDate",
                "PermissionsBoundary", "Tags");
        assertThat(user.get("Path").asText()).isEqualTo("/eng/");
        assertThat(user.get("UserName").asText()).isEqualTo("alice");
        assertThat(user.get("UserId").asText()).matches("AIDA[A-Z2-7]{16}");
        assertThat(user.get("Arn").asText()).isEqualTo("arn:aws:iam::111122223333:user/eng/alice");
        assertThat(Instant.parse(user.get("CreateDate").asText())).isBetween(before, Instant.now());
        assertThat(user.at("/PermissionsBoundary/PermissionsBoundaryType").asText()).isEqualTo("Policy");
        assertThat(user.at("/PermissionsBoundary/PermissionsBoundaryArn").asText()).isEqualTo(boundary);
        assertThat(user.at("/Tags/0/Key").asText()).isEqualTo("team");
        assertThat(user.at("/Tags/0/Value").asText()).isEqualTo("web");
    }

    @Test
    void createUserWithoutBoundaryOrTagsLeavesThoseKeysOut() throws Exception {
        JsonNode user = f.root("CreateUser", "UserName", "bob").get("User");
        assertThat(keys(user)).containsExactly("Path", "UserName", "UserId", "Arn", "CreateDate");
        assertThat(user.get("Path").asText()).isEqualTo("/");
    }

    @Test
    void getUserReturnsWhatCreateUserReturned() throws Exception {
        JsonNode created = f.root("CreateUser", "UserName", "alice", "Path", "/eng/").get("User");
        ObjectNode got = f.root("GetUser", "UserName", "ALICE");
        assertThat(keys(got)).containsExactly("User");
        assertThat(got.get("User")).isEqualTo(created);
    }

    @Test
    void getUserWithoutUserNameIsTheCallingUser() throws Exception {
        Principal alice = f.userWithPolicy("alice", "/", "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
                + "\"Action\":\"iam:GetUser\",\"Resource\":\"*\"}]}");
        assertThat(f.as(alice, "GetUser").at("/User/Arn").asText()).isEqualTo(alice.arn());
        expect(f.fails(Principal.of("arn:aws:sts::111122223333:assumed-role/app/session"), "GetUser"),
                IamError.VALIDATION_ERROR, "Must specify userName when calling with non-User credentials");
    }

    @Test
    void updateUserRenamesAndMovesKeepingTheUserId() throws Exception {
        String id = f.root("CreateUser", "UserName", "alice", "Path", "/eng/").at("/User/UserId").asText();
        ObjectNode out = f.root("UpdateUser", "UserName", "alice", "NewUserName", "alicia", "NewPath", "/ops/");
        assertThat(out.isEmpty()).isTrue();

        JsonNode user = f.root("GetUser", "UserName", "alicia").get("User");
        assertThat(user.get("UserId").asText()).isEqualTo(id);
        assertThat(user.get("Arn").asText()).isEqualTo("arn:aws:iam::111122223333:user/ops/alicia");
        expect(f.rootFails("GetUser", "UserName", "alice"), IamError.NO_SUCH_ENTITY,
                "The user with name alice cannot be found.");
    }

    @Test
    void updateUserMayChangeOnlyTheCaseOfTheName() throws Exception {
        f.root("CreateUser", "UserName", "alice");
        f.root("UpdateUser", "UserName", "alice", "NewUserName", "Alice");
        assertThat(f.root("GetUser", "UserName", "alice").at("/User/UserName").asText()).isEqualTo("Alice");
        assertThat(f.store.readAll()).containsKey("accounts/111122223333/users/Alice.json")
                .doesNotContainKey("accounts/111122223333/users/alice.json");
    }

    @Test
    void updateUserToAnotherUsersNameIsRefused() throws Exception {
        f.root("CreateUser", "UserName", "alice");
        f.root("CreateUser", "UserName", "bob");
        expect(f.rootFails("UpdateUser", "UserName", "alice", "NewUserName", "BOB"), IamError.ENTITY_ALREADY_EXISTS,
                "User with name BOB already exists.");
    }

    @Test
    void deleteUserAnswersEmptyAndTheUserIsGone() throws Exception {
        f.root("CreateUser", "UserName", "alice");
        assertThat(f.root("DeleteUser", "UserName", "alice").isEmpty()).isTrue();
        expect(f.rootFails("GetUser", "UserName", "alice"), IamError.NO_SUCH_ENTITY,
                "The user with name alice cannot be found.");
        assertThat(f.store.readAll()).doesNotContainKey("accounts/111122223333/users/alice.json");
    }

    @Test
    void listUsersSortsFiltersByPathAndLeavesOutBoundaryAndTags() throws Exception {
        String boundary = f.createPolicy("Boundary", READ_OBJECTS);
        f.root("CreateUser", "UserName", "carol", "Path", "/eng/", "PermissionsBoundary", boundary,
                "Tags.member.1.Key", "k", "Tags.member.1.Value", "v");
        f.root("CreateUser", "UserName", "Bob", "Path", "/eng/backend/");
        f.root("CreateUser", "UserName", "alice", "Path", "/ops/");

        ObjectNode all = f.root("ListUsers");
        assertThat(keys(all)).containsExactly("Users", "IsTruncated");
        assertThat(all.findValuesAsText("UserName")).containsExactly("alice", "Bob", "carol");
        assertThat(all.get("IsTruncated").asBoolean()).isFalse();
        for (JsonNode user : all.get("Users")) {
            assertThat(keys(user)).containsExactly("Path", "UserName", "UserId", "Arn", "CreateDate");
        }
        assertThat(f.root("ListUsers", "PathPrefix", "/eng/").findValuesAsText("UserName")).containsExactly("Bob", "carol");
    }

    @Test
    void listUsersPagesWithMaxItemsAndMarker() throws Exception {
        for (String name : List.of("a", "b", "c")) {
            f.root("CreateUser", "UserName", name);
        }
        ObjectNode first = f.root("ListUsers", "MaxItems", "2");
        assertThat(first.findValuesAsText("UserName")).containsExactly("a", "b");
        assertThat(first.get("IsTruncated").asBoolean()).isTrue();
        ObjectNode second = f.root("ListUsers", "MaxItems", "2", "Marker", first.get("Marker").asText());
        assertThat(second.findValuesAsText("UserName")).containsExactly("c");
        assertThat(second.get("IsTruncated").asBoolean()).isFalse();
        assertThat(second.has("Marker")).isFalse();

        expect(f.rootFails("ListUsers", "Marker", "nonsense"), IamError.VALIDATION_ERROR, "Invalid Marker nonsense");
        expect(f.rootFails("ListUsers", "MaxItems", "0"), IamError.VALIDATION_ERROR, "1 validation error detected: "
                + "Value '0' at 'maxItems' failed to satisfy constraint: Member must have value between 1 and 1000");
    }

    @Test
    void tagUserAddsAndReplacesTagsWithoutRegardToKeyCase() throws Exception {
        f.root("CreateUser", "UserName", "alice", "Tags.member.1.Key", "Team", "Tags.member.1.Value", "web");
        assertThat(f.root("TagUser", "UserName", "alice", "Tags.member.1.Key", "team", "Tags.member.1.Value", "api",
                "Tags.member.2.Key", "cost", "Tags.member.2.Value", "42").isEmpty()).isTrue();

        ObjectNode tags = f.root("ListUserTags", "UserName", "alice");
        assertThat(keys(tags)).containsExactly("Tags", "IsTruncated");
        assertThat(tags.findValuesAsText("Key")).as("sorted by key, as AWS lists them").containsExactly("cost", "team");
        assertThat(tags.findValuesAsText("Value")).containsExactly("42", "api");
        assertThat(tags.get("IsTruncated").asBoolean()).isFalse();
    }

    @Test
    void untagUserRemovesTheNamedKeysOnly() throws Exception {
        f.root("CreateUser", "UserName", "alice", "Tags.member.1.Key", "a", "Tags.member.1.Value", "1",
                "Tags.member.2.Key", "b", "Tags.member.2.Value", "2");
        assertThat(f.root("UntagUser", "UserName", "alice", "TagKeys.member.1", "A", "TagKeys.member.2", "missing")
                .isEmpty()).isTrue();
        assertThat(f.root("ListUserTags", "UserName", "alice").findValuesAsText("Key")).containsExactly("b");
    }

    @Test
    void listUserTagsOfAnUntaggedUserIsAnEmptyList() throws Exception {
        f.root("CreateUser", "UserName", "alice");
        ObjectNode tags = f.root("ListUserTags", "UserName", "alice");
        assertThat(tags.get("Tags").isArray()).isTrue();
        assertThat(tags.get("Tags")).isEmpty();
    }

    @Test
    void theUsersArnInEveryAnswerCarriesItsPath() throws Exception {
        f.root("CreateUser", "UserName", "alice", "Path", "/a/b/");
        assertThat(f.root("ListUsers").at("/Users/0/Arn").asText()).isEqualTo(ARN + "user/a/b/alice");
    }
}
