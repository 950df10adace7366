package org.textdesk.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** TEXTDESK_TRUSTED_PROXIES: addresses and CIDR ranges, IPv4 and IPv6; anything else stops the start. */
class TrustedProxiesFilterTest {

    @Test
    void theDefaultTrustsLoopbackOnly() {
        TrustedProxiesFilter filter = new TrustedProxiesFilter("127.0.0.0/8,::1");
        assertThat(filter.isTrusted("127.0.0.1")).isTrue();
        assertThat(filter.isTrusted("127.10.0.3")).isTrue();
        assertThat(filter.isTrusted("0:0:0:0:0:0:0:1")).isTrue();
        assertThat(filter.isTrusted("10.0.0.1")).isFalse();
        assertThat(filter.isTrusted("192.168.1.1")).isFalse();
        assertThat(filter.isTrusted("203.0.113.9")).isFalse();
    }

    @Test
    void addressesAndRangesWithSpaces() {
        TrustedProxiesFilter filter = new TrustedProxiesFilter(" 10.20.0.0/16 , 192.0.2.7,2001:db8::/32 ");
        assertThat(filter.isTrusted("10.20.255.1")).isTrue();
        assertThat(filter.isTrusted("10.21.0.1")).isFalse();
        assertThat(filter.isTrusted("192.0.2.7")).isTrue();
        assertThat(filter.isTrusted("192.0.2.8")).isFalse();
        assertThat(filter.isTrusted("2001:db8:0:0:0:0:0:5")).isTrue();
        assertThat(filter.isTrusted("2001:db9:0:0:0:0:0:5")).isFalse();
        assertThat(filter.isTrusted("127.0.0.1")).isFalse();
    }

    @Test
    void anEmptySettingTrustsNobody() {
        assertThat(new TrustedProxiesFilter("").isTrusted("127.0.0.1")).isFalse();
    }

    @Test
    void aHostNameOrNonsenseIsRefusedWithTheSettingsName() {
        assertThatThrownBy(() -> new TrustedProxiesFilter("proxy.example.org"))
                .hasMessage("TEXTDESK_TRUSTED_PROXIES: \"proxy.example.org\" is not an IP address or CIDR range such as "
                        + "10.0.0.0/8 or 192.0.2.7");
        assertThatThrownBy(() -> new TrustedProxiesFilter("10.0.0.0/8;"))
                .hasMessageStartingWith("TEXTDESK_TRUSTED_PROXIES: \"10.0.0.0/8;\"");
    }
}
