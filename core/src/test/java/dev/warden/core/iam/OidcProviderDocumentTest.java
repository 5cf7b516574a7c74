package dev.warden.core.iam;

import static dev.warden.core.iam.Samples.ACCOUNT;
import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A hand edit of an account's OpenID Connect providers in {@code account.json} takes effect when it is valid; an
 * invalid one is refused with the JSON pointer of the problem and the account keeps its last good state.
 */
class OidcProviderDocumentTest {

    private static final String PATH = "accounts/111122223333/account.json";
    private static RSAKey key;
    private static Account account;

    @BeforeAll
    static void keys() throws Exception {
        key = new RSAKeyGenerator(2048).keyID("k1").generate();
        String jwks = OidcProvider.checkedJwks("{\"keys\":[" + key.toPublicJWK().toJSONString() + "]}");
        account = Samples.account().withSettings(AccountSettings.NONE.withOidcProviders(List.of(
                new OidcProvider("idp.example.com", List.of("app"), List.of("9e99a48a9960b14926bb7f3b02e22da2b0ab7280"),
                        Samples.CREATED, List.of(), jwks))));
    }

    private static Directory good() {
        Directory d = Samples.load(Samples.documents(new Changes().put(account)));
        assertThat(d.rejected()).isEmpty();
        return d;
    }

    /** The account document edited by {@code from -> to}, applied over the good state. */
    private static Directory edited(String from, String to) {
        String text = DirectoryCodec.encode(account);
        assertThat(text).contains(from);
        return good().apply(Samples.change(PATH, text.replace(from, to)));
    }

    private static void assertRefused(Directory d, String pointer, String reason) {
        assertThat(d.rejected()).containsOnlyKeys(PATH);
        assertThat(d.rejected().get(PATH).pointer()).isEqualTo(pointer);
        assertThat(d.rejected().get(PATH).reason()).isEqualTo(reason);
        assertThat(d.account(ACCOUNT)).as("the last good state stays in force").isEqualTo(account);
    }

    @Test
    void aValidEditOfTheClientIdsTakesEffect() {
        Directory d = edited("\"app\"", "\"app\", \"mobile\"");

        assertThat(d.rejected()).isEmpty();
        assertThat(d.account(ACCOUNT).settings().oidcProvider("idp.example.com").orElseThrow().clientIds())
                .containsExactly("app", "mobile");
    }

    @Test
    void aPrivateKeyPastedIntoTheJwksIsRefused() {
        String publicPart = "\"kid\": \"k1\",";
        Directory d = edited(publicPart, publicPart + " \"d\": \"" + key.getPrivateExponent() + "\",");

        assertRefused(d, "/oidcProviders/0/jwks", "key \"k1\" holds private key material; give the public keys only");
    }

    @Test
    void aSymmetricKeyIsRefused() {
        Directory d = edited("\"kty\": \"RSA\"", "\"kty\": \"oct\", \"k\": \"c2VjcmV0LXNlY3JldC1zZWNyZXQtc2VjcmV0IQ\","
                + " \"x\": \"RSA\"");

        assertThat(d.rejected().get(PATH).pointer()).isEqualTo("/oidcProviders/0/jwks");
        assertThat(d.account(ACCOUNT)).isEqualTo(account);
    }

    @Test
    void aMalformedThumbprintNamesItsIndex() {
        Directory d = edited("\"9e99a48a9960b14926bb7f3b02e22da2b0ab7280\"",
                "\"9e99a48a9960b14926bb7f3b02e22da2b0ab7280\", \"not-a-thumbprint\"");

        assertRefused(d, "/oidcProviders/0/thumbprints/1", "a thumbprint is 40 hexadecimal digits");
    }

    @Test
    void aUrlWithItsSchemeIsRefused() {
        Directory d = edited("\"url\": \"idp.example.com\"", "\"url\": \"https://idp.example.com\"");

        assertRefused(d, "/oidcProviders/0/url", "\"url\" must be the provider's https URL without \"https://\", "
                + "without query or fragment, at most 247 characters");
    }

    @Test
    void anUnknownFieldIsRefused() {
        Directory d = edited("\"url\":", "\"issuer\": \"x\", \"url\":");

        assertRefused(d, "/oidcProviders/0/issuer", "unknown field \"issuer\"");
    }
}
