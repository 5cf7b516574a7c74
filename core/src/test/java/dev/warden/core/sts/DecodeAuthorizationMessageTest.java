package dev.warden.core.sts;

import static dev.warden.core.sts.StsFixture.ACCOUNT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.warden.core.iam.IamError;
import dev.warden.core.iam.IamException;
import dev.warden.spi.AuthorizationRequest;
import dev.warden.spi.Decision;
import dev.warden.spi.Principal;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class DecodeAuthorizationMessageTest {

    private final StsFixture f;

    DecodeAuthorizationMessageTest() throws Exception {
        f = new StsFixture();
    }

    @AfterEach
    void close() throws Exception {
        f.close();
    }

    private String encodedDenial() {
        AuthorizationRequest request = AuthorizationRequest.builder(Principal.of("arn:aws:iam::111122223333:user/bob"),
                "s3:DeleteObject", "arn:aws:s3:::reports/q3.pdf").context("aws:SourceIp", "203.0.113.7").build();
        Decision decision = f.warden.authorize(request);
        return f.warden.sts().authorizationMessages().encode(request, decision);
    }

    @Test
    void aPrincipalAllowedToDecodeReadsTheWholeStory() throws Exception {
        CallerCredential auditor = f.user(ACCOUNT, "auditor", StsFixture.allow("sts:DecodeAuthorizationMessage", "*"));
        String encoded = encodedDenial();

        assertThat(encoded).doesNotContain("DeleteObject").doesNotContain("203.0.113.7");
        JsonNode decoded = new ObjectMapper().readTree(
                f.sts(auditor, "DecodeAuthorizationMessage", "EncodedMessage", encoded).get("DecodedMessage").asText());
        assertThat(decoded.get("allowed").asBoolean()).isFalse();
        assertThat(decoded.get("explicitDeny").asBoolean()).isFalse();
        assertThat(decoded.at("/context/action").asText()).isEqualTo("s3:DeleteObject");
        assertThat(decoded.at("/context/resource").asText()).isEqualTo("arn:aws:s3:::reports/q3.pdf");
        assertThat(decoded.at("/context/principal/arn").asText()).isEqualTo("arn:aws:iam::111122223333:user/bob");
        assertThat(decoded.at("/context/conditions/items/0/values/items/0/value").asText()).isEqualTo("203.0.113.7");
    }

    @Test
    void othersAreDeniedAndForgedMessagesAreInvalid() throws Exception {
        CallerCredential bob = f.user(ACCOUNT, "bob", null);
        CallerCredential auditor = f.user(ACCOUNT, "auditor", StsFixture.allow("sts:DecodeAuthorizationMessage", "*"));
        String encoded = encodedDenial();

        assertThatThrownBy(() -> f.sts(bob, "DecodeAuthorizationMessage", "EncodedMessage", encoded))
                .isInstanceOfSatisfying(IamException.class, e -> assertThat(e.error()).isEqualTo(IamError.ACCESS_DENIED));
        String forged = encoded.substring(0, encoded.length() - 4) + (encoded.endsWith("AAAA") ? "BBBB" : "AAAA");
        assertThatThrownBy(() -> f.sts(auditor, "DecodeAuthorizationMessage", "EncodedMessage", forged))
                .isInstanceOfSatisfying(IamException.class,
                        e -> assertThat(e.error()).isEqualTo(IamError.INVALID_AUTHORIZATION_MESSAGE));
    }
}
