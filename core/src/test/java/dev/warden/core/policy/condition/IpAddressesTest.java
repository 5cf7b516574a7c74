package dev.warden.core.policy.condition;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Address literals are parsed strictly, never resolved: dotted-quad IPv4 and RFC 4291 text forms of IPv6. */
class IpAddressesTest {

    private static byte[] bytesOf(String literal) throws Exception {
        return InetAddress.getByName(literal).getAddress();
    }

    @ParameterizedTest
    @ValueSource(strings = {"0.0.0.0", "10.0.0.1", "203.0.113.9", "255.255.255.255", "192.168.100.200", "1.2.3.4"})
    void parsesDottedQuadIpv4(String literal) throws Exception {
        assertThat(IpAddresses.parse(literal)).hasSize(4).isEqualTo(bytesOf(literal));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "1", "1.2.3", "1.2.3.4.5", "256.0.0.1", "1.2.3.256", "999.1.1.1", "01.2.3.4", "1.2.3.04",
            "1.2.3.00", "1..2.3", "1.2.3.", ".1.2.3", " 1.2.3.4", "1.2.3.4 ", "1.2.3.-4", "+1.2.3.4", "a.b.c.d", "1234.1.1.1",
            "0x1.2.3.4", "1.2.3.4/24", "localhost", "١.2.3.4", "1.2.3.٤", "１.2.3.4"})
    void refusesAnythingButStrictDottedQuad(String text) {
        assertThat(IpAddresses.parse(text)).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"::", "::1", "1::", "2001:db8::1", "2001:DB8::A", "2001:0db8:0000:0000:0000:ff00:0042:8329",
            "2001:db8:0:0:1:0:0:1", "fe80::1:2", "1:2:3:4:5:6:7:8", "1:2:3:4:5:6::8", "1::3:4:5:6:7:8", "::2:3:4:5:6:7:8",
            "1:2:3:4:5:6:7::", "::ffff:192.0.2.1", "64:ff9b::192.0.2.33", "1:2:3:4:5:6:1.2.3.4", "::1.2.3.4", "0:0:0:0:0:0:0:0"})
    void parsesIpv6IncludingCompressionAndEmbeddedIpv4(String literal) throws Exception {
        byte[] parsed = IpAddresses.parse(literal);
        byte[] expected = bytesOf(literal);

        assertThat(parsed).hasSize(16);
        if (expected.length == 16) {
            assertThat(parsed).isEqualTo(expected);
        }
    }

    @Test
    void embeddedIpv4FillsTheLastFourBytes() {
        assertThat(IpAddresses.parse("::ffff:192.0.2.1")).containsExactly(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, (byte) 0xff, (byte) 0xff,
                (byte) 192, 0, 2, 1);
    }

    @Test
    void compressionStandsForTheMissingGroupsWhereverItIs() {
        assertThat(IpAddresses.parse("1::8")).containsExactly(0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 8);
        assertThat(IpAddresses.parse("::")).containsOnly(0).hasSize(16);
    }

    @ParameterizedTest
    @ValueSource(strings = {"1:2:3:4:5:6:7", "1:2:3:4:5:6:7:8:9", "1::2::3", ":::", "::::", "12345::", "1:2:3:4:5:6:7:8::",
            "::1:2:3:4:5:6:7:8", "1:2:3:4::5:6:7:8", "g::1", ":1::", "1::2:", "1:", ":1", "fe80::1%eth0", "::ffff:1.2.3.256",
            "::ffff:1.2.3", "1:2:3:4:5:6:7:1.2.3.4", "::1.2.3.4:1", "1.2.3.4::", "1.2.3.4::1", "[::1]", "::1/128",
            "１::", "::ａ", "2001:db8::1 ", " ::1"})
    void refusesMalformedIpv6(String text) {
        assertThat(IpAddresses.parse(text)).as(text).isNull();
    }
}
