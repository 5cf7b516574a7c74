package dev.warden.core.admin;

import static dev.warden.core.admin.IamFixture.READ_OBJECTS;
import static dev.warden.core.admin.IamFixture.identityPolicyOfSize;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.warden.core.iam.Directory;
import dev.warden.core.iam.IamException;
import dev.warden.spi.AuthorizationRequest;
import dev.warden.spi.DocumentChange;
import dev.warden.spi.Principal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * No half-applied change: an operation that fails writes nothing and leaves the snapshot in place; one that changes
 * several documents commits them together, once.
 */
class AtomicChangesTest {

    private static final String USERS = "accounts/111122223333/users/";
    private static final String GROUPS = "accounts/111122223333/groups/";

    private IamFixture f;

    @BeforeEach
    void setUp() throws Exception {
        f = new IamFixture();
    }

    @AfterEach
    void tearDown() throws Exception {
        f.close();
    }

    /** Runs a call that must fail and checks that the snapshot, the store and the commit log are untouched. */
    private void failsWithoutTrace(String action, String... params) throws Exception {
        Directory before = f.warden.directory().current();
        Map<String, String> documents = f.store.readAll();
        int commits = f.commits.size();
        try {
            f.root(action, params);
            throw new AssertionError(action + " should have failed");
        } catch (IamException expected) {
            assertThat(f.warden.directory().current()).as(action).isSameAs(before);
            assertThat(f.store.readAll()).as(action).isEqualTo(documents);
            assertThat(f.commits).as(action).hasSize(commits);
        }
    }

    @Test
    void aFailingOperationLeavesTheDirectoryAsItWas() throws Exception {
        f.root("CreateUser", "UserName", "alice");
        f.root("CreateGroup", "GroupName", "devs");
        f.root("CreateGroup", "GroupName", "ops");
        f.root("CreateAccessKey", "UserName", "alice");
        f.root("CreateAccessKey", "UserName", "alice");
        f.root("PutUserPolicy", "UserName", "alice", "PolicyName", "big", "PolicyDocument", identityPolicyOfSize(2000));
        String arn = f.createPolicy("Reads", READ_OBJECTS);
        f.root("AttachUserPolicy", "UserName", "alice", "PolicyArn", arn);

        failsWithoutTrace("CreateUser", "UserName", "bob", "PermissionsBoundary", "arn:aws:iam::111122223333:policy/None",
                "Tags.member.1.Key", "k", "Tags.member.1.Value", "v");
        failsWithoutTrace("PutUserPolicy", "UserName", "alice", "PolicyName", "more", "PolicyDocument", READ_OBJECTS);
        failsWithoutTrace("CreateAccessKey", "UserName", "alice");
        failsWithoutTrace("UpdateGroup", "GroupName", "devs", "NewGroupName", "OPS");
        failsWithoutTrace("DeleteUser", "UserName", "alice");
        failsWithoutTrace("DeletePolicy", "PolicyArn", arn);
        failsWithoutTrace("UpdateUser", "UserName", "alice", "NewUserName", "x y");
    }

    @Test
    void renamingAGroupRewritesItsMembersInOneCommit() throws Exception {
        f.root("CreateGroup", "GroupName", "devs");
        f.root("CreateGroup", "GroupName", "other");
        for (String name : List.of("a", "b", "c", "outsider")) {
            f.root("CreateUser", "UserName", name);
            f.root("AddUserToGroup", "GroupName", name.equals("outsider") ? "other" : "devs", "UserName", name);
        }
        long version = f.warden.directory().current().version();
        int commits = f.commits.size();

        f.root("UpdateGroup", "GroupName", "devs", "NewGroupName", "engineers");

        assertThat(f.commits).hasSize(commits + 1);
        List<DocumentChange> commit = f.commits.get(commits);
        assertThat(commit).extracting(DocumentChange::path).containsExactlyInAnyOrder(GROUPS + "devs.json",
                GROUPS + "engineers.json", USERS + "a.json", USERS + "b.json", USERS + "c.json");
        assertThat(commit).filteredOn(c -> c.path().equals(GROUPS + "devs.json")).singleElement()
                .satisfies(c -> assertThat(c.replacement()).isNull());
        assertThat(f.warden.directory().current().version()).isEqualTo(version + 1);
        for (String member : List.of("a", "b", "c")) {
            assertThat(f.warden.directory().current().account(IamFixture.ACCOUNT).user(member).groups())
                    .containsExactly("engineers");
        }
        assertThat(f.warden.directory().current().account(IamFixture.ACCOUNT).user("outsider").groups())
                .containsExactly("other");
    }

    @Test
    void aRenamedGroupsPoliciesStillReachItsMembers() throws Exception {
        f.root("CreateUser", "UserName", "alice");
        f.root("CreateGroup", "GroupName", "readers");
        f.root("PutGroupPolicy", "GroupName", "readers", "PolicyName", "p", "PolicyDocument", READ_OBJECTS);
        f.root("AddUserToGroup", "GroupName", "readers", "UserName", "alice");
        f.root("UpdateGroup", "GroupName", "readers", "NewGroupName", "Viewers");
        AuthorizationRequest read = AuthorizationRequest.builder(Principal.of("arn:aws:iam::111122223333:user/alice"),
                "s3:GetObject", "arn:aws:s3:::b/k").build();
        assertThat(f.warden.authorize(read).isAllowed()).isTrue();
        assertThat(f.warden.authorize(read).decidingStatements().get(0).policyName())
                .isEqualTo("inline policy p of group Viewers");
    }

    @Test
    void renamingAUserMovesItsDocument() throws Exception {
        String id = f.root("CreateUser", "UserName", "alice").at("/User/UserId").asText();
        String key = f.root("CreateAccessKey", "UserName", "alice").at("/AccessKey/AccessKeyId").asText();
        f.root("PutUserPolicy", "UserName", "alice", "PolicyName", "p", "PolicyDocument", READ_OBJECTS);
        int commits = f.commits.size();

        f.root("UpdateUser", "UserName", "alice", "NewUserName", "alicia", "NewPath", "/eng/");

        assertThat(f.commits).hasSize(commits + 1);
        assertThat(f.commits.get(commits)).extracting(DocumentChange::path)
                .containsExactlyInAnyOrder(USERS + "alice.json", USERS + "alicia.json");
        Map<String, String> documents = f.store.readAll();
        assertThat(documents).doesNotContainKey(USERS + "alice.json");
        var moved = new ObjectMapper().readTree(documents.get(USERS + "alicia.json"));
        assertThat(moved.get("userName").asText()).isEqualTo("alicia");
        assertThat(moved.get("userId").asText()).isEqualTo(id);
        assertThat(moved.get("path").asText()).isEqualTo("/eng/");
        assertThat(moved.at("/inlinePolicies/p/Statement/0/Action").asText()).isEqualTo("s3:GetObject");
        assertThat(f.warden.directory().current().accessKeyOwner(key).userName()).isEqualTo("alicia");

        AuthorizationRequest asAlicia = AuthorizationRequest.builder(
                Principal.of("arn:aws:iam::111122223333:user/eng/alicia"), "s3:GetObject", "arn:aws:s3:::b/k").build();
        AuthorizationRequest asAlice = AuthorizationRequest.builder(
                Principal.of("arn:aws:iam::111122223333:user/alice"), "s3:GetObject", "arn:aws:s3:::b/k").build();
        assertThat(f.warden.authorize(asAlicia).isAllowed()).isTrue();
        assertThat(f.warden.authorize(asAlice).reason()).endsWith("because the principal does not exist");
    }

    @Test
    void aSnapshotNeverChangesUnderItsReader() throws Exception {
        f.root("CreateUser", "UserName", "alice");
        Directory before = f.warden.directory().current();
        f.root("DeleteUser", "UserName", "alice");
        f.root("CreateUser", "UserName", "bob");
        assertThat(before.account(IamFixture.ACCOUNT).user("alice")).isNotNull();
        assertThat(before.account(IamFixture.ACCOUNT).user("bob")).isNull();
        assertThat(f.warden.directory().current().version()).isEqualTo(before.version() + 2);
    }
}
