package dev.warden.core.auth.sigv4;

import static org.assertj.core.api.Assertions.assertThat;

import dev.warden.core.auth.AuthenticationException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/**
 * The worked example of AWS's SigV4 documentation (IAM {@code ListUsers}, 2015-08-30): its signing key, its hashed
 * canonical request and its signature.
 */
class DocumentedExampleTest {

    private static final String SECRET = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY";

    @Test
    void derivesTheDocumentedSigningKey() {
        assertThat(Hex.encode(SigningKeyCache.derive(SECRET, "20150830", "us-east-1", "iam")))
                .isEqualTo("c4afb1cc5771d871763a393e44b703571b55cc28424d1a5e86da6ed3c154a4b9");
    }

    @Test
    void verifiesTheDocumentedListUsersRequest() throws AuthenticationException, IOException {
        SignedRequest request = SignedRequest.builder("GET", "/").rawQuery("Action=ListUsers&Version=2010-05-08")
                .header("Host", "iam.amazonaws.com")
                .header("Content-Type", "application/x-www-form-urlencoded; charset=utf-8")
                .header("X-Amz-Date", "20150830T123600Z")
                .header("Authorization", "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/iam/aws4_request, "
                        + "SignedHeaders=content-type;host;x-amz-date, "
                        + "Signature=5d672d79c15b13162d9279b0855cfba6789a8edb4c82c400e06b5924a6f2b5d7")
                .build();
        SigV4Verifier<TestCredential> verifier = new SigV4Verifier<>(new KeyRing().add("AKIDEXAMPLE", SECRET),
                Clock.fixed(Instant.parse("2015-08-30T12:36:00Z"), ZoneOffset.UTC));

        VerifiedRequest<TestCredential> verified = verifier.verify(request);

        assertThat(verified.signingInput().stringToSign()).isEqualTo("AWS4-HMAC-SHA256\n20150830T123600Z\n"
                + "20150830/us-east-1/iam/aws4_request\n"
                + "f536975d06c0309214f805bb90ccff089219ecd68b2577efef23edd43b7e1a59");
        // A GET without Content-Length has no body: it was signed as empty, and what arrives must be empty too.
        assertThat(verified.payload(new ByteArrayInputStream(new byte[0])).readAllBytes()).isEmpty();
    }
}
