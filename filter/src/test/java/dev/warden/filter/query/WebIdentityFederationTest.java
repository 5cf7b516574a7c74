package dev.warden.filter.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.time.Instant;
import java.util.Date;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AnonymousCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.model.AssumeRoleWithWebIdentityResponse;
import software.amazon.awssdk.services.sts.model.ExpiredTokenException;
import software.amazon.awssdk.services.sts.model.InvalidIdentityTokenException;
import software.amazon.awssdk.services.sts.model.StsException;

/**
 * OpenID Connect federation end to end: the administrator registers the provider with the unmodified AWS SDK IAM
 * client, and a workload holding only an ID token (no AWS credentials at all) gets role credentials from the SDK's
 * STS client over real HTTP, then acts as the role.
 */
class WebIdentityFederationTest {

    private static final String ISSUER = "https://token.ci.example.com";
    private static final String PROVIDER = "arn:aws:iam::111122223333:oidc-provider/token.ci.example.com";
    private static final String ROLE = "arn:aws:iam::111122223333:role/deployer";
    private static final String TRUST = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
            + "\"Principal\":{\"Federated\":\"" + PROVIDER + "\"},\"Action\":\"sts:AssumeRoleWithWebIdentity\","
            + "\"Condition\":{\"StringEquals\":{\"token.ci.example.com:aud\":\"sts.amazonaws.com\"},"
            + "\"StringLike\":{\"token.ci.example.com:sub\":\"repo:acme/*\"}}}]}";
    private static final String LIST_USERS = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
            + "\"Action\":\"iam:ListUsers\",\"Resource\":\"*\"}]}";

    private static QueryEndpointServer server;
    private static RSAKey key;
    private static StsClient anonymous;

    @BeforeAll
    static void start() throws Exception {
        server = new QueryEndpointServer();
        key = new RSAKeyGenerator(2048).keyID("ci-1").generate();
        IamClient admin = server.iam(server.admin);
        String arn = admin.createOpenIDConnectProvider(r -> r.url(ISSUER).clientIDList("sts.amazonaws.com"))
                .openIDConnectProviderArn();
        assertThat(arn).isEqualTo(PROVIDER);
        var provider = admin.getOpenIDConnectProvider(r -> r.openIDConnectProviderArn(PROVIDER));
        assertThat(provider.url()).isEqualTo("token.ci.example.com");
        assertThat(provider.clientIDList()).containsExactly("sts.amazonaws.com");
        assertThat(provider.thumbprintList()).isEmpty();
        assertThat(provider.createDate()).isNotNull();
        assertThat(admin.listOpenIDConnectProviders().openIDConnectProviderList()).extracting(p -> p.arn())
                .containsExactly(PROVIDER);
        // Warden's own operation: the provider's public keys, which AWS would fetch from its jwks_uri
        server.root("UpdateOpenIDConnectProviderJwks", Map.of("OpenIDConnectProviderArn", PROVIDER,
                "Jwks", new JWKSet(key.toPublicJWK()).toString(true)));
        admin.createRole(r -> r.roleName("deployer").assumeRolePolicyDocument(TRUST));
        admin.putRolePolicy(r -> r.roleName("deployer").policyName("list").policyDocument(LIST_USERS));
        anonymous = StsClient.builder().endpointOverride(server.endpoint).region(Region.US_EAST_1)
                .credentialsProvider(AnonymousCredentialsProvider.create())
                .httpClient(UrlConnectionHttpClient.create()).build();
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
    }

    private static String token(String subject, Instant issued) throws Exception {
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID("ci-1").build(),
                new JWTClaimsSet.Builder().issuer(ISSUER).subject(subject).audience("sts.amazonaws.com")
                        .issueTime(Date.from(issued)).expirationTime(Date.from(issued.plusSeconds(300))).build());
        jwt.sign(new RSASSASigner(key));
        return jwt.serialize();
    }

    private static AssumeRoleWithWebIdentityResponse assume(String token) {
        return anonymous.assumeRoleWithWebIdentity(r -> r.roleArn(ROLE).roleSessionName("ci-run-7")
                .webIdentityToken(token).durationSeconds(900));
    }

    @Test
    void aWorkloadWithAnIdTokenGetsRoleCredentialsFromTheSdkAndActsAsTheRole() throws Exception {
        AssumeRoleWithWebIdentityResponse answer = assume(token("repo:acme/web:ref:refs/heads/main", Instant.now()));

        assertThat(answer.assumedRoleUser().arn()).isEqualTo("arn:aws:sts::111122223333:assumed-role/deployer/ci-run-7");
        assertThat(answer.subjectFromWebIdentityToken()).isEqualTo("repo:acme/web:ref:refs/heads/main");
        assertThat(answer.provider()).isEqualTo(PROVIDER);
        assertThat(answer.audience()).isEqualTo("sts.amazonaws.com");
        assertThat(answer.credentials().accessKeyId()).startsWith("ASIA");
        var session = QueryEndpointServer.session(answer.credentials());
        assertThat(server.sts(session).getCallerIdentity().arn())
                .isEqualTo("arn:aws:sts::111122223333:assumed-role/deployer/ci-run-7");
        assertThat(server.iam(session).listUsers().users()).extracting(u -> u.userName()).contains("admin");
    }

    @Test
    void aSubjectTheTrustPolicyDoesNotNameIsDenied() throws Exception {
        String token = token("repo:evil/web:ref:refs/heads/main", Instant.now());

        assertThatThrownBy(() -> assume(token)).isInstanceOfSatisfying(StsException.class, e -> {
            assertThat(e.statusCode()).isEqualTo(403);
            assertThat(e.awsErrorDetails().errorCode()).isEqualTo("AccessDenied");
            assertThat(e.awsErrorDetails().errorMessage())
                    .isEqualTo("Not authorized to perform sts:AssumeRoleWithWebIdentity");
        });
    }

    @Test
    void aForgedOrExpiredTokenGetsAwssExceptionsInTheSdk() throws Exception {
        double failures = failedAuthentications();
        String good = token("repo:acme/web", Instant.now());
        String forged = good.substring(0, good.lastIndexOf('.') + 1) + "AAAA" + good.substring(good.lastIndexOf('.') + 5);

        assertThatThrownBy(() -> assume(forged)).isInstanceOfSatisfying(InvalidIdentityTokenException.class, e -> {
            assertThat(e.statusCode()).isEqualTo(400);
            assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InvalidIdentityToken");
        });
        assertThatThrownBy(() -> assume(token("repo:acme/web", Instant.now().minusSeconds(3_600))))
                .isInstanceOfSatisfying(ExpiredTokenException.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(400);
                    assertThat(e.awsErrorDetails().errorMessage()).startsWith("Token expired: current date/time ");
                });
        assertThat(failedAuthentications()).as("an unsigned AssumeRoleWithWebIdentity is no failed authentication")
                .isEqualTo(failures);
    }

    private static double failedAuthentications() {
        return server.registry.find("warden.authentications").tag("result", "failure").counters().stream()
                .mapToDouble(c -> c.count()).sum();
    }

    @Test
    void otherOperationsStillNeedASignature() {
        assertThatThrownBy(() -> anonymous.getCallerIdentity()).isInstanceOfSatisfying(StsException.class,
                e -> assertThat(e.statusCode()).isEqualTo(403));
    }
}
