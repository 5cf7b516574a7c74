package dev.warden.core.iam;

import static dev.warden.core.iam.Samples.ACCOUNT;
import static org.assertj.core.api.Assertions.assertThat;

import dev.warden.core.auth.password.PasswordHasher;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The root user's credentials live in the account's document ({@code "rootUser"}): written and read back unchanged,
 * its keys known to the directory as the root user's, and a bad hand edit refused with its JSON pointer.
 */
class RootUserDocumentTest {

    private static final String PATH = "accounts/111122223333/account.json";
    private static final String HASH = new PasswordHasher().hash("Root-Password-1".toCharArray());

    private static final RootUser ROOT = new RootUser("owner@example.com",
            new LoginProfile(HASH, Samples.CREATED, Samples.UPDATED, false, List.of()), Samples.UPDATED,
            List.of(new AccessKey("AKIAEXAMPLEROOTKEY01", true, Samples.CREATED, "v1:c2VhbGVk",
                    new AccessKey.LastUsed(Samples.UPDATED, "iam", "us-east-1")),
                    new AccessKey("AKIAEXAMPLEROOTKEY02", false, Samples.UPDATED, "v1:b3RoZXI=", null)));

    private static Account withRoot() {
        MfaDevice rootDevice = new MfaDevice("arn:aws:iam::111122223333:mfa/root", Samples.CREATED, "v1:c2VhbGVk",
                MfaDevice.ROOT_USER, Samples.CREATED, 59_000_000L);
        Account account = Samples.account().withRoot(ROOT);
        return account.withSettings(account.settings().withMfaDevices(List.of(rootDevice)));
    }

    private static StoreDocumentException rejected(String text) {
        Directory d = Samples.load(Map.of(PATH, text));
        assertThat(d.rejected()).containsOnlyKeys(PATH);
        return d.rejected().get(PATH);
    }

    private static String document() {
        return Samples.documents(new Changes().put(withRoot())).get(PATH);
    }

    @Test
    void an_account_with_root_credentials_reads_back_unchanged() {
        Directory d = Samples.load(Map.of(PATH, document()));

        assertThat(d.rejected()).isEmpty();
        assertThat(d.account(ACCOUNT)).isEqualTo(withRoot());
        assertThat(d.account(ACCOUNT).root().toString()).doesNotContain(HASH);
    }

    @Test
    void the_root_users_keys_are_known_as_the_root_users_until_they_leave_the_document() {
        Directory d = Samples.load(Map.of(PATH, document()));
        assertThat(d.accessKeyOwner("AKIAEXAMPLEROOTKEY01")).isEqualTo(Directory.KeyOwner.root(ACCOUNT));
        assertThat(d.accessKeyOwner("AKIAEXAMPLEROOTKEY02").isRoot()).isTrue();

        Account without = withRoot().withRoot(ROOT.withAccessKeys(List.of(ROOT.accessKeys().get(1))));
        Directory after = d.apply(Samples.change(PATH, Samples.documents(new Changes().put(without)).get(PATH)));

        assertThat(after.accessKeyOwner("AKIAEXAMPLEROOTKEY01")).isNull();
        assertThat(after.accessKeyOwner("AKIAEXAMPLEROOTKEY02")).isEqualTo(Directory.KeyOwner.root(ACCOUNT));
        assertThat(after.apply(Samples.change(PATH, null)).accessKeyOwner("AKIAEXAMPLEROOTKEY02")).isNull();
    }

    @Test
    void credentials_of_the_root_user_change_no_decision() {
        Directory d = Samples.load(Map.of(PATH, Samples.documents(new Changes().put(Samples.account())).get(PATH)));

        Directory after = d.apply(Samples.change(PATH, document()));

        assertThat(after.policyVersion()).isEqualTo(d.policyVersion());
    }

    @Test
    void a_malformed_root_email_is_refused_at_its_pointer() {
        StoreDocumentException e = rejected(document().replace("owner@example.com", "owner"));

        assertThat(e.pointer()).isEqualTo("/rootUser/email");
        assertThat(e.reason()).contains("Member must have length greater than or equal to 6");
    }

    @Test
    void a_third_root_key_is_refused() {
        String third = ",\n      {\"accessKeyId\": \"AKIAEXAMPLEROOTKEY03\", \"status\": \"Active\", "
                + "\"createDate\": \"2026-11-01T09:30:00Z\", \"sealedSecret\": \"v1:eA==\"}\n    ]";
        String text = document();
        int end = text.indexOf(']', text.indexOf("AKIAEXAMPLEROOTKEY02"));

        StoreDocumentException e = rejected(text.substring(0, end).stripTrailing() + third + text.substring(end + 1));

        assertThat(e.pointer()).isEqualTo("/rootUser/accessKeys");
        assertThat(e.reason()).isEqualTo("the root user has at most 2 access keys, got 3");
    }

    @Test
    void a_root_key_with_a_bad_status_is_refused_at_its_pointer() {
        StoreDocumentException e = rejected(document().replace("\"Inactive\"", "\"Disabled\""));

        assertThat(e.pointer()).isEqualTo("/rootUser/accessKeys/1/status");
    }

    @Test
    void only_the_root_users_marker_is_a_device_holder_that_is_not_a_user_name() {
        StoreDocumentException e = rejected(document().replace("<root_account>", "<someone>"));

        assertThat(e.pointer()).isEqualTo("/mfaDevices/0/userName");
    }
}
