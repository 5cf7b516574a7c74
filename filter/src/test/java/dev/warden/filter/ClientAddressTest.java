package dev.warden.filter;

import static org.assertj.core.api.Assertions.assertThat;

import dev.warden.core.policy.condition.IpBlock;
import java.util.List;
import org.junit.jupiter.api.Test;

class ClientAddressTest {

    private final ClientAddress behindProxies = new ClientAddress(
            List.of(IpBlock.parse("10.0.0.0/8"), IpBlock.parse("2001:db8::/32")));

    @Test
    void withoutTrustedProxiesThePeerIsTheClientWhateverTheHeaderSays() {
        ClientAddress direct = new ClientAddress(List.of());
        assertThat(direct.of(new FakeHttpRequest().from("198.51.100.7").header("X-Forwarded-For", "203.0.113.9")
                .build())).isEqualTo("198.51.100.7");
    }

    @Test
    void anUntrustedPeerCannotClaimAnotherAddress() {
        assertThat(behindProxies.of(new FakeHttpRequest().from("198.51.100.7")
                .header("X-Forwarded-For", "203.0.113.9").build())).isEqualTo("198.51.100.7");
    }

    @Test
    void aTrustedProxyNamesTheClient() {
        assertThat(behindProxies.of(new FakeHttpRequest().from("10.1.2.3")
                .header("X-Forwarded-For", "203.0.113.9").build())).isEqualTo("203.0.113.9");
    }

    @Test
    void hopsAreReadFromTheRightSkippingTrustedProxiesSoAForgedLeftmostEntryIsIgnored() {
        assertThat(behindProxies.of(new FakeHttpRequest().from("10.1.2.3")
                .header("X-Forwarded-For", "1.2.3.4, 203.0.113.9, 10.9.9.9").build())).isEqualTo("203.0.113.9");
    }

    @Test
    void repeatedHeadersCountAsOneListInOrder() {
        assertThat(behindProxies.of(new FakeHttpRequest().from("10.1.2.3")
                .header("X-Forwarded-For", "203.0.113.9").header("X-Forwarded-For", "10.0.0.5").build()))
                .isEqualTo("203.0.113.9");
    }

    @Test
    void aHopThatIsNoAddressStopsTheWalkAtTheLastTrustedHop() {
        assertThat(behindProxies.of(new FakeHttpRequest().from("10.1.2.3")
                .header("X-Forwarded-For", "unknown, 10.0.0.5").build())).isEqualTo("10.0.0.5");
    }

    @Test
    void ipv6PeersAndHopsAreUnderstood() {
        assertThat(behindProxies.of(new FakeHttpRequest().from("[2001:db8::1]")
                .header("X-Forwarded-For", "2001:db9::5").build())).isEqualTo("2001:db9::5");
    }

    @Test
    void whenEveryHopIsTrustedTheLeftmostIsTheClient() {
        assertThat(behindProxies.of(new FakeHttpRequest().from("10.1.2.3")
                .header("X-Forwarded-For", "10.0.0.9, 10.0.0.5").build())).isEqualTo("10.0.0.9");
    }
}
