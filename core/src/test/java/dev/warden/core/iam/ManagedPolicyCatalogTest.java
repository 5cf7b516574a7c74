package dev.warden.core.iam;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The AWS managed policies Warden ships, with AWS's documents. */
class ManagedPolicyCatalogTest {

    private static final Map<String, ManagedPolicy> SHIPPED = ManagedPolicyCatalog.load(ManagedPolicyCatalogTest.class
            .getClassLoader());

    private static JsonNode document(String name) throws Exception {
        return new ObjectMapper().readTree(SHIPPED.get(name.toLowerCase(java.util.Locale.ROOT)).defaultVersion()
                .document().text());
    }

    @Test
    void theSevenShippedPolicies() {
        assertThat(SHIPPED.values()).extracting(ManagedPolicy::name).containsExactly("AdministratorAccess",
                "PowerUserAccess", "IAMFullAccess", "IAMReadOnlyAccess", "IAMUserChangePassword", "AmazonS3FullAccess",
                "AmazonS3ReadOnlyAccess");
        for (ManagedPolicy p : SHIPPED.values()) {
            assertThat(p.path()).isEqualTo("/");
            assertThat(p.id()).matches("ANPA[A-Z2-7]{16}");
            assertThat(p.defaultVersion()).isNotNull();
            assertThat(p.arn("aws", "aws")).isEqualTo("arn:aws:iam::aws:policy/" + p.name());
        }
    }

    @Test
    void administratorAccessAllowsEverything() throws Exception {
        JsonNode admin = document("AdministratorAccess");
        assertThat(admin.at("/Statement/0/Effect").asText()).isEqualTo("Allow");
        assertThat(admin.at("/Statement/0/Action").asText()).isEqualTo("*");
        assertThat(admin.at("/Statement/0/Resource").asText()).isEqualTo("*");
        assertThat(admin.get("Statement")).hasSize(1);
    }

    @Test
    void theOthersAreAwssDocuments() throws Exception {
        assertThat(document("IAMReadOnlyAccess").at("/Statement/0/Action")).extracting(JsonNode::asText)
                .contains("iam:Get*", "iam:List*");
        assertThat(document("IAMFullAccess").toString()).contains("\"iam:*\"");
        assertThat(document("AmazonS3FullAccess").toString()).contains("\"s3:*\"");
        assertThat(document("AmazonS3ReadOnlyAccess").toString()).contains("\"s3:Get*\"", "\"s3:List*\"");
        assertThat(document("PowerUserAccess").at("/Statement/0/Effect").asText()).isEqualTo("Allow");
        assertThat(document("PowerUserAccess").at("/Statement/0/NotAction").toString()).contains("iam:*");
        assertThat(document("IAMUserChangePassword").toString()).contains("iam:ChangePassword");
    }

    @Test
    void idsAreStableAcrossLoads() {
        Map<String, ManagedPolicy> again = ManagedPolicyCatalog.load(getClass().getClassLoader());
        SHIPPED.forEach((name, p) -> assertThat(again.get(name).id()).isEqualTo(p.id()));
        assertThat(SHIPPED.values()).extracting(ManagedPolicy::id).doesNotHaveDuplicates();
    }

    @Test
    void everyDirectoryKnowsThemByArn() {
        Directory d = Directory.empty("aws", SHIPPED);
        assertThat(d.managedPolicy("arn:aws:iam::aws:policy/AdministratorAccess").name()).isEqualTo("AdministratorAccess");
        assertThat(d.managedPolicy("arn:aws:iam::aws:policy/administratoraccess")).as("names are exact in an ARN").isNull();
        assertThat(d.managedPolicy("arn:aws-cn:iam::aws:policy/AdministratorAccess")).as("other partition").isNull();
        assertThat(d.managedPolicy("arn:aws:iam::aws:policy/job-function/AdministratorAccess")).as("wrong path").isNull();
    }
}
