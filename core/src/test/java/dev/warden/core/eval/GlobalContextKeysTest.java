package dev.warden.core.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import dev.warden.spi.ContextValue;
import dev.warden.spi.Principal;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The global condition keys AWS adds to every request, derived from the caller and the clock ("AWS global
 * condition context keys").
 */
class GlobalContextKeysTest {

    private static final Instant NOW = Instant.parse("2026-11-23T14:30:05.789Z");

    private static Map<String, ContextValue> keys(String caller) {
        return GlobalContextKeys.of(caller.equals("anonymous") ? Principal.anonymous() : Principal.of(caller), NOW);
    }

    @Test
    void anIamUserGetsEveryKeyIncludingItsUserName() {
        assertThat(keys("arn:aws:iam::111122223333:user/eng/alice")).containsExactly(
                entry("aws:CurrentTime", ContextValue.of("2026-11-23T14:30:05Z")),
                entry("aws:EpochTime", ContextValue.of("1795444205")),
                entry("aws:PrincipalArn", ContextValue.of("arn:aws:iam::111122223333:user/eng/alice")),
                entry("aws:PrincipalAccount", ContextValue.of("111122223333")),
                entry("aws:PrincipalType", ContextValue.of("User")),
                entry("aws:username", ContextValue.of("alice")));
    }

    @Test
    void theTimeIsTruncatedToTheSecond() {
        Map<String, ContextValue> keys = keys("arn:aws:iam::111122223333:user/alice");

        assertThat(keys.get("aws:CurrentTime").single()).isEqualTo("2026-11-23T14:30:05Z");
        assertThat(Long.parseLong(keys.get("aws:EpochTime").single())).isEqualTo(NOW.getEpochSecond());
    }

    @Test
    void aRoleSessionsPrincipalArnIsTheRoleArnAndItHasNoUserName() {
        Map<String, ContextValue> keys = keys("arn:aws:sts::111122223333:assumed-role/AppRole/app-session");

        assertThat(keys).contains(
                entry("aws:PrincipalArn", ContextValue.of("arn:aws:iam::111122223333:role/AppRole")),
                entry("aws:PrincipalAccount", ContextValue.of("111122223333")),
                entry("aws:PrincipalType", ContextValue.of("AssumedRole")));
        assertThat(keys).doesNotContainKey("aws:username");
    }

    @Test
    void theRootUserIsOfTypeAccount() {
        assertThat(keys("arn:aws:iam::111122223333:root")).contains(
                entry("aws:PrincipalArn", ContextValue.of("arn:aws:iam::111122223333:root")),
                entry("aws:PrincipalType", ContextValue.of("Account")))
                .doesNotContainKey("aws:username");
    }

    @Test
    void aFederatedUserIsOfTypeFederatedUser() {
        assertThat(keys("arn:aws:sts::111122223333:federated-user/carol")).contains(
                entry("aws:PrincipalArn", ContextValue.of("arn:aws:sts::111122223333:federated-user/carol")),
                entry("aws:PrincipalType", ContextValue.of("FederatedUser")))
                .doesNotContainKey("aws:username");
    }

    @Test
    void anotherPartitionIsKeptInTheRoleArn() {
        assertThat(keys("arn:aws-cn:sts::111122223333:assumed-role/AppRole/s1"))
                .containsEntry("aws:PrincipalArn", ContextValue.of("arn:aws-cn:iam::111122223333:role/AppRole"));
    }

    @Test
    void anonymousCallersAndServicesGetOnlyTheClock() {
        assertThat(keys("anonymous")).containsOnlyKeys("aws:CurrentTime", "aws:EpochTime");
        assertThat(keys("lambda.amazonaws.com")).containsOnlyKeys("aws:CurrentTime", "aws:EpochTime");
    }
}
