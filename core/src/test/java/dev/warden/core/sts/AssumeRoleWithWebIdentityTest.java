package dev.warden.core.sts;

import static dev.warden.core.sts.StsFixture.ACCOUNT;
import static dev.warden.core.sts.StsFixture.OTHER;
import static dev.warden.core.sts.StsFixture.allow;
import static dev.warden.core.sts.TestIdentityProvider.ISSUER;
import static dev.warden.core.sts.TestIdentityProvider.changed;
import static dev.warden.core.sts.TestIdentityProvider.claims;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jwt.JWTClaimsSet;
import dev.warden.core.auth.Caller;
import dev.warden.core.iam.IamError;
import dev.warden.core.iam.IamException;
import dev.warden.spi.Principal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * AssumeRoleWithWebIdentity: an OpenID Connect ID token, signed by a provider registered in the role's account and
 * meant for one of its client ids, gets the credentials of a role whose trust policy allows that provider; any other
 * token is refused with AWS's error and never gets anything.
 */
class AssumeRoleWithWebIdentityTest {

    private static final String PROVIDER = "arn:aws:iam::111122223333:oidc-provider/idp.example.com/tenant";
    private static final String ROLE = "arn:aws:iam::111122223333:role/web-reader";
    private static final String READ = allow("s3:GetObject", "*");

    /** Keys are slow to make: one provider for all tests. */
    private static TestIdentityProvider idp;
    private StsFixture f;
    private Instant now;

    @BeforeAll
    static void keys() throws Exception {
        idp = new TestIdentityProvider();
    }

    @BeforeEach
    void setUp() throws Exception {
        f = new StsFixture();
        now = f.clock.instant();
        f.iam(ACCOUNT, "CreateOpenIDConnectProvider", "Url", ISSUER, "ClientIDList.member.1", "app",
                "Jwks", idp.jwks());
        f.role(ACCOUNT, "web-reader", trust(PROVIDER, null), READ);
    }

    @AfterEach
    void tearDown() throws Exception {
        f.close();
    }

    static String trust(String provider, String condition) {
        return "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"Federated\":\""
                + provider + "\"},\"Action\":\"sts:AssumeRoleWithWebIdentity\""
                + (condition == null ? "" : ",\"Condition\":" + condition) + "}]}";
    }

    /** AssumeRoleWithWebIdentity by an anonymous caller, as AWS takes it: the token is the only proof. */
    private ObjectNode assume(String role, String token, String... more) throws IamException {
        List<String> params = new ArrayList<>(List.of("RoleArn", role, "RoleSessionName", "web-session",
                "WebIdentityToken", token));
        params.addAll(List.of(more));
        return f.warden.sts().call(Caller.of(Principal.anonymous()), null, "AssumeRoleWithWebIdentity",
                StsFixture.params(params.toArray(String[]::new)));
    }

    /** The call must fail with {@code error}, a message starting with {@code message}, and never quote the token. */
    private IamException refused(String token, IamError error, String message) {
        return refused(ROLE, token, error, message);
    }

    private IamException refused(String role, String token, IamError error, String message) {
        try {
            assume(role, token);
        } catch (IamException e) {
            assertThat(e.error()).as(e.getMessage()).isEqualTo(error);
            assertThat(e.getMessage()).startsWith(message).doesNotContain(token);
            return e;
        }
        throw new AssertionError("the token should have been refused with " + error);
    }

    private String token(String subject) throws Exception {
        return idp.rs256(claims(now, subject).build());
    }

    @Test
    void aTokenOfTheProviderGetsCredentialsThatActAsTheRole() throws Exception {
        ObjectNode answer = assume(ROLE, token("user-42"));

        assertThat(answer.at("/AssumedRoleUser/Arn").asText())
                .isEqualTo("arn:aws:sts::111122223333:assumed-role/web-reader/web-session");
        assertThat(answer.at("/AssumedRoleUser/AssumedRoleId").asText()).matches("AROA[A-Z2-7]{16}:web-session");
        assertThat(answer.at("/SubjectFromWebIdentityToken").asText()).isEqualTo("user-42");
        assertThat(answer.at("/Provider").asText()).isEqualTo(PROVIDER);
        assertThat(answer.at("/Audience").asText()).isEqualTo("app");
        assertThat(answer.has("PackedPolicySize")).isFalse();
        assertThat(answer.at("/Credentials/AccessKeyId").asText()).matches("ASIA[A-Z2-7]{16}");
        assertThat(Instant.parse(answer.at("/Credentials/Expiration").asText())).isEqualTo(now.plusSeconds(3_600));
        assertThat(answer.fieldNames()).toIterable().containsExactly("Credentials", "SubjectFromWebIdentityToken",
                "AssumedRoleUser", "Provider", "Audience");

        CallerCredential session = f.session(answer);
        assertThat(session.caller().via()).isEqualTo(Caller.Via.ROLE_SESSION);
        assertThat(session.caller().principal().arn())
                .isEqualTo("arn:aws:sts::111122223333:assumed-role/web-reader/web-session");
        assertThat(f.decide(session, "s3:GetObject", "arn:aws:s3:::bucket/key").isAllowed()).isTrue();
        assertThat(f.decide(session, "s3:PutObject", "arn:aws:s3:::bucket/key").isAllowed()).isFalse();
        assertThat(f.sts(session, "GetCallerIdentity").at("/Arn").asText())
                .isEqualTo("arn:aws:sts::111122223333:assumed-role/web-reader/web-session");
    }

    @Test
    void anEs256TokenIsAcceptedToo() throws Exception {
        ObjectNode answer = assume(ROLE, idp.es256(claims(now, "user-7").build()));

        assertThat(answer.at("/SubjectFromWebIdentityToken").asText()).isEqualTo("user-7");
    }

    @Test
    void aTokenForAnotherAudienceIsRefused() throws Exception {
        String token = idp.rs256(claims(now, "u").audience(List.of("other-app", "third")).build());

        refused(token, IamError.INVALID_IDENTITY_TOKEN, "Incorrect token audience");
    }

    @Test
    void anyOfSeveralAudiencesMayBeAClientId() throws Exception {
        ObjectNode answer = assume(ROLE, idp.rs256(claims(now, "u").audience(List.of("other-app", "app")).build()));

        assertThat(answer.at("/Audience").asText()).isEqualTo("app");
    }

    @Test
    void aTokenOfAnIssuerWithoutProviderIsRefused() throws Exception {
        String token = idp.rs256(claims(now, "u").issuer("https://evil.example.com").build());

        refused(token, IamError.INVALID_IDENTITY_TOKEN,
                "No OpenIDConnect provider found in your account for https://evil.example.com");
    }

    @Test
    void theIssuerMustMatchTheProviderUrlExactly() throws Exception {
        refused(idp.rs256(claims(now, "u").issuer(ISSUER + "/").build()), IamError.INVALID_IDENTITY_TOKEN,
                "No OpenIDConnect provider found in your account for " + ISSUER + "/");
        refused(idp.rs256(claims(now, "u").issuer("http://idp.example.com/tenant").build()),
                IamError.INVALID_IDENTITY_TOKEN, "No OpenIDConnect provider found in your account for http://");
    }

    @Test
    void aProviderOfAnotherAccountDoesNotVouchForThisAccountsRoles() throws Exception {
        String role = f.role(OTHER, "elsewhere", trust(PROVIDER, null), READ);

        refused(role, token("u"), IamError.INVALID_IDENTITY_TOKEN,
                "No OpenIDConnect provider found in your account for " + ISSUER);
    }

    @Test
    void anExpiredTokenIsRefusedWithExpiredTokenException() throws Exception {
        Instant issued = now.minus(Duration.ofHours(2));
        String token = idp.rs256(claims(issued, "u").build());

        refused(token, IamError.EXPIRED_TOKEN_EXCEPTION, "Token expired: current date/time " + now.getEpochSecond()
                + " must be before the expiration date/time " + issued.plusSeconds(600).getEpochSecond());
        assertThat(IamError.EXPIRED_TOKEN_EXCEPTION.httpStatus()).isEqualTo(400);
    }

    @Test
    void expiryAllowsASmallClockSkewAndNoMore() throws Exception {
        JWTClaimsSet justExpired = claims(now, "u").expirationTime(Date.from(now.minusSeconds(30))).build();
        assertThat(assume(ROLE, idp.rs256(justExpired)).has("Credentials")).isTrue();

        JWTClaimsSet expired = claims(now, "u").expirationTime(Date.from(now.minusSeconds(61))).build();
        refused(idp.rs256(expired), IamError.EXPIRED_TOKEN_EXCEPTION, "Token expired");
    }

    @Test
    void aTokenNotYetValidIsRejected() throws Exception {
        String token = idp.rs256(claims(now, "u").notBeforeTime(Date.from(now.plusSeconds(600)))
                .expirationTime(Date.from(now.plusSeconds(1200))).build());

        refused(token, IamError.IDP_REJECTED_CLAIM, "Token is not yet valid");
        assertThat(IamError.IDP_REJECTED_CLAIM.httpStatus()).isEqualTo(403);
    }

    @Test
    void aTokenIssuedInTheFutureIsRejected() throws Exception {
        String token = idp.rs256(claims(now.plusSeconds(300), "u").build());

        refused(token, IamError.IDP_REJECTED_CLAIM, "Token issued in the future");
    }

    @Test
    void aTokenWithoutExpiryIsInvalid() throws Exception {
        String token = idp.rs256(changed(claims(now, "u").build(), b -> b.expirationTime(null)));

        refused(token, IamError.INVALID_IDENTITY_TOKEN, "The ID Token has no expiration time (exp)");
    }

    @Test
    void aTokenSignedByAnotherKeyWithTheSameKidIsRefused() throws Exception {
        var impostor = new RSAKeyGenerator(2048).keyID("rsa-1").generate();
        String token = TestIdentityProvider.sign(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID("rsa-1").build(),
                claims(now, "u").build(), new RSASSASigner(impostor));

        refused(token, IamError.INVALID_IDENTITY_TOKEN,
                "The signature of the ID Token does not verify with the keys of its identity provider");
    }

    @Test
    void aTokenWhoseClaimsWereChangedAfterSigningIsRefused() throws Exception {
        JWTClaimsSet claims = claims(now, "user-42").build();
        String forged = TestIdentityProvider.withPayload(idp.rs256(claims),
                changed(claims, b -> b.subject("admin")));

        refused(forged, IamError.INVALID_IDENTITY_TOKEN, "The signature of the ID Token does not verify");
    }

    @Test
    void aTokenWithAnUnknownKidIsRefused() throws Exception {
        String token = TestIdentityProvider.sign(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID("rotated-away").build(),
                claims(now, "u").build(), new RSASSASigner(idp.rsa));

        refused(token, IamError.INVALID_IDENTITY_TOKEN, WebIdentityTokens.NO_KEY);
    }

    @Test
    void anEcKidNamedInAnRsaTokenFindsNoKey() throws Exception {
        String token = TestIdentityProvider.sign(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID("ec-1").build(),
                claims(now, "u").build(), new RSASSASigner(idp.rsa));

        refused(token, IamError.INVALID_IDENTITY_TOKEN, WebIdentityTokens.NO_KEY);
    }

    @Test
    void anUnsignedAlgNoneTokenIsRefused() throws Exception {
        String header = Base64URL.encode("{\"alg\":\"none\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8)).toString();
        String payload = Base64URL.encode(claims(now, "u").build().toString()).toString();

        refused(header + "." + payload + ".", IamError.INVALID_IDENTITY_TOKEN, WebIdentityTokens.NOT_A_JWT);
        refused(header + "." + payload + "." + token("u").split("\\.")[2], IamError.INVALID_IDENTITY_TOKEN,
                WebIdentityTokens.NOT_A_JWT);
    }

    @Test
    void anHs256TokenKeyedWithTheProvidersPublicKeyIsRefused() throws Exception {
        // the classic algorithm confusion: the verifier's public key used as an HMAC secret
        byte[] publicKey = idp.rsa.toRSAPublicKey().getEncoded();
        String token = TestIdentityProvider.sign(new JWSHeader.Builder(JWSAlgorithm.HS256).keyID("rsa-1").build(),
                claims(now, "u").build(), new MACSigner(publicKey));

        refused(token, IamError.INVALID_IDENTITY_TOKEN, "The ID Token is signed with HS256");
    }

    @Test
    void somethingThatIsNoJwtIsRefused() throws Exception {
        refused("not-a-jwt", IamError.INVALID_IDENTITY_TOKEN, WebIdentityTokens.NOT_A_JWT);
        refused("eyJhbGciOiJSUzI1NiJ9.e30.", IamError.INVALID_IDENTITY_TOKEN, WebIdentityTokens.NOT_A_JWT);
    }

    @Test
    void aProviderWithoutKeysVerifiesNothing() throws Exception {
        f.iam(ACCOUNT, "UpdateOpenIDConnectProviderJwks", "OpenIDConnectProviderArn", PROVIDER);

        refused(token("u"), IamError.INVALID_IDENTITY_TOKEN, WebIdentityTokens.NO_KEY);
    }

    @Test
    void aTrustPolicyCanRequireASubjectAndAnAudience() throws Exception {
        f.iam(ACCOUNT, "UpdateAssumeRolePolicy", "RoleName", "web-reader", "PolicyDocument", trust(PROVIDER,
                "{\"StringEquals\":{\"idp.example.com/tenant:aud\":\"app\"},"
                        + "\"StringLike\":{\"idp.example.com/tenant:sub\":\"repo:acme/*\"}}"));

        assertThat(assume(ROLE, token("repo:acme/web")).has("Credentials")).isTrue();
        refused(token("repo:evil/web"), IamError.ACCESS_DENIED, WebIdentitySessions.NOT_AUTHORIZED);

        f.iam(ACCOUNT, "AddClientIDToOpenIDConnectProvider", "OpenIDConnectProviderArn", PROVIDER, "ClientID", "mobile");
        String mobile = idp.rs256(claims(now, "repo:acme/web").audience("mobile").build());
        IamException e = refused(mobile, IamError.ACCESS_DENIED, WebIdentitySessions.NOT_AUTHORIZED);
        assertThat(e.getMessage()).isEqualTo("Not authorized to perform sts:AssumeRoleWithWebIdentity");
        assertThat(IamError.ACCESS_DENIED.httpStatus()).isEqualTo(403);
    }

    @Test
    void aTrustPolicyCanRequireAnAuthenticationMethod() throws Exception {
        f.iam(ACCOUNT, "UpdateAssumeRolePolicy", "RoleName", "web-reader", "PolicyDocument", trust(PROVIDER,
                "{\"ForAnyValue:StringEquals\":{\"idp.example.com/tenant:amr\":\"mfa\"}}"));

        assertThat(assume(ROLE, idp.rs256(claims(now, "u").claim("amr", List.of("pwd", "mfa")).build()))
                .has("Credentials")).isTrue();
        refused(idp.rs256(claims(now, "u").claim("amr", List.of("pwd")).build()), IamError.ACCESS_DENIED,
                WebIdentitySessions.NOT_AUTHORIZED);
        refused(token("u"), IamError.ACCESS_DENIED, WebIdentitySessions.NOT_AUTHORIZED);
    }

    @Test
    void aTrustPolicyCanNameTheProviderThroughAwsFederatedProvider() throws Exception {
        f.iam(ACCOUNT, "UpdateAssumeRolePolicy", "RoleName", "web-reader", "PolicyDocument", trust(PROVIDER,
                "{\"StringEquals\":{\"aws:FederatedProvider\":\"" + PROVIDER + "\"}}"));

        assertThat(assume(ROLE, token("u")).has("Credentials")).isTrue();
    }

    @Test
    void onlyATrustPolicyNamingTheProviderLetsItsUsersIn() throws Exception {
        f.role(ACCOUNT, "for-the-account", "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
                + "\"Principal\":{\"AWS\":\"111122223333\"},\"Action\":\"sts:AssumeRoleWithWebIdentity\"}]}", READ);
        f.role(ACCOUNT, "for-another-idp", trust("arn:aws:iam::111122223333:oidc-provider/other.example.com", null), READ);
        f.role(ACCOUNT, "for-assume-role", "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
                + "\"Principal\":{\"Federated\":\"" + PROVIDER + "\"},\"Action\":\"sts:AssumeRole\"}]}", READ);

        for (String role : List.of("for-the-account", "for-another-idp", "for-assume-role", "no-such-role")) {
            refused("arn:aws:iam::111122223333:role/" + role, token("u"), IamError.ACCESS_DENIED,
                    "Not authorized to perform sts:AssumeRoleWithWebIdentity");
        }
    }

    @Test
    void anExplicitDenyForEveryoneInTheTrustPolicyStopsTheProvidersUsers() throws Exception {
        f.iam(ACCOUNT, "UpdateAssumeRolePolicy", "RoleName", "web-reader", "PolicyDocument",
                "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"Federated\":\""
                        + PROVIDER + "\"},\"Action\":\"sts:AssumeRoleWithWebIdentity\"},{\"Effect\":\"Deny\","
                        + "\"Principal\":\"*\",\"Action\":\"sts:*\",\"Condition\":{\"StringEquals\":"
                        + "{\"idp.example.com/tenant:sub\":\"banned\"}}}]}");

        assertThat(assume(ROLE, token("fine")).has("Credentials")).isTrue();
        refused(token("banned"), IamError.ACCESS_DENIED, WebIdentitySessions.NOT_AUTHORIZED);
    }

    @Test
    void theSessionsRequestsCarryTheFederatedProvider() throws Exception {
        String viaProvider = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":"
                + "\"s3:GetObject\",\"Resource\":\"*\",\"Condition\":{\"StringEquals\":{\"aws:FederatedProvider\":\""
                + PROVIDER + "\"}}}]}";
        f.iam(ACCOUNT, "PutRolePolicy", "RoleName", "web-reader", "PolicyName", "p", "PolicyDocument", viaProvider);
        CallerCredential alice = f.user(ACCOUNT, "alice", null);
        f.iam(ACCOUNT, "UpdateAssumeRolePolicy", "RoleName", "web-reader", "PolicyDocument",
                "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"Federated\":\""
                        + PROVIDER + "\"},\"Action\":\"sts:AssumeRoleWithWebIdentity\"},{\"Effect\":\"Allow\","
                        + "\"Principal\":{\"AWS\":\"arn:aws:iam::111122223333:user/alice\"},\"Action\":\"sts:AssumeRole\"}]}");

        CallerCredential federated = f.session(assume(ROLE, token("u")));
        CallerCredential direct = f.session(f.sts(alice, "AssumeRole", "RoleArn", ROLE, "RoleSessionName", "alice"));

        assertThat(federated.caller().keys().get("aws:FederatedProvider").values()).containsExactly(PROVIDER);
        assertThat(f.decide(federated, "s3:GetObject", "arn:aws:s3:::bucket/key").isAllowed()).isTrue();
        assertThat(direct.caller().keys()).doesNotContainKey("aws:FederatedProvider");
        assertThat(f.decide(direct, "s3:GetObject", "arn:aws:s3:::bucket/key").isAllowed()).isFalse();
    }

    private static final String TAG_SESSION = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
            + "\"Principal\":{\"Federated\":\"" + PROVIDER + "\"},\"Action\":[\"sts:AssumeRoleWithWebIdentity\","
            + "\"sts:TagSession\",\"sts:SetSourceIdentity\"],\"Condition\":{\"StringEqualsIfExists\":"
            + "{\"aws:RequestTag/team\":\"blue\"}}}]}";

    private String tagged(Object principalTags, Object transitive) throws Exception {
        return idp.rs256(claims(now, "u").claim("https://aws.amazon.com/tags", java.util.Map.of("principal_tags",
                principalTags, "transitive_tag_keys", transitive)).build());
    }

    @Test
    void sessionTagsFromTheTokenBecomeTheSessionsPrincipalTags() throws Exception {
        f.iam(ACCOUNT, "UpdateAssumeRolePolicy", "RoleName", "web-reader", "PolicyDocument", TAG_SESSION);
        f.iam(ACCOUNT, "PutRolePolicy", "RoleName", "web-reader", "PolicyName", "p", "PolicyDocument",
                "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"s3:GetObject\","
                        + "\"Resource\":\"arn:aws:s3:::${aws:PrincipalTag/team}/*\"}]}");

        ObjectNode answer = assume(ROLE, tagged(java.util.Map.of("team", List.of("blue")), List.of("team")));

        assertThat(answer.at("/PackedPolicySize").asInt()).isPositive();
        CallerCredential session = f.session(answer);
        assertThat(session.session().tags()).containsEntry("team", "blue");
        assertThat(session.session().transitiveTagKeys()).containsExactly("team");
        assertThat(f.decide(session, "s3:GetObject", "arn:aws:s3:::blue/report").isAllowed()).isTrue();
        assertThat(f.decide(session, "s3:GetObject", "arn:aws:s3:::red/report").isAllowed()).isFalse();
        // the request's tags are part of every check of the call, the assumption itself included
        refused(tagged(java.util.Map.of("team", List.of("red")), List.of()), IamError.ACCESS_DENIED,
                "Not authorized to perform sts:AssumeRoleWithWebIdentity");
    }

    @Test
    void sessionTagsNeedTagSessionInTheTrustPolicy() throws Exception {
        refused(tagged(java.util.Map.of("team", List.of("blue")), List.of()), IamError.ACCESS_DENIED,
                "Not authorized to perform sts:TagSession");
    }

    @Test
    void sessionTagsOfTheWrongShapeAreInvalid() throws Exception {
        refused(tagged(java.util.Map.of("team", List.of("blue", "red")), List.of()), IamError.INVALID_IDENTITY_TOKEN,
                "Session tag team must have exactly one string value");
        refused(tagged(java.util.Map.of("team", List.of("blue")), List.of("project")), IamError.INVALID_IDENTITY_TOKEN,
                "The transitive tag key project is not one of the session tags.");
        refused(tagged(List.of("team"), List.of()), IamError.INVALID_IDENTITY_TOKEN, "principal_tags in the "
                + "https://aws.amazon.com/tags claim must be an object");
    }

    @Test
    void aSourceIdentityFromTheTokenNeedsSetSourceIdentityAndStaysWithTheSession() throws Exception {
        String token = idp.rs256(claims(now, "u").claim("https://aws.amazon.com/source_identity", "alice").build());
        refused(token, IamError.ACCESS_DENIED, "Not authorized to perform sts:SetSourceIdentity");

        f.iam(ACCOUNT, "UpdateAssumeRolePolicy", "RoleName", "web-reader", "PolicyDocument", TAG_SESSION);
        ObjectNode answer = assume(ROLE, token);

        assertThat(answer.at("/SourceIdentity").asText()).isEqualTo("alice");
        assertThat(f.session(answer).caller().keys().get("aws:SourceIdentity").values()).containsExactly("alice");
    }

    @Test
    void sessionPoliciesAndDurationFollowAssumeRolesRules() throws Exception {
        ObjectNode answer = assume(ROLE, token("u"), "DurationSeconds", "900",
                "Policy", allow("s3:GetObject", "arn:aws:s3:::public/*"));

        assertThat(Instant.parse(answer.at("/Credentials/Expiration").asText())).isEqualTo(now.plusSeconds(900));
        assertThat(answer.at("/PackedPolicySize").asInt()).isPositive();
        CallerCredential session = f.session(answer);
        assertThat(f.decide(session, "s3:GetObject", "arn:aws:s3:::public/a").isAllowed()).isTrue();
        assertThat(f.decide(session, "s3:GetObject", "arn:aws:s3:::private/a").isAllowed()).isFalse();

        try {
            assume(ROLE, token("u"), "DurationSeconds", "7200");
            throw new AssertionError("two hours exceed the role's maximum of one");
        } catch (IamException e) {
            assertThat(e.error()).isEqualTo(IamError.VALIDATION_ERROR);
            assertThat(e.getMessage()).isEqualTo("The requested DurationSeconds exceeds the MaxSessionDuration set "
                    + "for this role.");
        }
    }

    @Test
    void theTokenIsRequiredAndNeverQuotedWhenItsLengthIsWrong() throws Exception {
        refused("abc", IamError.VALIDATION_ERROR,
                "1 validation error detected: Value at 'webIdentityToken' failed to satisfy constraint: Member must "
                        + "have length greater than or equal to 4");
        refused("x".repeat(20_001), IamError.VALIDATION_ERROR, "1 validation error detected: Value at "
                + "'webIdentityToken' failed to satisfy constraint: Member must have length less than or equal to 20000");
    }

    @Test
    void credentialsOfACallerAreNeitherNeededNorUsed() throws Exception {
        CallerCredential bob = f.user(ACCOUNT, "bob", null);
        ObjectNode answer = f.sts(bob, "AssumeRoleWithWebIdentity", "RoleArn", ROLE, "RoleSessionName", "s1",
                "WebIdentityToken", token("u"));

        assertThat(answer.at("/AssumedRoleUser/Arn").asText())
                .isEqualTo("arn:aws:sts::111122223333:assumed-role/web-reader/s1");
    }
}
