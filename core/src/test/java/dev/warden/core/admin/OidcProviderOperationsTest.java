package dev.warden.core.admin;

import static dev.warden.core.admin.IamFixture.expect;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import dev.warden.core.iam.IamError;
import dev.warden.core.iam.IamException;
import dev.warden.core.iam.OidcProvider;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * IAM's OpenID Connect provider operations: the provider's ARN comes from its URL, client ids and thumbprints have
 * AWS's quotas, adding and removing a client id are idempotent, and the provider's signing keys (Warden's
 * {@code Jwks}) hold public keys only.
 */
class OidcProviderOperationsTest {

    private static final String URL = "https://token.example.com/org";
    private static final String ARN = "arn:aws:iam::111122223333:oidc-provider/token.example.com/org";
    private static final String THUMB = "9e99a48a9960b14926bb7f3b02e22da2b0ab7280";
    private static RSAKey key;

    private IamFixture f;

    @BeforeAll
    static void keys() throws Exception {
        key = new RSAKeyGenerator(2048).keyID("k1").generate();
    }

    @BeforeEach
    void setUp() throws Exception {
        f = new IamFixture();
    }

    @AfterEach
    void tearDown() throws Exception {
        f.close();
    }

    private static String jwks(String jwk) {
        return "{\"keys\":[" + jwk + "]}";
    }

    private OidcProvider stored() {
        return f.warden.directory().current().account(IamFixture.ACCOUNT).settings()
                .oidcProvider("token.example.com/org").orElseThrow();
    }

    @Test
    void aProviderIsCreatedReadListedAndDeleted() throws Exception {
        ObjectNode created = f.root("CreateOpenIDConnectProvider", "Url", URL, "ClientIDList.member.1", "sts.amazonaws.com",
                "ClientIDList.member.2", "app", "ThumbprintList.member.1", THUMB, "Tags.member.1.Key", "team",
                "Tags.member.1.Value", "ci");

        assertThat(created.at("/OpenIDConnectProviderArn").asText()).isEqualTo(ARN);
        assertThat(created.at("/Tags/0/Key").asText()).isEqualTo("team");
        ObjectNode got = f.root("GetOpenIDConnectProvider", "OpenIDConnectProviderArn", ARN);
        assertThat(got.at("/Url").asText()).isEqualTo("token.example.com/org");
        assertThat(got.get("ClientIDList").toString()).isEqualTo("[\"sts.amazonaws.com\",\"app\"]");
        assertThat(got.get("ThumbprintList").get(0).asText()).isEqualTo(THUMB);
        assertThat(got.at("/CreateDate").asText()).isNotEmpty();
        assertThat(f.root("ListOpenIDConnectProviders").at("/OpenIDConnectProviderList/0/Arn").asText()).isEqualTo(ARN);
        assertThat(f.root("ListOpenIDConnectProviderTags", "OpenIDConnectProviderArn", ARN).at("/Tags/0/Value").asText())
                .isEqualTo("ci");

        f.root("DeleteOpenIDConnectProvider", "OpenIDConnectProviderArn", ARN);

        assertThat(f.root("ListOpenIDConnectProviders").get("OpenIDConnectProviderList")).isEmpty();
        expect(f.rootFails("GetOpenIDConnectProvider", "OpenIDConnectProviderArn", ARN), IamError.NO_SUCH_ENTITY,
                "OpenIDConnect Provider not found for arn " + ARN);
    }

    @Test
    void thumbprintsAreOptionalAsInAwsToday() throws Exception {
        f.root("CreateOpenIDConnectProvider", "Url", URL);

        assertThat(f.root("GetOpenIDConnectProvider", "OpenIDConnectProviderArn", ARN).get("ThumbprintList")).isEmpty();
    }

    @Test
    void theSameUrlTwiceAlreadyExists() throws Exception {
        f.root("CreateOpenIDConnectProvider", "Url", URL);

        expect(f.rootFails("CreateOpenIDConnectProvider", "Url", URL), IamError.ENTITY_ALREADY_EXISTS,
                "Provider with url " + URL + " already exists.");
        f.root("CreateOpenIDConnectProvider", "Url", URL + "/");
    }

    @Test
    void onlyHttpsUrlsWithoutQueryAreProviders() throws Exception {
        expect(f.rootFails("CreateOpenIDConnectProvider", "Url", "http://token.example.com"), IamError.INVALID_INPUT,
                "Invalid Url http://token.example.com: an OpenID Connect provider's URL must begin with https://");
        assertThat(f.rootFails("CreateOpenIDConnectProvider", "Url", "https://token.example.com?tenant=1").error())
                .isEqualTo(IamError.INVALID_INPUT);
        assertThat(f.rootFails("CreateOpenIDConnectProvider", "Url", "https://").error()).isEqualTo(IamError.INVALID_INPUT);
        expect(f.rootFails("CreateOpenIDConnectProvider", "Url", "https://" + "a".repeat(248)), IamError.VALIDATION_ERROR,
                "1 validation error detected: Value 'https://" + "a".repeat(248) + "' at 'url' failed to satisfy "
                        + "constraint: Member must have length less than or equal to 255");
        expect(f.rootFails("CreateOpenIDConnectProvider"), IamError.VALIDATION_ERROR,
                "1 validation error detected: Value null at 'url' failed to satisfy constraint: Member must not be null");
    }

    @Test
    void addingAndRemovingClientIdsIsIdempotent() throws Exception {
        f.root("CreateOpenIDConnectProvider", "Url", URL, "ClientIDList.member.1", "app");
        int commits = f.commits.size();

        f.root("AddClientIDToOpenIDConnectProvider", "OpenIDConnectProviderArn", ARN, "ClientID", "app");
        f.root("RemoveClientIDFromOpenIDConnectProvider", "OpenIDConnectProviderArn", ARN, "ClientID", "never-added");
        assertThat(f.commits).as("nothing to write").hasSize(commits);

        f.root("AddClientIDToOpenIDConnectProvider", "OpenIDConnectProviderArn", ARN, "ClientID", "mobile");
        f.root("RemoveClientIDFromOpenIDConnectProvider", "OpenIDConnectProviderArn", ARN, "ClientID", "app");
        assertThat(stored().clientIds()).containsExactly("mobile");
        expect(f.rootFails("AddClientIDToOpenIDConnectProvider", "OpenIDConnectProviderArn", ARN, "ClientID",
                "x".repeat(256)), IamError.VALIDATION_ERROR, "1 validation error detected: Value '" + "x".repeat(256)
                + "' at 'clientID' failed to satisfy constraint: Member must have length less than or equal to 255");
    }

    @Test
    void aProviderHasAtMostOneHundredClientIds() throws Exception {
        List<String> params = new ArrayList<>(List.of("Url", URL));
        for (int i = 1; i <= 100; i++) {
            params.addAll(List.of("ClientIDList.member." + i, "client-" + i));
        }
        f.root("CreateOpenIDConnectProvider", params.toArray(String[]::new));

        expect(f.rootFails("AddClientIDToOpenIDConnectProvider", "OpenIDConnectProviderArn", ARN, "ClientID", "one-more"),
                IamError.LIMIT_EXCEEDED, "Cannot exceed quota for ClientIdsPerOpenIdConnectProvider: 100");
        params.addAll(List.of("ClientIDList.member.101", "client-101"));
        params.set(1, URL + "/two");
        expect(f.rootFails("CreateOpenIDConnectProvider", params.toArray(String[]::new)), IamError.LIMIT_EXCEEDED,
                "Cannot exceed quota for ClientIdsPerOpenIdConnectProvider: 100");
    }

    @Test
    void thumbprintsAreFortyHexDigitsAndAtMostFive() throws Exception {
        f.root("CreateOpenIDConnectProvider", "Url", URL, "ThumbprintList.member.1", THUMB);

        expect(f.rootFails("UpdateOpenIDConnectProviderThumbprint", "OpenIDConnectProviderArn", ARN,
                "ThumbprintList.member.1", "abc"), IamError.VALIDATION_ERROR, "1 validation error detected: Value 'abc' "
                + "at 'thumbprintList.member.1' failed to satisfy constraint: Member must have length greater than or "
                + "equal to 40");
        assertThat(f.rootFails("UpdateOpenIDConnectProviderThumbprint", "OpenIDConnectProviderArn", ARN,
                "ThumbprintList.member.1", "z".repeat(40)).error()).isEqualTo(IamError.INVALID_INPUT);
        List<String> six = new ArrayList<>(List.of("OpenIDConnectProviderArn", ARN));
        for (int i = 1; i <= 6; i++) {
            six.addAll(List.of("ThumbprintList.member." + i, Integer.toString(i).repeat(40)));
        }
        IamException e = f.rootFails("UpdateOpenIDConnectProviderThumbprint", six.toArray(String[]::new));
        assertThat(e.error()).isEqualTo(IamError.VALIDATION_ERROR);
        assertThat(e.getMessage()).endsWith("at 'thumbprintList' failed to satisfy constraint: Member must have length "
                + "less than or equal to 5");

        String other = "a".repeat(40);
        f.root("UpdateOpenIDConnectProviderThumbprint", "OpenIDConnectProviderArn", ARN, "ThumbprintList.member.1", other);
        assertThat(stored().thumbprints()).containsExactly(other);
    }

    @Test
    void anAccountHasAtMostOneHundredProviders() throws Exception {
        for (int i = 0; i < OidcProviderOperations.PROVIDERS_PER_ACCOUNT; i++) {
            f.root("CreateOpenIDConnectProvider", "Url", URL + "/" + i);
        }

        expect(f.rootFails("CreateOpenIDConnectProvider", "Url", URL), IamError.LIMIT_EXCEEDED,
                "Cannot exceed quota for OpenIdConnectProvidersPerAccount: 100");
    }

    @Test
    void deletingAProviderThatDoesNotExistSucceeds() throws Exception {
        int commits = f.commits.size();

        f.root("DeleteOpenIDConnectProvider", "OpenIDConnectProviderArn", ARN);

        assertThat(f.commits).hasSize(commits);
    }

    @Test
    void changingAProviderThatDoesNotExistIsNoSuchEntity() throws Exception {
        String notAProvider = "arn:aws:iam::111122223333:role/token.example.com/org";
        expect(f.rootFails("AddClientIDToOpenIDConnectProvider", "OpenIDConnectProviderArn", ARN, "ClientID", "a"),
                IamError.NO_SUCH_ENTITY, "OpenIDConnect Provider not found for arn " + ARN);
        expect(f.rootFails("GetOpenIDConnectProvider", "OpenIDConnectProviderArn", notAProvider),
                IamError.NO_SUCH_ENTITY, "OpenIDConnect Provider not found for arn " + notAProvider);
        assertThat(f.rootFails("UpdateOpenIDConnectProviderThumbprint", "OpenIDConnectProviderArn", ARN).error())
                .isEqualTo(IamError.NO_SUCH_ENTITY);
    }

    @Test
    void theSigningKeysArePublicKeysOnly() throws Exception {
        f.root("CreateOpenIDConnectProvider", "Url", URL, "Jwks", jwks(key.toPublicJWK().toJSONString()));
        assertThat(stored().jwks()).contains("\"kid\":\"k1\"").doesNotContain("\"d\"");

        IamException e = f.rootFails("UpdateOpenIDConnectProviderJwks", "OpenIDConnectProviderArn", ARN,
                "Jwks", jwks(key.toJSONString()));
        expect(e, IamError.INVALID_INPUT, "Invalid Jwks: key \"k1\" holds private key material; give the public keys only");
        assertThat(e.getMessage()).doesNotContain(key.getPrivateExponent().toString());
        expect(f.rootFails("UpdateOpenIDConnectProviderJwks", "OpenIDConnectProviderArn", ARN, "Jwks",
                jwks("{\"kty\":\"oct\",\"kid\":\"h\",\"k\":\"c2VjcmV0\"}")), IamError.INVALID_INPUT,
                "Invalid Jwks: key \"h\" is of type oct; ID tokens are verified with RSA or EC public keys only");
        assertThat(f.rootFails("UpdateOpenIDConnectProviderJwks", "OpenIDConnectProviderArn", ARN, "Jwks", "{}").error())
                .isEqualTo(IamError.INVALID_INPUT);
        String weak = new RSAKeyGenerator(1024, true).keyID("weak").generate().toPublicJWK().toJSONString();
        expect(f.rootFails("UpdateOpenIDConnectProviderJwks", "OpenIDConnectProviderArn", ARN, "Jwks", jwks(weak)),
                IamError.INVALID_INPUT, "Invalid Jwks: key \"weak\" is an RSA key of 1024 bits; at least 2048 are needed");

        f.root("UpdateOpenIDConnectProviderJwks", "OpenIDConnectProviderArn", ARN);
        assertThat(stored().jwks()).isNull();
    }

    @Test
    void tagsFollowAwsRules() throws Exception {
        f.root("CreateOpenIDConnectProvider", "Url", URL);
        f.root("TagOpenIDConnectProvider", "OpenIDConnectProviderArn", ARN, "Tags.member.1.Key", "b",
                "Tags.member.1.Value", "2", "Tags.member.2.Key", "a", "Tags.member.2.Value", "1");
        f.root("UntagOpenIDConnectProvider", "OpenIDConnectProviderArn", ARN, "TagKeys.member.1", "B");

        assertThat(f.root("ListOpenIDConnectProviderTags", "OpenIDConnectProviderArn", ARN).findValuesAsText("Key"))
                .containsExactly("a");
        assertThat(f.rootFails("TagOpenIDConnectProvider", IamFixture.with(new String[] {"OpenIDConnectProviderArn",
                ARN}, IamFixture.tags(50))).error()).isEqualTo(IamError.LIMIT_EXCEEDED);
    }

    @Test
    void creatingWithTagsNeedsTheTaggingPermissionToo() throws Exception {
        var creator = f.userWithPolicy("creator", "/", "{\"Version\":\"2012-10-17\",\"Statement\":[{"
                + "\"Effect\":\"Allow\",\"Action\":\"iam:CreateOpenIDConnectProvider\",\"Resource\":\"*\"}]}");

        IamException e = f.fails(creator, "CreateOpenIDConnectProvider", "Url", URL, "Tags.member.1.Key", "k",
                "Tags.member.1.Value", "v");
        assertThat(e.getMessage()).contains("iam:TagOpenIDConnectProvider on resource: " + ARN + " ");
        f.as(creator, "CreateOpenIDConnectProvider", "Url", URL);
    }
}
