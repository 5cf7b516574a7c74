package dev.warden.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** AWS CLI arguments become the Query parameters the AWS CLI sends, AWS's spelling included. */
class AwsCliParametersTest {

    @Test
    void openIdConnectOperationsAndParametersAreSpelledAsAwsSpellsThem() throws Exception {
        assertThat(AwsCliParameters.operation("create-open-id-connect-provider")).isEqualTo("CreateOpenIDConnectProvider");
        assertThat(AwsCliParameters.operation("add-client-id-to-open-id-connect-provider"))
                .isEqualTo("AddClientIDToOpenIDConnectProvider");
        assertThat(AwsCliParameters.parse(List.of("--url", "https://idp.example.com", "--client-id-list", "a", "b",
                "--thumbprint-list", "9e99a48a9960b14926bb7f3b02e22da2b0ab7280",
                "--open-id-connect-provider-arn", "arn:aws:iam::111122223333:oidc-provider/idp.example.com")))
                .containsEntry("Url", "https://idp.example.com")
                .containsEntry("ClientIDList.member.1", "a").containsEntry("ClientIDList.member.2", "b")
                .containsEntry("ThumbprintList.member.1", "9e99a48a9960b14926bb7f3b02e22da2b0ab7280")
                .containsEntry("OpenIDConnectProviderArn", "arn:aws:iam::111122223333:oidc-provider/idp.example.com");
        assertThat(AwsCliParameters.parse(List.of("--access-key-id", "AKIA"))).containsOnlyKeys("AccessKeyId");
    }
}
