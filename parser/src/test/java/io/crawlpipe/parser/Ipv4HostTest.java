package io.crawlpipe.parser;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** Hosts written as numbers, read as the WHATWG URL Standard reads them (its examples among them). */
class Ipv4HostTest {

  @Test
  void aHostThatEndsInANumberIsItsIpv4AddressAsADottedQuad() {
    Map<String, String> hosts = Map.ofEntries(Map.entry("127.1", "127.0.0.1"), Map.entry("2130706433", "127.0.0.1"),
        Map.entry("0177.0.0.1", "127.0.0.1"), Map.entry("0x7f.1", "127.0.0.1"), Map.entry("0x7F000001", "127.0.0.1"),
        Map.entry("127.0.0.1.", "127.0.0.1"), Map.entry("1.2.3", "1.2.0.3"), Map.entry("0x.0x.0", "0.0.0.0"),
        Map.entry("0", "0.0.0.0"), Map.entry("4294967295", "255.255.255.255"), Map.entry("0xffffffff", "255.255.255.255"),
        Map.entry("010.0.0.010", "8.0.0.8"), Map.entry("192.168.0x1.00", "192.168.1.0"));
    hosts.forEach((host, quad) -> {
      assertThat(Ipv4Host.canonical(host)).as(host).isEqualTo(quad);
      assertThat(Ipv4Host.address(host)).as(host).isEqualTo(Ipv4Host.address(quad));
    });
    assertThat(Ipv4Host.address("127.1")).containsExactly(127, 0, 0, 1);
  }

  @Test
  void aHostThatEndsInANumberButIsNoAddressIsNotAValidHost() {
    for (String host : new String[] {"1.2.3.4.5", "256.1.1.1", "1.2.3.256", "1.2.65536", "4294967296", "0x100000000",
        "08", "0x7g.1.1", "example.123", "a.0x", "1..2", ".1", "99999999999999999999"}) {
      assertThat(Ipv4Host.canonical(host)).as(host).isNull();
      assertThat(Ipv4Host.address(host)).as(host).isNull();
    }
    assertThat(Ipv4Host.problem("256.1.1.1")).isEqualTo("host 256.1.1.1 ends in a number but is not a valid IPv4 address");
  }

  @Test
  void anyOtherHostIsLeftAsItIs() {
    for (String host : new String[] {"127.0.0.1", "example.com", "example.com.", "a.0xg", "1.2.3.4a", "::1",
        "fd00::1.2.3.4", "xn--bcher-kva.de", "0x7f.localhost", "."}) {
      assertThat(Ipv4Host.canonical(host)).as(host).isSameAs(host);
    }
    assertThat(Ipv4Host.address("example.com")).isNull();
    assertThat(Ipv4Host.address("::1")).isNull();
  }
}
