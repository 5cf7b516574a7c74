package dev.warden.core.iam;

import static org.assertj.core.api.Assertions.assertThat;

import dev.warden.core.Warden;
import dev.warden.core.store.FileDirectoryStore;
import dev.warden.spi.AuthorizationRequest;
import dev.warden.spi.Principal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * IAM names may start with a dot ({@code [\w+=,.@-]+}), but the file store never treats dot files as documents
 * (they are editor swap files, {@code .git}, its own {@code .warden}). Such entities are written as
 * {@code %2E...json} and survive a restart like any other.
 */
class DotNamedEntityFilesTest {

    private static final String ACCOUNT = "111122223333";
    private static final Principal ROOT = Principal.of("arn:aws:iam::111122223333:root");
    private static final String POLICY = """
            {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObject","Resource":"*"}]}""";

    @TempDir
    Path root;

    @Test
    void entitiesWhoseNamesStartWithADotAreStoredEscapedAndReadBack() throws Exception {
        try (Warden warden = Warden.builder().store(FileDirectoryStore.open(root)).audit(false, 0).build()) {
            warden.iam().createAccount(ACCOUNT, null);
            warden.iam().call(ROOT, ACCOUNT, "CreateUser", Map.of("UserName", ".alice"));
            warden.iam().call(ROOT, ACCOUNT, "CreateGroup", Map.of("GroupName", "..ops"));
            warden.iam().call(ROOT, ACCOUNT, "AddUserToGroup", Map.of("GroupName", "..ops", "UserName", ".alice"));
            warden.iam().call(ROOT, ACCOUNT, "CreatePolicy", Map.of("PolicyName", ".read", "PolicyDocument", POLICY));
            warden.iam().call(ROOT, ACCOUNT, "AttachGroupPolicy", Map.of("GroupName", "..ops",
                    "PolicyArn", "arn:aws:iam::111122223333:policy/.read"));
            warden.iam().call(ROOT, ACCOUNT, "CreateRole", Map.of("RoleName", ".deployer",
                    "AssumeRolePolicyDocument", """
                            {"Version":"2012-10-17","Statement":[{"Effect":"Allow",\
                            "Principal":{"AWS":"arn:aws:iam::111122223333:root"},"Action":"sts:AssumeRole"}]}"""));
        }

        Path account = root.resolve("accounts/" + ACCOUNT);
        assertThat(account.resolve("users/%2Ealice.json")).exists();
        assertThat(account.resolve("groups/%2E.ops.json")).exists();
        assertThat(account.resolve("policies/%2Eread.json")).exists();
        assertThat(account.resolve("roles/%2Edeployer.json")).exists();
        try (var files = Files.walk(account)) {
            assertThat(files.map(p -> p.getFileName().toString())).noneMatch(name -> name.startsWith("."));
        }

        try (Warden restarted = Warden.builder().store(FileDirectoryStore.open(root)).audit(false, 0).build()) {
            Directory directory = restarted.directory().current();
            assertThat(directory.rejected()).isEmpty();
            Account loaded = directory.account(ACCOUNT);
            assertThat(loaded.users()).hasSize(1);
            assertThat(loaded.user(".alice").name()).isEqualTo(".alice");
            assertThat(loaded.group("..ops").name()).isEqualTo("..ops");
            assertThat(loaded.role(".deployer").name()).isEqualTo(".deployer");
            assertThat(loaded.policy(".read").name()).isEqualTo(".read");
            assertThat(restarted.authorize(AuthorizationRequest.builder(
                    Principal.of("arn:aws:iam::111122223333:user/.alice"), "s3:GetObject",
                    "arn:aws:s3:::bucket/key").build()).isAllowed()).isTrue();
        }
    }
}
