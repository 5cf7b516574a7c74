package dev.warden.core.auth.sigv4;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.warden.core.auth.AuthFailure;
import dev.warden.core.auth.AuthenticationException;
import dev.warden.core.auth.CredentialLookup;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;

/**
 * The credential lookup decides on every request, cached signing keys or not: a key deactivated a moment ago is
 * refused, a changed secret takes effect at once, and the lookup's own refusals reach the caller as they are.
 */
class CredentialLookupTest {

    private final KeyRing keys = KeyRing.withExampleKey();
    private final SigV4Verifier<TestCredential> verifier = Requests.verifier(keys);

    @Test
    void asksTheLookupOnEveryRequest() throws AuthenticationException {
        SignedRequest request = Requests.iamListUsers().buffered();

        for (int i = 0; i < 3; i++) {
            verifier.verify(request);
        }

        assertThat(keys.lookups()).hasSize(3);
    }

    @Test
    void refusesAKeyDeactivatedAfterItsSigningKeyWasCached() throws AuthenticationException {
        SignedRequest request = Requests.iamListUsers().buffered();
        verifier.verify(request);

        keys.deactivate(KeyRing.ACCESS_KEY_ID);

        assertThatThrownBy(() -> verifier.verify(request)).isInstanceOfSatisfying(AuthenticationException.class,
                e -> assertThat(e.failure()).isEqualTo(AuthFailure.UNKNOWN_ACCESS_KEY));
    }

    @Test
    void usesANewSecretOfTheSameKeyAtOnce() throws AuthenticationException {
        SignedRequest signedWithOld = Requests.iamListUsers().buffered();
        verifier.verify(signedWithOld);
        String newSecret = "Xj3mPqL9vR2sT8wY1zA4bC6dE0fG5hI7kN+o/QrS";
        keys.add(KeyRing.ACCESS_KEY_ID, newSecret);
        SignedRequest fresh = SdkSigner.withExampleKey().sign("iam", SdkSignedRequestTest.formPost("iam.amazonaws.com",
                Requests.LIST_USERS), Requests.LIST_USERS.getBytes(StandardCharsets.UTF_8), b -> b.identity(
                        AwsCredentialsIdentity.create(KeyRing.ACCESS_KEY_ID, newSecret))).buffered();

        assertThatThrownBy(() -> verifier.verify(signedWithOld)).isInstanceOfSatisfying(AuthenticationException.class,
                e -> assertThat(e.failure()).isEqualTo(AuthFailure.SIGNATURE_MISMATCH));
        assertThat(verifier.verify(fresh).accessKeyId()).isEqualTo(KeyRing.ACCESS_KEY_ID);
    }

    @Test
    void passesOnTheLookupsOwnRefusal() {
        CredentialLookup<TestCredential> expired = (id, token) -> {
            throw new AuthenticationException(AuthFailure.EXPIRED_TOKEN, "The security token included in the request "
                    + "is expired");
        };

        assertThatThrownBy(() -> Requests.verifier(expired).verify(Requests.iamListUsers().buffered()))
                .isInstanceOfSatisfying(AuthenticationException.class, e -> {
                    assertThat(e.failure()).isEqualTo(AuthFailure.EXPIRED_TOKEN);
                    assertThat(e).hasMessage("The security token included in the request is expired");
                });
    }

    @Test
    void answersAnUnknownKeyWhenTheLookupFindsNothing() {
        CredentialLookup<TestCredential> nothing = (id, token) -> null;

        assertThatThrownBy(() -> Requests.verifier(nothing).verify(Requests.iamListUsers().buffered()))
                .isInstanceOfSatisfying(AuthenticationException.class, e -> {
                    assertThat(e.failure()).isEqualTo(AuthFailure.UNKNOWN_ACCESS_KEY);
                    assertThat(e).hasMessage("The security token included in the request is invalid.");
                });
        assertThatThrownBy(() -> Requests.verifier(nothing).verify(Requests.s3GetObject().request()))
                .hasMessage("The AWS Access Key Id you provided does not exist in our records.");
    }

    @Test
    void refusesAsAnInternalFailureWhenTheLookupBreaks() {
        IllegalStateException broken = new IllegalStateException("store unavailable");
        CredentialLookup<TestCredential> failing = (id, token) -> {
            throw broken;
        };

        assertThatThrownBy(() -> Requests.verifier(failing).verify(Requests.iamListUsers().buffered()))
                .isInstanceOfSatisfying(AuthenticationException.class, e -> {
                    assertThat(e.failure()).isEqualTo(AuthFailure.INTERNAL);
                    assertThat(e).hasMessage("Internal failure while authenticating the request.").hasCause(broken);
                });
    }

    @Test
    void refusesAsAnInternalFailureACredentialWithoutSecret() {
        CredentialLookup<TestCredential> noSecret = (id, token) -> new TestCredential(id, null);

        assertThatThrownBy(() -> Requests.verifier(noSecret).verify(Requests.iamListUsers().buffered()))
                .isInstanceOfSatisfying(AuthenticationException.class,
                        e -> assertThat(e.failure()).isEqualTo(AuthFailure.INTERNAL));
    }

    @Test
    void keepsSecretsOutOfWhatItPrints() throws AuthenticationException {
        VerifiedRequest<TestCredential> verified = verifier.verify(Requests.iamListUsers().buffered());

        assertThat(verified.toString()).contains(KeyRing.ACCESS_KEY_ID).doesNotContain(KeyRing.SECRET);
        assertThat(verifier.toString()).doesNotContain(KeyRing.SECRET);
        assertThat(Requests.iamListUsers().buffered().toString())
                .doesNotContain("Signature=").doesNotContain("Action=");
    }
}
