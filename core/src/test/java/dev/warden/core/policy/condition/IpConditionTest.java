package dev.warden.core.policy.condition;

import static dev.warden.core.policy.condition.Conditions.empty;
import static dev.warden.core.policy.condition.Conditions.holds;
import static dev.warden.core.policy.condition.Conditions.with;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code IpAddress} and {@code NotIpAddress} test membership in CIDR blocks (IAM User Guide, IP address operators). */
class IpConditionTest {

    private static final String KEY = "aws:SourceIp";

    @ParameterizedTest
    @CsvSource({"203.0.113.0/24, 203.0.113.0, true", "203.0.113.0/24, 203.0.113.255, true", "203.0.113.0/24, 203.0.114.0, false",
            "203.0.113.0/24, 203.0.112.255, false", "10.0.0.0/8, 10.255.255.255, true", "10.0.0.0/8, 11.0.0.0, false",
            "10.0.0.0/25, 10.0.0.127, true", "10.0.0.0/25, 10.0.0.128, false", "10.0.0.128/25, 10.0.0.128, true",
            "172.16.0.0/12, 172.31.255.255, true", "172.16.0.0/12, 172.32.0.0, false", "192.0.2.7/32, 192.0.2.7, true",
            "192.0.2.7/32, 192.0.2.8, false", "192.0.2.7, 192.0.2.7, true", "192.0.2.7, 192.0.2.6, false",
            "0.0.0.0/0, 8.8.8.8, true", "203.0.113.77/24, 203.0.113.1, true"})
    void ipv4AddressIsInsideOrOutsideTheBlock(String block, String address, boolean inside) {
        assertThat(holds("IpAddress", KEY, block, address)).isEqualTo(inside);
        assertThat(holds("NotIpAddress", KEY, block, address)).isEqualTo(!inside);
    }

    @ParameterizedTest
    @CsvSource({"2001:db8::/32, 2001:db8:1234::1, true", "2001:db8::/32, 2001:db9::1, false", "2001:db8::/32, 2001:DB8::A, true",
            "2001:db8::1/128, 2001:db8::1, true", "2001:db8::1/128, 2001:db8::2, false", "2001:db8::1, 2001:db8:0:0:0:0:0:1, true",
            "::/0, fe80::1, true", "2001:db8:abcd:12::/63, 2001:db8:abcd:13::1, true", "2001:db8:abcd:12::/63, 2001:db8:abcd:14::1, false"})
    void ipv6AddressIsInsideOrOutsideTheBlock(String block, String address, boolean inside) {
        assertThat(holds("IpAddress", KEY, block, address)).isEqualTo(inside);
        assertThat(holds("NotIpAddress", KEY, block, address)).isEqualTo(!inside);
    }

    @Test
    void addressOfTheOtherFamilyIsOutsideTheBlock() {
        assertThat(holds("IpAddress", KEY, "0.0.0.0/0", "2001:db8::1")).isFalse();
        assertThat(holds("IpAddress", KEY, "::/0", "203.0.113.9")).isFalse();
        assertThat(holds("IpAddress", KEY, "192.0.2.0/24", "::ffff:192.0.2.1")).isFalse();
        assertThat(holds("NotIpAddress", KEY, "192.0.2.0/24", "2001:db8::1")).isTrue();
    }

    @Test
    void severalBlocksAreAlternatives() {
        List<String> blocks = List.of("192.0.2.0/24", "203.0.113.0/24", "2001:db8::/32");

        assertThat(holds("IpAddress", KEY, blocks, with(KEY, "203.0.113.9"))).isTrue();
        assertThat(holds("IpAddress", KEY, blocks, with(KEY, "2001:db8::9"))).isTrue();
        assertThat(holds("IpAddress", KEY, blocks, with(KEY, "198.51.100.1"))).isFalse();
        assertThat(holds("NotIpAddress", KEY, blocks, with(KEY, "198.51.100.1"))).isTrue();
        assertThat(holds("NotIpAddress", KEY, blocks, with(KEY, "192.0.2.1"))).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"not-an-ip", "", "203.0.113", "203.0.113.9/32", "203.0.113.009", "host.example.com", "1.2.3.4::"})
    void requestValueThatIsNoAddressSatisfiesNeitherOperator(String value) {
        assertThat(holds("IpAddress", KEY, "0.0.0.0/0", value)).isFalse();
        assertThat(holds("NotIpAddress", KEY, "10.0.0.0/8", value)).isFalse();
    }

    @Test
    void absentKeyFailsIpAddressAndSatisfiesNotIpAddress() {
        assertThat(holds("IpAddress", KEY, List.of("0.0.0.0/0"), empty())).isFalse();
        assertThat(holds("NotIpAddress", KEY, List.of("10.0.0.0/8"), empty())).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"10.0.0.0/33", "10.0.0.0/", "10.0.0.0/-1", "10.0.0.0/08", "10.0.0.0/8/8", "10.0.0.0/a", "10.0.0",
            "2001:db8::/129", "2001:db8::/0128", "10.0.0.0/٨", "2001:db8::/３２", "10.0.0.0 /8", "any", "10.0.0.0/1000"})
    void policyValueThatIsNoBlockIsRejected(String value) {
        assertThatThrownBy(() -> ConditionClause.compile("IpAddress", KEY, List.of("10.0.0.0/8", value), true))
                .isInstanceOfSatisfying(InvalidConditionException.class, e -> assertThat(e.valueIndex()).isEqualTo(1))
                .hasMessageContaining("is not an IP address or CIDR block");
    }

    @Test
    void prefixesFromZeroToTheFullLengthAreAccepted() {
        for (int prefix = 0; prefix <= 32; prefix++) {
            assertThat(holds("IpAddress", KEY, "10.0.0.1/" + prefix, "10.0.0.1")).as("/%d", prefix).isTrue();
        }
        for (int prefix = 0; prefix <= 128; prefix += 8) {
            assertThat(holds("IpAddress", KEY, "2001:db8::1/" + prefix, "2001:db8::1")).as("/%d", prefix).isTrue();
        }
    }
}
