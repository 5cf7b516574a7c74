package dev.warden.core.iam;

import static dev.warden.core.iam.Samples.ACCOUNT;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Every kind of entity written as its store document and read back is the same entity. */
class DirectoryCodecRoundTripTest {

    private static Directory written(Changes changes) {
        Directory d = Samples.load(Samples.documents(changes));
        assertThat(d.rejected()).isEmpty();
        return d;
    }

    @Test
    void anAccount() {
        Directory d = written(new Changes().put(Samples.account()));
        assertThat(d.account(ACCOUNT)).isEqualTo(Samples.account());
        assertThat(d.version()).isEqualTo(1);
    }

    @Test
    void anAccountWithoutAlias() {
        Account bare = Account.create(ACCOUNT, null, Samples.CREATED);
        assertThat(written(new Changes().put(bare)).account(ACCOUNT)).isEqualTo(bare);
    }

    @Test
    void aUserWithEverything() {
        User alice = Samples.user("alice", "/eng/");
        Directory d = written(new Changes().put(Samples.account()).put(ACCOUNT, alice));
        User read = d.account(ACCOUNT).user("ALICE");
        assertThat(read).isEqualTo(alice);
        assertThat(read.inlinePolicies().keySet()).as("inline policies keep their order").containsExactly("zeta", "alpha");
        assertThat(read.accessKeys().get(1).lastUsed()).isEqualTo(alice.accessKeys().get(1).lastUsed());
        assertThat(d.accessKeyOwner("AKIAEXAMPLEKEY000002")).isEqualTo(new Directory.KeyOwner(ACCOUNT, "alice"));
    }

    @Test
    void aMinimalUser() {
        User bob = new User("bob", "/", "AIDAEXAMPLEUSER00002", Samples.CREATED, List.of(), List.of(), List.of(), Map.of(),
                null, List.of());
        assertThat(written(new Changes().put(Samples.account()).put(ACCOUNT, bob)).account(ACCOUNT).user("bob"))
                .isEqualTo(bob);
    }

    @Test
    void anAccountWithPasswordPolicyAndMfaDevices() {
        var policy = dev.warden.core.auth.password.PasswordPolicy.builder().minimumPasswordLength(14)
                .requireSymbols(true).maxPasswordAge(90).passwordReusePrevention(5).hardExpiry(true).build();
        MfaDevice assigned = new MfaDevice("arn:aws:iam::111122223333:mfa/alice", Samples.CREATED, "v1:c2VhbGVk",
                "alice", Samples.CREATED.plusSeconds(60), 59_000_000L);
        MfaDevice spare = new MfaDevice("arn:aws:iam::111122223333:mfa/spare", Samples.CREATED, "v1:c3BhcmU=", null,
                null, 0);
        Account account = Samples.account().withSettings(new AccountSettings(policy, List.of(assigned, spare), List.of()));

        assertThat(written(new Changes().put(account)).account(ACCOUNT)).isEqualTo(account);
    }

    @Test
    void anAccountWithOpenIdConnectProviders() throws Exception {
        String jwks = OidcProvider.checkedJwks("{\"keys\":[" + new com.nimbusds.jose.jwk.gen.RSAKeyGenerator(2048)
                .keyID("k1").generate().toPublicJWK().toJSONString() + "," + new com.nimbusds.jose.jwk.gen.ECKeyGenerator(
                com.nimbusds.jose.jwk.Curve.P_256).keyID("k2").generate().toPublicJWK().toJSONString() + "]}");
        OidcProvider keyed = new OidcProvider("idp.example.com/tenant", List.of("app-1", "app-2"),
                List.of("9e99a48a9960b14926bb7f3b02e22da2b0ab7280"), Samples.CREATED,
                List.of(new Tag("env", "prod")), jwks);
        OidcProvider bare = new OidcProvider("other.example.org", List.of(), List.of(), Samples.CREATED, List.of(), null);
        Account account = Samples.account().withSettings(AccountSettings.NONE.withOidcProviders(List.of(keyed, bare)));

        Directory d = written(new Changes().put(account));

        assertThat(d.account(ACCOUNT)).isEqualTo(account);
        assertThat(d.account(ACCOUNT).settings().oidcProvider("idp.example.com/tenant").orElseThrow().jwks())
                .isEqualTo(jwks);
        assertThat(DirectoryCodec.encode(account)).contains("\"oidcProviders\"", "\"kid\": \"k1\"");
    }

    @Test
    void aUserWithALoginProfile() {
        String hash = new dev.warden.core.auth.password.PasswordHasher().hash("Correct-Horse-1".toCharArray());
        User carol = new User("carol", "/", "AIDAEXAMPLEUSER00003", Samples.CREATED, List.of(), List.of(), List.of(),
                Map.of(), null, List.of(), new LoginProfile(hash, Samples.CREATED, Samples.CREATED.plusSeconds(5), true,
                List.of(hash)), Samples.CREATED.plusSeconds(10));

        User read = written(new Changes().put(Samples.account()).put(ACCOUNT, carol)).account(ACCOUNT).user("carol");
        assertThat(read).isEqualTo(carol);
        assertThat(read.loginProfile().toString()).doesNotContain(hash);
    }

    @Test
    void aGroup() {
        Group devs = Samples.group("devs");
        assertThat(written(new Changes().put(Samples.account()).put(ACCOUNT, devs)).account(ACCOUNT).group("devs"))
                .isEqualTo(devs);
    }

    @Test
    void aRole() {
        Role app = Samples.role("app");
        assertThat(written(new Changes().put(Samples.account()).put(ACCOUNT, app)).account(ACCOUNT).role("app"))
                .isEqualTo(app);
    }

    @Test
    void aManagedPolicyWithVersions() {
        ManagedPolicy p = Samples.policy("Boundary", Samples.READ, Samples.ALLOW_ALL);
        ManagedPolicy read = written(new Changes().put(Samples.account()).put(ACCOUNT, p)).account(ACCOUNT).policy("boundary");
        assertThat(read).isEqualTo(p);
        assertThat(read.defaultVersion().versionId()).isEqualTo("v2");
    }

    @Test
    void anOrganization() {
        Organization org = Samples.organization(Map.of("r-root", List.of(Samples.ALLOW_ALL),
                "ou-eng", List.of(Samples.DENY_DELETE)));
        assertThat(written(new Changes().put(org)).organization()).isEqualTo(org);
    }

    @Test
    void everythingTogetherInOneLoadWhateverTheOrderOfDocuments() {
        Changes all = new Changes().put(ACCOUNT, Samples.user("alice", "/")).put(ACCOUNT, Samples.group("devs"))
                .put(ACCOUNT, Samples.role("app")).put(ACCOUNT, Samples.policy("Boundary", Samples.READ))
                .put(Samples.account());
        Directory d = written(all);
        Account account = d.account(ACCOUNT);
        assertThat(account.users()).containsOnlyKeys("alice");
        assertThat(account.groups()).containsOnlyKeys("devs");
        assertThat(account.roles()).containsOnlyKeys("app");
        assertThat(account.policies()).containsOnlyKeys("boundary");
        assertThat(account.alias()).isEqualTo("example");
    }

    @Test
    void theDocumentIsReadableJsonWithTheFieldsNamedAsDocumented() throws Exception {
        String text = DirectoryCodec.encode(Samples.user("alice", "/eng/"));
        JsonNode json = new ObjectMapper().readTree(text);
        List<String> fields = new java.util.ArrayList<>();
        json.fieldNames().forEachRemaining(fields::add);
        assertThat(fields).containsExactly("userName", "userId", "path", "createDate", "permissionsBoundary", "groups",
                "attachedPolicies", "inlinePolicies", "tags", "accessKeys");
        assertThat(text).contains("\n  \"userName\": \"alice\"").endsWith("}\n");
        assertThat(DirectoryCodec.userPath(ACCOUNT, "alice")).isEqualTo("accounts/111122223333/users/alice.json");
        assertThat(DirectoryCodec.groupPath(ACCOUNT, "devs")).isEqualTo("accounts/111122223333/groups/devs.json");
        assertThat(DirectoryCodec.rolePath(ACCOUNT, "app")).isEqualTo("accounts/111122223333/roles/app.json");
        assertThat(DirectoryCodec.policyPath(ACCOUNT, "P")).isEqualTo("accounts/111122223333/policies/P.json");
        assertThat(DirectoryCodec.accountPath(ACCOUNT)).isEqualTo("accounts/111122223333/account.json");
    }

    @Test
    void documentsThatAreNotWardensAreIgnored() {
        Map<String, String> documents = new java.util.LinkedHashMap<>(Samples.documents(new Changes().put(Samples.account())));
        documents.put("README.md", "not json");
        documents.put("accounts/111122223333/notes/x.json", "{}");
        Directory d = Samples.load(documents);
        assertThat(d.rejected()).isEmpty();
        assertThat(d.account(ACCOUNT)).isNotNull();
    }

    @Test
    void deletingADocumentRemovesTheEntity() {
        Directory d = written(new Changes().put(Samples.account()).put(ACCOUNT, Samples.user("alice", "/")));
        Directory after = d.apply(Samples.change(DirectoryCodec.userPath(ACCOUNT, "alice"), null));
        assertThat(after.account(ACCOUNT).user("alice")).isNull();
        assertThat(after.accessKeyOwner("AKIAEXAMPLEKEY000001")).isNull();
        assertThat(after.version()).isEqualTo(d.version() + 1);
        assertThat(d.account(ACCOUNT).user("alice")).as("the old snapshot is untouched").isNotNull();
    }
}
