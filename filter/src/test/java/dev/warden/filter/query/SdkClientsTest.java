package dev.warden.filter.query;

import static dev.warden.filter.query.QueryEndpointServer.fails;
import static dev.warden.filter.query.QueryEndpointServer.session;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.Tag;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.model.Credentials;

/** The AWS SDK for Java v2 IAM and STS clients, unmodified, against the Query endpoints over real HTTP. */
class SdkClientsTest {

    private static final String TRUST_BOB = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
            + "\"Principal\":{\"AWS\":\"arn:aws:iam::111122223333:user/bob\"},\"Action\":\"sts:AssumeRole\"}]}";
    private static final String LIST_USERS = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
            + "\"Action\":[\"iam:ListUsers\",\"iam:GetUser\"],\"Resource\":\"*\"}]}";

    private static QueryEndpointServer server;
    private static IamClient admin;

    @BeforeAll
    static void start() throws Exception {
        server = new QueryEndpointServer();
        admin = server.iam(server.admin);
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
    }

    @Test
    void anAdministratorManagesUsersWithTheIamClient() {
        var created = admin.createUser(r -> r.userName("carol").path("/eng/")
                .tags(Tag.builder().key("team").value("blue").build())).user();

        assertThat(created.arn()).isEqualTo("arn:aws:iam::111122223333:user/eng/carol");
        assertThat(created.userId()).matches("AIDA[A-Z2-7]{16}");
        assertThat(created.createDate()).isNotNull();
        assertThat(admin.listUsers().users()).extracting(u -> u.userName()).contains("admin", "carol");
        assertThat(admin.listUserTags(r -> r.userName("carol")).tags())
                .containsExactly(Tag.builder().key("team").value("blue").build());
        admin.putUserPolicy(r -> r.userName("carol").policyName("list").policyDocument(LIST_USERS));
        String document = admin.getUserPolicy(r -> r.userName("carol").policyName("list")).policyDocument();
        assertThat(URLDecoder.decode(document, StandardCharsets.UTF_8)).isEqualTo(LIST_USERS);
        var key = admin.createAccessKey(r -> r.userName("carol")).accessKey();
        assertThat(key.accessKeyId()).matches("AKIA[A-Z2-7]{16}");
        assertThat(key.secretAccessKey()).hasSize(40);
        IamClient carol = server.iam(AwsBasicCredentials.create(key.accessKeyId(), key.secretAccessKey()));
        assertThat(carol.getUser().user().userName()).isEqualTo("carol");
        admin.deleteUserPolicy(r -> r.userName("carol").policyName("list"));
        fails(() -> carol.listUsers(), 403, "AccessDenied",
                "User: arn:aws:iam::111122223333:user/eng/carol is not authorized to perform: iam:ListUsers");
    }

    @Test
    void awsErrorsReachTheSdkWithTheirCodesAndStatuses() {
        fails(() -> admin.getUser(r -> r.userName("nobody")), 404, "NoSuchEntity",
                "The user with name nobody cannot be found.");
        admin.createUser(r -> r.userName("dup"));
        fails(() -> admin.createUser(r -> r.userName("DUP")), 409, "EntityAlreadyExists", "User with name DUP");
        fails(() -> admin.putUserPolicy(r -> r.userName("dup").policyName("p").policyDocument("{\"Version\":1}")),
                400, "MalformedPolicyDocument", "");
    }

    @Test
    void aUserWithoutPermissionsAssumesARoleThatTrustsItAndActsAsTheRole() throws Exception {
        server.root("CreateUser", Map.of("UserName", "bob"));
        AwsBasicCredentials bobKey = server.key("bob");
        admin.createRole(r -> r.roleName("lister").assumeRolePolicyDocument(TRUST_BOB));
        admin.putRolePolicy(r -> r.roleName("lister").policyName("list").policyDocument(LIST_USERS));
        IamClient bob = server.iam(bobKey);
        StsClient bobSts = server.sts(bobKey);

        fails(() -> bob.listUsers(), 403, "AccessDenied", "User: arn:aws:iam::111122223333:user/bob");
        assertThat(bobSts.getCallerIdentity().arn()).isEqualTo("arn:aws:iam::111122223333:user/bob");
        var assumed = bobSts.assumeRole(r -> r.roleArn("arn:aws:iam::111122223333:role/lister")
                .roleSessionName("bob-session").durationSeconds(900));
        Credentials credentials = assumed.credentials();

        assertThat(assumed.assumedRoleUser().arn()).isEqualTo("arn:aws:sts::111122223333:assumed-role/lister/bob-session");
        assertThat(credentials.accessKeyId()).startsWith("ASIA");
        assertThat(credentials.expiration()).isNotNull();
        var identity = server.sts(session(credentials)).getCallerIdentity();
        assertThat(identity.arn()).isEqualTo("arn:aws:sts::111122223333:assumed-role/lister/bob-session");
        assertThat(identity.account()).isEqualTo("111122223333");
        assertThat(server.iam(session(credentials)).listUsers().users()).isNotEmpty();
        fails(() -> server.iam(session(credentials)).createUser(r -> r.userName("x")), 403, "AccessDenied",
                "User: arn:aws:sts::111122223333:assumed-role/lister/bob-session is not authorized");
    }

    @Test
    void sessionTokenCredentialsWithoutMfaCannotCallIam() {
        StsClient sts = server.sts(server.admin);
        Credentials credentials = sts.getSessionToken(r -> r.durationSeconds(900)).credentials();

        fails(() -> server.iam(session(credentials)).listUsers(), 403, "AccessDenied", "User: arn:aws:iam::111122223333:user/admin");
        assertThat(server.sts(session(credentials)).getCallerIdentity().arn())
                .isEqualTo("arn:aws:iam::111122223333:user/admin");
    }

    @Test
    void badCredentialsAreRefusedWithAwsAuthenticationErrors() {
        AwsBasicCredentials wrongSecret = AwsBasicCredentials.create(server.admin.accessKeyId(), "x".repeat(40));
        AwsBasicCredentials unknown = AwsBasicCredentials.create("AKIAUNKNOWNUNKNOWN00", "x".repeat(40));

        fails(() -> server.iam(wrongSecret).listUsers(), 403, "SignatureDoesNotMatch", "");
        fails(() -> server.iam(unknown).listUsers(), 403, "InvalidClientTokenId",
                "The security token included in the request is invalid");
        fails(() -> server.sts(unknown).getCallerIdentity(), 403, "InvalidClientTokenId", "");
        assertThat(server.registry.find("warden.authentications").tag("result", "failure").counters())
                .isNotEmpty();
    }
}
