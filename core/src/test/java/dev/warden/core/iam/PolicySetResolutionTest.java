package dev.warden.core.iam;

import static dev.warden.core.iam.Samples.ACCOUNT;
import static dev.warden.core.iam.Samples.MANAGEMENT;
import static dev.warden.core.iam.Samples.MEMBER;
import static org.assertj.core.api.Assertions.assertThat;

import dev.warden.core.eval.EvaluationInput;
import dev.warden.core.eval.Evaluator;
import dev.warden.core.policy.CompiledPolicy;
import dev.warden.core.policy.PolicyKind;
import dev.warden.spi.AuthorizationRequest;
import dev.warden.spi.Outcome;
import dev.warden.spi.Principal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Which compiled policies bound a principal: its own, its groups', its boundary, its account's SCP chain. */
class PolicySetResolutionTest {

    private static final String BOUNDARY = "arn:aws:iam::111122223333:policy/Boundary";
    private static final String S3_READ = "arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess";
    private static final String ADMIN = "arn:aws:iam::aws:policy/AdministratorAccess";

    private static List<String> names(PolicySet set) {
        return set.identity().policies().stream().map(CompiledPolicy::name).toList();
    }

    private static Outcome decide(PolicySet set, Principal principal, String action) {
        AuthorizationRequest request = AuthorizationRequest.builder(principal, action, "arn:aws:s3:::b/k").build();
        return Evaluator.decide(request, new EvaluationInput(set.identity(), set.boundary(), null,
                set.serviceControlLevels(), null, null, null)).outcome();
    }

    private static Directory directory(Changes changes) {
        Directory d = Samples.load(Samples.documents(changes));
        assertThat(d.rejected()).isEmpty();
        return d;
    }

    @Test
    void aUsersOwnAndItsGroupsPoliciesInlineAndAttached() {
        User alice = Samples.user("alice", "/eng/");
        Directory d = directory(new Changes().put(Samples.account()).put(ACCOUNT, alice).put(ACCOUNT, Samples.group("devs"))
                .put(ACCOUNT, Samples.policy("Boundary", Samples.ALLOW_ALL)));
        Principal principal = Principal.of("arn:aws:iam::111122223333:user/eng/alice");
        PolicySet set = PolicySet.of(d, principal);
        assertThat(set.accountId()).isEqualTo(ACCOUNT);
        assertThat(names(set)).containsExactly("inline policy zeta of user alice", "inline policy alpha of user alice",
                S3_READ, "inline policy shared of group devs", BOUNDARY);
        assertThat(set.boundary().policies()).extracting(CompiledPolicy::name).containsExactly(BOUNDARY);
        assertThat(set.serviceControlLevels()).isNull();
        assertThat(decide(set, principal, "s3:GetObject")).isEqualTo(Outcome.ALLOWED);
        assertThat(decide(set, principal, "s3:DeleteObject")).isEqualTo(Outcome.EXPLICITLY_DENIED);
    }

    @Test
    void aUserNamedWithTheWrongPathOrUnknownIsNobody() {
        Directory d = directory(new Changes().put(Samples.account()).put(ACCOUNT, Samples.user("alice", "/eng/")));
        assertThat(PolicySet.of(d, Principal.of("arn:aws:iam::111122223333:user/alice"))).isNull();
        assertThat(PolicySet.of(d, Principal.of("arn:aws:iam::111122223333:user/eng/bob"))).isNull();
        assertThat(PolicySet.of(d, Principal.of("arn:aws:iam::444455556666:user/eng/alice"))).isNull();
    }

    @Test
    void aRoleAndItsSessions() {
        Directory d = directory(new Changes().put(Samples.account()).put(ACCOUNT, Samples.role("app"))
                .put(ACCOUNT, Samples.policy("Boundary", Samples.READ)));
        PolicySet role = PolicySet.of(d, Principal.of("arn:aws:iam::111122223333:role/svc/app"));
        assertThat(names(role)).containsExactly("inline policy work of role app", ADMIN);
        assertThat(role.boundary().policies()).extracting(CompiledPolicy::name).containsExactly(BOUNDARY);

        Principal session = Principal.of("arn:aws:sts::111122223333:assumed-role/app/build-42");
        PolicySet sessionSet = PolicySet.of(d, session);
        assertThat(names(sessionSet)).isEqualTo(names(role));
        assertThat(decide(sessionSet, session, "s3:GetObject")).isEqualTo(Outcome.ALLOWED);
        assertThat(decide(sessionSet, session, "s3:PutObject")).as("capped by the boundary").isEqualTo(Outcome.IMPLICITLY_DENIED);
        assertThat(PolicySet.of(d, Principal.of("arn:aws:iam::111122223333:role/app"))).as("wrong path").isNull();
    }

    @Test
    void aBoundaryNamingAMissingPolicyAllowsNothing() {
        Directory d = directory(new Changes().put(Samples.account()).put(ACCOUNT, Samples.role("app")));
        Principal app = Principal.of("arn:aws:iam::111122223333:role/svc/app");
        PolicySet set = PolicySet.of(d, app);
        assertThat(set.boundary()).isNotNull();
        assertThat(set.boundary().policies()).isEmpty();
        assertThat(decide(set, app, "s3:GetObject")).isEqualTo(Outcome.IMPLICITLY_DENIED);
    }

    @Test
    void aFederatedUserCarriesItsCreatorsPolicies() {
        Directory d = directory(new Changes().put(Samples.account()).put(ACCOUNT, Samples.user("alice", "/eng/"))
                .put(ACCOUNT, Samples.policy("Boundary", Samples.ALLOW_ALL)));
        Principal session = Principal.federatedUser("arn:aws:sts::111122223333:federated-user/temp",
                "arn:aws:iam::111122223333:user/eng/alice");
        assertThat(names(PolicySet.of(d, session))).contains("inline policy zeta of user alice");
        assertThat(PolicySet.of(d, Principal.of("arn:aws:sts::111122223333:federated-user/temp"))).isNull();
    }

    @Test
    void theRootUserHasNoPoliciesOfItsOwn() {
        Directory d = directory(new Changes().put(Samples.account()));
        PolicySet root = PolicySet.of(d, Principal.of("arn:aws:iam::111122223333:root"));
        assertThat(root.identity().policies()).isEmpty();
        assertThat(root.boundary()).isNull();
        assertThat(PolicySet.of(d, Principal.of("arn:aws:iam::444455556666:root"))).as("unknown account").isNull();
    }

    private static Directory organization(Map<String, List<String>> scps) {
        User worker = new User("worker", "/", "AIDAEXAMPLEUSER00009", Samples.CREATED, List.of(), List.of(),
                List.of(ADMIN), Map.of(), null, List.of());
        Changes changes = new Changes().put(Samples.organization(scps));
        for (String id : List.of(MEMBER, MANAGEMENT, ACCOUNT)) {
            changes.put(Account.create(id, null, Samples.CREATED)).put(id, worker);
        }
        return directory(changes);
    }

    private static Principal worker(String account) {
        return Principal.of("arn:aws:iam::" + account + ":user/worker");
    }

    @Test
    void anAccountInAnOrganizationIsBoundByEachLevelOfItsChain() {
        Directory d = organization(Map.of("r-root", List.of(Samples.ALLOW_ALL), "ou-eng", List.of(Samples.ALLOW_ALL,
                Samples.DENY_DELETE), MEMBER, List.of(Samples.READ)));
        PolicySet set = PolicySet.of(d, worker(MEMBER));
        assertThat(set.serviceControlLevels()).hasSize(3);
        assertThat(set.serviceControlLevels().get(0).policies()).hasSize(1);
        assertThat(set.serviceControlLevels().get(1).policies()).hasSize(2);
        assertThat(decide(set, worker(MEMBER), "s3:GetObject")).isEqualTo(Outcome.ALLOWED);
        assertThat(decide(set, worker(MEMBER), "s3:PutObject")).as("not allowed at the account level")
                .isEqualTo(Outcome.IMPLICITLY_DENIED);
        assertThat(decide(set, worker(MEMBER), "s3:DeleteObject")).isEqualTo(Outcome.EXPLICITLY_DENIED);
    }

    @Test
    void aLevelWithoutServiceControlPoliciesAllowsNothing() {
        Directory d = organization(Map.of("r-root", List.of(Samples.ALLOW_ALL), MEMBER, List.of(Samples.ALLOW_ALL)));
        PolicySet set = PolicySet.of(d, worker(MEMBER));
        assertThat(set.serviceControlLevels().get(1).policies()).as("ou-eng has none").isEmpty();
        assertThat(decide(set, worker(MEMBER), "s3:GetObject")).isEqualTo(Outcome.IMPLICITLY_DENIED);
    }

    @Test
    void theManagementAccountAndOutsidersAreNotBoundBySCPs() {
        Directory d = organization(Map.of("r-root", List.of(Samples.DENY_DELETE)));
        PolicySet management = PolicySet.of(d, worker(MANAGEMENT));
        assertThat(management.serviceControlLevels()).isNull();
        assertThat(decide(management, worker(MANAGEMENT), "s3:DeleteObject")).isEqualTo(Outcome.ALLOWED);
        PolicySet outsider = PolicySet.of(d, worker(ACCOUNT));
        assertThat(outsider.serviceControlLevels()).isNull();
        assertThat(decide(outsider, worker(ACCOUNT), "s3:DeleteObject")).isEqualTo(Outcome.ALLOWED);
    }

    @Test
    void resourceControlPoliciesAreMergedIntoOneLevel() {
        Directory d = organization(Map.of("r-root", List.of(Samples.ALLOW_ALL)));
        List<dev.warden.core.policy.StatementIndex> rcps = PolicySet.controlLevels(d, MEMBER, true);
        assertThat(rcps).hasSize(1);
        assertThat(rcps.get(0).policies()).extracting(CompiledPolicy::name).containsExactly("secure-transport");
        assertThat(PolicySet.controlLevels(d, MANAGEMENT, true)).isNull();
    }

    @Test
    void compiledPoliciesAreSharedBetweenSnapshots() {
        Directory d = directory(new Changes().put(Samples.account()).put(ACCOUNT, Samples.user("alice", "/")));
        Directory next = d.apply(Samples.change(DirectoryCodec.groupPath(ACCOUNT, "devs"),
                DirectoryCodec.encode(Samples.group("devs"))));
        Principal alice = Principal.of("arn:aws:iam::111122223333:user/alice");
        assertThat(PolicySet.of(next, alice).identity().policies().get(0))
                .isSameAs(PolicySet.of(d, alice).identity().policies().get(0));
        assertThat(Samples.doc(Samples.READ, PolicyKind.MANAGED)).isEqualTo(Samples.doc(Samples.READ, PolicyKind.MANAGED));
    }
}
