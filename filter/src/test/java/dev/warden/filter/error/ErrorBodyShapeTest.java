package dev.warden.filter.error;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class ErrorBodyShapeTest {

    private static final AwsError DENIED = new AwsError(403, "AccessDenied",
            "User: arn:aws:iam::111122223333:user/bob is not authorized to perform: s3:GetObject on resource: "
                    + "arn:aws:s3:::b/<script>&\"'");

    @Test
    void s3ErrorsAreS3sErrorDocumentWithEscapedTextAndExtraElementsInOrder() {
        String xml = ErrorBody.s3(new AwsError(403, "SignatureDoesNotMatch", "no", Map.of("StringToSign", "a<b")),
                "REQ1");
        assertThat(xml).isEqualTo("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Error><Code>SignatureDoesNotMatch"
                + "</Code><Message>no</Message><StringToSign>a&lt;b</StringToSign><RequestId>REQ1</RequestId>"
                + "<HostId>REQ1</HostId></Error>");
        assertThat(ErrorBody.s3(DENIED, "R")).contains("arn:aws:s3:::b/&lt;script&gt;&amp;&quot;&apos;");
    }

    @Test
    void queryErrorsAreTheQueryProtocolsErrorResponse() {
        assertThat(ErrorBody.query(DENIED, "R", "https://iam.amazonaws.com/doc/2010-05-08/"))
                .startsWith("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                        + "<ErrorResponse xmlns=\"https://iam.amazonaws.com/doc/2010-05-08/\">")
                .contains("<Type>Sender</Type>", "<Code>AccessDenied</Code>", "<RequestId>R</RequestId>");
        assertThat(ErrorBody.query(new AwsError(500, "InternalFailure", "x"), "R", null))
                .contains("<ErrorResponse>", "<Type>Receiver</Type>");
    }

    @Test
    void controlCharactersNeverReachTheXml() {
        assertThat(ErrorBody.escape("a\u0000b\u001Fc\td")).isEqualTo("abc\td");
    }
}
