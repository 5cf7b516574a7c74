package dev.warden.core.policy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.warden.spi.Principal;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * How a {@code Principal} element names a caller (IAM User Guide, "AWS JSON policy elements: Principal"; "Policy
 * evaluation logic", same-account resource-based policies), and when a {@code NotPrincipal} element leaves a caller
 * out ("AWS JSON policy elements: NotPrincipal": name the principal and its account).
 */
class PrincipalPatternTest {

    private static final Principal ALICE = Principal.of("arn:aws:iam::111122223333:user/alice");
    private static final Principal BOB = Principal.of("arn:aws:iam::111122223333:user/bob");
    private static final Principal OTHER_ACCOUNT_USER = Principal.of("arn:aws:iam::444455556666:user/alice");
    private static final Principal ROOT = Principal.of("arn:aws:iam::111122223333:root");
    private static final Principal APP_ROLE = Principal.of("arn:aws:iam::111122223333:role/AppRole");
    private static final Principal APP_SESSION = Principal.of("arn:aws:sts::111122223333:assumed-role/AppRole/s1");
    private static final Principal OTHER_ROLE_SESSION = Principal.of("arn:aws:sts::111122223333:assumed-role/OtherRole/s1");
    private static final Principal FEDERATED_ALICE = Principal.federatedUser(
            "arn:aws:sts::111122223333:federated-user/alice", "arn:aws:iam::111122223333:user/alice");
    private static final Principal LAMBDA = Principal.of("lambda.amazonaws.com");
    private static final Principal ANONYMOUS = Principal.anonymous();

    private static PrincipalPattern aws(String... entries) {
        return PrincipalPattern.compile(new PrincipalElement(false, List.of(entries), List.of(), List.of(), List.of()));
    }

    private static PrincipalPattern service(String... entries) {
        return PrincipalPattern.compile(new PrincipalElement(false, List.of(), List.of(entries), List.of(), List.of()));
    }

    private static PrincipalPattern everyone() {
        return PrincipalPattern.compile(new PrincipalElement(true, List.of(), List.of(), List.of(), List.of()));
    }

    @Test
    void starNamesEveryCallerDirectly() {
        for (Principal caller : List.of(ALICE, ROOT, APP_SESSION, FEDERATED_ALICE, LAMBDA, ANONYMOUS)) {
            assertThat(everyone().match(caller)).as("%s", caller).isEqualTo(PrincipalMatch.DIRECT);
            assertThat(aws("*").match(caller)).as("%s", caller).isEqualTo(PrincipalMatch.DIRECT);
        }
        assertThat(everyone().isWildcard()).isTrue();
        assertThat(aws("*").isWildcard()).isTrue();
    }

    @Test
    void accountIdNamesEveryPrincipalOfTheAccountAtAccountLevel() {
        PrincipalPattern p = aws("111122223333");

        assertThat(p.match(ALICE)).isEqualTo(PrincipalMatch.ACCOUNT);
        assertThat(p.match(ROOT)).isEqualTo(PrincipalMatch.ACCOUNT);
        assertThat(p.match(APP_SESSION)).isEqualTo(PrincipalMatch.ACCOUNT);
        assertThat(p.match(OTHER_ACCOUNT_USER)).isEqualTo(PrincipalMatch.NONE);
    }

    @Test
    void rootArnIsTheSameAsTheAccountId() {
        PrincipalPattern p = aws("arn:aws:iam::111122223333:root");

        assertThat(p.match(ALICE)).isEqualTo(PrincipalMatch.ACCOUNT);
        assertThat(p.match(ROOT)).isEqualTo(PrincipalMatch.ACCOUNT);
        assertThat(p.match(OTHER_ACCOUNT_USER)).isEqualTo(PrincipalMatch.NONE);
        assertThat(p.namesExactly("arn:aws:iam::111122223333:root")).isFalse();
    }

    @Test
    void userArnNamesExactlyThatUser() {
        PrincipalPattern p = aws("arn:aws:iam::111122223333:user/alice");

        assertThat(p.match(ALICE)).isEqualTo(PrincipalMatch.DIRECT);
        assertThat(p.match(BOB)).isEqualTo(PrincipalMatch.NONE);
        assertThat(p.match(OTHER_ACCOUNT_USER)).isEqualTo(PrincipalMatch.NONE);
        assertThat(p.match(Principal.of("arn:aws:iam::111122223333:user/Alice"))).isEqualTo(PrincipalMatch.NONE);
        assertThat(p.namesExactly(ALICE.arn())).isTrue();
    }

    @Test
    void theBestWayAnElementNamesTheCallerWins() {
        assertThat(aws("111122223333", "arn:aws:iam::111122223333:user/alice").match(ALICE)).isEqualTo(PrincipalMatch.DIRECT);
        assertThat(aws("111122223333", "arn:aws:iam::111122223333:role/AppRole").match(APP_SESSION))
                .isEqualTo(PrincipalMatch.SESSION_ROLE);
    }

    @Test
    void roleArnNamesTheRoleItselfDirectlyAndItsSessionsThroughTheRole() {
        PrincipalPattern p = aws("arn:aws:iam::111122223333:role/AppRole");

        assertThat(p.match(APP_ROLE)).isEqualTo(PrincipalMatch.DIRECT);
        assertThat(p.match(APP_SESSION)).isEqualTo(PrincipalMatch.SESSION_ROLE);
        assertThat(p.match(Principal.of("arn:aws:sts::111122223333:assumed-role/AppRole/another-session")))
                .isEqualTo(PrincipalMatch.SESSION_ROLE);
        assertThat(p.match(OTHER_ROLE_SESSION)).isEqualTo(PrincipalMatch.NONE);
    }

    @Test
    void roleNameComparesWithoutRegardToCaseForSessions() {
        assertThat(aws("arn:aws:iam::111122223333:role/approle").match(APP_SESSION)).isEqualTo(PrincipalMatch.SESSION_ROLE);
    }

    @Test
    void roleWithAPathNamesSessionsOfTheRoleName() {
        PrincipalPattern p = aws("arn:aws:iam::111122223333:role/service/team/AppRole");

        assertThat(p.match(APP_SESSION)).isEqualTo(PrincipalMatch.SESSION_ROLE);
    }

    @Test
    void sameRoleNameInAnotherAccountOrPartitionIsAnotherRole() {
        assertThat(aws("arn:aws:iam::444455556666:role/AppRole").match(APP_SESSION)).isEqualTo(PrincipalMatch.NONE);
        assertThat(aws("arn:aws-cn:iam::111122223333:role/AppRole").match(APP_SESSION)).isEqualTo(PrincipalMatch.NONE);
    }

    @Test
    void sessionArnNamesThatSessionDirectly() {
        PrincipalPattern p = aws("arn:aws:sts::111122223333:assumed-role/AppRole/s1");

        assertThat(p.match(APP_SESSION)).isEqualTo(PrincipalMatch.DIRECT);
        assertThat(p.match(Principal.of("arn:aws:sts::111122223333:assumed-role/AppRole/s2"))).isEqualTo(PrincipalMatch.NONE);
        assertThat(p.match(APP_ROLE)).isEqualTo(PrincipalMatch.NONE);
    }

    @Test
    void federatedSessionIsNeverMatchedThroughAUserOfTheSameNameWhenItsCreatorIsUnknown() {
        Principal chosenName = Principal.of("arn:aws:sts::111122223333:federated-user/alice");

        assertThat(aws("arn:aws:iam::111122223333:user/alice").match(chosenName)).isEqualTo(PrincipalMatch.NONE);
    }

    @Test
    void federatedSessionIsMatchedThroughTheUserWhoCreatedItWhateverItsName() {
        Principal bobsSession = Principal.federatedUser(
                "arn:aws:sts::111122223333:federated-user/alice", "arn:aws:iam::111122223333:user/bob");

        assertThat(aws("arn:aws:iam::111122223333:user/bob").match(bobsSession)).isEqualTo(PrincipalMatch.SESSION_USER);
        assertThat(aws("arn:aws:iam::111122223333:user/alice").match(bobsSession)).isEqualTo(PrincipalMatch.NONE);
    }

    @Test
    void userArnNamesTheFederatedSessionsOfThatUser() {
        assertThat(aws("arn:aws:iam::111122223333:user/alice").match(FEDERATED_ALICE)).isEqualTo(PrincipalMatch.SESSION_USER);
        assertThat(aws("arn:aws:iam::111122223333:user/bob").match(FEDERATED_ALICE)).isEqualTo(PrincipalMatch.NONE);
        assertThat(aws("arn:aws:sts::111122223333:federated-user/alice").match(FEDERATED_ALICE)).isEqualTo(PrincipalMatch.DIRECT);
    }

    @Test
    void servicePrincipalNamesThatService() {
        PrincipalPattern p = service("lambda.amazonaws.com");

        assertThat(p.match(LAMBDA)).isEqualTo(PrincipalMatch.DIRECT);
        assertThat(p.match(Principal.of("ec2.amazonaws.com"))).isEqualTo(PrincipalMatch.NONE);
        assertThat(p.match(ALICE)).isEqualTo(PrincipalMatch.NONE);
    }

    @Test
    void accountDoesNotNameAServicePrincipal() {
        assertThat(aws("111122223333").match(LAMBDA)).isEqualTo(PrincipalMatch.NONE);
    }

    @Test
    void anonymousCallerIsNamedOnlyByStar() {
        assertThat(aws("111122223333", "arn:aws:iam::111122223333:user/alice").match(ANONYMOUS)).isEqualTo(PrincipalMatch.NONE);
        assertThat(service("lambda.amazonaws.com").match(ANONYMOUS)).isEqualTo(PrincipalMatch.NONE);
        assertThat(everyone().match(ANONYMOUS)).isEqualTo(PrincipalMatch.DIRECT);
    }

    @Test
    void federatedAndCanonicalUserEntriesNameTheirExactCaller() {
        Principal saml = Principal.of("arn:aws:iam::111122223333:saml-provider/Corp");
        PrincipalPattern p = PrincipalPattern.compile(new PrincipalElement(false, List.of(), List.of(),
                List.of("arn:aws:iam::111122223333:saml-provider/Corp"), List.of()));

        assertThat(p.match(saml)).isEqualTo(PrincipalMatch.DIRECT);
        assertThat(p.match(ALICE)).isEqualTo(PrincipalMatch.NONE);
    }

    @Test
    void uniqueIdOfADeletedPrincipalNamesNoOne() {
        PrincipalPattern p = aws("AIDAJQABLZS4A3QDU576Q");

        for (Principal caller : List.of(ALICE, ROOT, APP_SESSION, LAMBDA, ANONYMOUS)) {
            assertThat(p.match(caller)).as("%s", caller).isEqualTo(PrincipalMatch.NONE);
        }
    }

    @Test
    void notPrincipalStarLeavesEveryoneOut() {
        for (Principal caller : List.of(ALICE, ROOT, APP_SESSION, LAMBDA, ANONYMOUS)) {
            assertThat(everyone().excludes(caller)).as("%s", caller).isTrue();
        }
    }

    @Test
    void notPrincipalLeavesAUserOutOnlyWithTheUsersAccount() {
        assertThat(aws("arn:aws:iam::111122223333:user/alice", "111122223333").excludes(ALICE)).isTrue();
        assertThat(aws("arn:aws:iam::111122223333:user/alice", "arn:aws:iam::111122223333:root").excludes(ALICE)).isTrue();
        assertThat(aws("arn:aws:iam::111122223333:user/alice").excludes(ALICE)).isFalse();
    }

    @Test
    void notPrincipalWithOnlyTheAccountLeavesNoUserOut() {
        PrincipalPattern p = aws("111122223333");

        assertThat(p.excludes(ALICE)).isFalse();
        assertThat(p.excludes(APP_SESSION)).isFalse();
    }

    @Test
    void notPrincipalDoesNotLeaveOutOtherUsersOfTheListedAccount() {
        assertThat(aws("arn:aws:iam::111122223333:user/alice", "111122223333").excludes(BOB)).isFalse();
    }

    @Test
    void notPrincipalRoleAndAccountLeaveOutThatRolesSessionsButNotAnotherRoles() {
        PrincipalPattern p = aws("arn:aws:iam::111122223333:role/AppRole", "111122223333");

        assertThat(p.excludes(APP_SESSION)).isTrue();
        assertThat(p.excludes(APP_ROLE)).isTrue();
        assertThat(p.excludes(OTHER_ROLE_SESSION)).isFalse();
    }

    @Test
    void notPrincipalSessionArnAndAccountLeaveOutThatSessionOnly() {
        PrincipalPattern p = aws("arn:aws:sts::111122223333:assumed-role/AppRole/s1", "111122223333");

        assertThat(p.excludes(APP_SESSION)).isTrue();
        assertThat(p.excludes(Principal.of("arn:aws:sts::111122223333:assumed-role/AppRole/s2"))).isFalse();
    }

    @Test
    void notPrincipalLeavesTheRootUserOutWhenItsAccountIsListed() {
        assertThat(aws("111122223333").excludes(ROOT)).isTrue();
        assertThat(aws("arn:aws:iam::111122223333:root").excludes(ROOT)).isTrue();
        assertThat(aws("444455556666").excludes(ROOT)).isFalse();
        assertThat(aws("arn:aws:iam::111122223333:user/alice").excludes(ROOT)).isFalse();
    }

    @Test
    void notPrincipalLeavesAServiceOutWhenItIsListed() {
        assertThat(service("lambda.amazonaws.com").excludes(LAMBDA)).isTrue();
        assertThat(service("ec2.amazonaws.com").excludes(LAMBDA)).isFalse();
        assertThat(aws("111122223333").excludes(LAMBDA)).isFalse();
    }

    @Test
    void notPrincipalNeverLeavesOutAnAnonymousCallerUnlessItIsStar() {
        assertThat(aws("111122223333", "arn:aws:iam::111122223333:user/alice").excludes(ANONYMOUS)).isFalse();
    }

    @Test
    void notPrincipalWithAnotherAccountsUserAndAccountLeavesOutOnlyThatUser() {
        PrincipalPattern p = aws("arn:aws:iam::444455556666:user/alice", "444455556666");

        assertThat(p.excludes(OTHER_ACCOUNT_USER)).isTrue();
        assertThat(p.excludes(ALICE)).isFalse();
    }
}
