package dev.warden.core.auth.sigv4;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.warden.core.auth.AuthFailure;
import dev.warden.core.auth.AuthenticationException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/**
 * A signed body must be the body that arrives: checked at once when it was buffered, as it is read when it is
 * streamed, and a request signed without a body may not bring one.
 */
class PayloadHashTest {

    private static final byte[] OTHER_BODY = "Action=DeleteUser&UserName=alice&Version=2010-05-08"
            .getBytes(StandardCharsets.UTF_8);

    private final SigV4Verifier<TestCredential> verifier = Requests.verifier(KeyRing.withExampleKey());

    @Test
    void refusesABufferedBodyOtherThanTheSignedOne() {
        SignedRequest swapped = Requests.withBody(Requests.iamListUsers().request(), OTHER_BODY);

        assertThatThrownBy(() -> verifier.verify(swapped)).isInstanceOfSatisfying(AuthenticationException.class, e -> {
            assertThat(e.failure()).isEqualTo(AuthFailure.PAYLOAD_MISMATCH);
            assertThat(e).hasMessage("The provided 'x-amz-content-sha256' header does not match what was computed.");
        });
    }

    @Test
    void refusesAStreamedBodyOtherThanTheSignedOneWhenItsEndIsRead() throws AuthenticationException {
        VerifiedRequest<TestCredential> verified = verifier.verify(Requests.iamListUsers().request());
        InputStream body = verified.payload(new ByteArrayInputStream(OTHER_BODY));

        ByteArrayOutputStream received = new ByteArrayOutputStream();
        PayloadRejectedException rejected = ChunkedUploadTest.readUntilRejected(body, received);

        assertThat(rejected.failure()).isEqualTo(AuthFailure.PAYLOAD_MISMATCH);
        assertThat(received.toByteArray()).isEqualTo(OTHER_BODY);
        assertThatThrownBy(body::read).isSameAs(rejected);
    }

    @Test
    void readsAStreamedBodyThatIsTheSignedOne() throws AuthenticationException, IOException {
        SdkSigner.Wire wire = Requests.iamListUsers();

        InputStream body = verifier.verify(wire.request()).payload(wire.bodyStream());

        assertThat(body.readAllBytes()).asString(StandardCharsets.UTF_8).isEqualTo(Requests.LIST_USERS);
        assertThat(body.read()).isEqualTo(-1);
    }

    @Test
    void refusesABodyOnARequestSignedWithoutOne() throws AuthenticationException {
        VerifiedRequest<TestCredential> verified = documentedVerifier().verify(documentedListUsers());

        PayloadRejectedException rejected = ChunkedUploadTest.readUntilRejected(
                verified.payload(new ByteArrayInputStream(OTHER_BODY)), new ByteArrayOutputStream());

        assertThat(rejected.failure()).isEqualTo(AuthFailure.PAYLOAD_MISMATCH);
    }

    @Test
    void refusesToGuessTheHashOfABodyThatWasNeitherSignedInAHeaderNorBuffered() {
        SignedRequest withBody = Requests.addHeader(documentedListUsers(), "Content-Length", "51");

        assertThatThrownBy(() -> documentedVerifier().verify(withBody))
                .isInstanceOfSatisfying(AuthenticationException.class, e -> {
                    assertThat(e.failure()).isEqualTo(AuthFailure.INTERNAL);
                    assertThat(e).hasMessageContaining("must be buffered");
                });
    }

    @Test
    void handsAnUnsignedBodyOverAsItIs() throws AuthenticationException {
        VerifiedRequest<TestCredential> verified = verifier.verify(Requests.s3GetObject().request());
        InputStream raw = new ByteArrayInputStream(OTHER_BODY);

        assertThat(verified.payloadMode()).isEqualTo(PayloadMode.UNSIGNED);
        assertThat(verified.payload(raw)).isSameAs(raw);
    }

    @Test
    void handsABufferedBodyThatWasCheckedOverAsItIs() throws AuthenticationException {
        VerifiedRequest<TestCredential> verified = verifier.verify(Requests.iamListUsers().buffered());
        InputStream raw = new ByteArrayInputStream(Requests.LIST_USERS.getBytes(StandardCharsets.UTF_8));

        assertThat(verified.payload(raw)).isSameAs(raw);
    }

    private static SignedRequest documentedListUsers() {
        return SignedRequest.builder("GET", "/").rawQuery("Action=ListUsers&Version=2010-05-08")
                .header("Host", "iam.amazonaws.com")
                .header("Content-Type", "application/x-www-form-urlencoded; charset=utf-8")
                .header("X-Amz-Date", "20150830T123600Z")
                .header("Authorization", "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/iam/aws4_request, "
                        + "SignedHeaders=content-type;host;x-amz-date, "
                        + "Signature=5d672d79c15b13162d9279b0855cfba6789a8edb4c82c400e06b5924a6f2b5d7")
                .build();
    }

    private static SigV4Verifier<TestCredential> documentedVerifier() {
        return new SigV4Verifier<>(new KeyRing().add("AKIDEXAMPLE", "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY"),
                Clock.fixed(Instant.parse("2015-08-30T12:36:00Z"), ZoneOffset.UTC));
    }
}
