package dev.warden.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@link AuthorizationRequest#normalizedContext}: keys made ready once, taken as they are by every request. */
class NormalizedContextTest {

    private static final Principal ALICE = Principal.of("arn:aws:iam::111122223333:user/alice");

    @Test
    void keysAreLowerCasedOnceAndRequestsTakeTheMapAsItIs() {
        Map<String, ContextValue> keys = AuthorizationRequest.normalizedContext(
                Map.of("aws:SourceIp", ContextValue.of("203.0.113.9"), "aws:PrincipalTag/Team", ContextValue.of("blue")));

        AuthorizationRequest first = new AuthorizationRequest(ALICE, "orders:GetOrder", "*", null, keys);
        AuthorizationRequest second = new AuthorizationRequest(ALICE, "orders:ListOrders", "*", null, keys);

        assertThat(keys).containsOnlyKeys("aws:sourceip", "aws:principaltag/team");
        assertThat(first.context()).isSameAs(keys);
        assertThat(second.context()).isSameAs(keys);
        assertThat(first.contextValue("AWS:SourceIP").single()).isEqualTo("203.0.113.9");
        assertThat(AuthorizationRequest.normalizedContext(keys)).isSameAs(keys);
    }

    @Test
    void keysDifferingOnlyInCaseAreRefused() {
        assertThatThrownBy(() -> AuthorizationRequest.normalizedContext(
                Map.of("aws:SourceIp", ContextValue.of("a"), "aws:sourceip", ContextValue.of("b"))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("given twice");
    }

    @Test
    void theMapIsReadOnly() {
        Map<String, ContextValue> keys = AuthorizationRequest.normalizedContext(Map.of("a:b", ContextValue.of("c")));

        assertThatThrownBy(() -> keys.put("d:e", ContextValue.of("f"))).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> keys.entrySet().clear()).isInstanceOf(UnsupportedOperationException.class);
    }
}
