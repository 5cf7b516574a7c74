package dev.warden.core.admin;

import static dev.warden.core.admin.IamFixture.ACCOUNT;
import static dev.warden.core.admin.IamFixture.OTHER_ACCOUNT;
import static dev.warden.core.admin.IamFixture.expect;
import static org.assertj.core.api.Assertions.assertThat;

import dev.warden.core.iam.Changes;
import dev.warden.core.iam.IamError;
import dev.warden.core.iam.LiveDirectory;
import dev.warden.core.iam.Organization;
import dev.warden.core.iam.PolicyDocument;
import dev.warden.core.policy.PolicyKind;
import dev.warden.spi.Principal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The root user holds every permission of its account, but, as AWS documents, SCPs bind the root user of a member
 * account (and never the management account): an SCP's deny stops the root user's IAM calls.
 */
class RootUnderServiceControlPolicyTest {

    private static final String ALLOW_ALL = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
            + "\"Action\":\"*\",\"Resource\":\"*\"}]}";
    private static final String NO_USERS = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Deny\","
            + "\"Action\":\"iam:CreateUser\",\"Resource\":\"*\"}]}";

    private final IamFixture f;

    /** ACCOUNT is a member account under the organization's root; OTHER_ACCOUNT is its management account. */
    RootUnderServiceControlPolicyTest() throws Exception {
        f = new IamFixture();
        f.iam.createAccount(OTHER_ACCOUNT, null);
        List<Organization.ControlPolicy> scps = List.of(
                new Organization.ControlPolicy("p-full", "FullAWSAccess", false,
                        PolicyDocument.parse(ALLOW_ALL, PolicyKind.SERVICE_CONTROL), List.of("r-root", ACCOUNT)),
                new Organization.ControlPolicy("p-nousers", "NoUsers", false,
                        PolicyDocument.parse(NO_USERS, PolicyKind.SERVICE_CONTROL), List.of("r-root")));
        Organization organization = new Organization("o-example", OTHER_ACCOUNT,
                List.of(new Organization.Unit("r-root", "Root", null)),
                Map.of(ACCOUNT, "r-root", OTHER_ACCOUNT, "r-root"), scps);
        f.warden.directory().update(d -> new LiveDirectory.Result<>(null, new Changes().put(organization)));
    }

    @AfterEach
    void close() throws Exception {
        f.close();
    }

    @Test
    void an_scp_deny_stops_the_root_user_of_a_member_account() throws Exception {
        expect(f.rootFails("CreateUser", "UserName", "alice"), IamError.ACCESS_DENIED,
                "User: arn:aws:iam::111122223333:root is not authorized to perform: iam:CreateUser on resource: "
                        + "arn:aws:iam::111122223333:user/alice with an explicit deny in a service control policy");
        f.root("CreateGroup", "GroupName", "devs");
    }

    @Test
    void scps_do_not_bind_the_management_accounts_root_user() throws Exception {
        f.iam.call(Principal.of("arn:aws:iam::" + OTHER_ACCOUNT + ":root"), OTHER_ACCOUNT, "CreateUser",
                Map.of("UserName", "alice"));

        assertThat(f.warden.directory().current().account(OTHER_ACCOUNT).user("alice")).isNotNull();
    }
}
