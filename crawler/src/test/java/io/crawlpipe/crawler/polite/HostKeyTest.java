package io.crawlpipe.crawler.polite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HostKeyTest {

  @Test
  void urlsOfOneSchemeHostAndPortShareAKeyInAHashMap() {
    Map<HostKey, String> hosts = new HashMap<>();
    hosts.put(HostKey.of("http://Example.com/a"), "first");

    assertThat(hosts.get(HostKey.of("http://example.com:80/b?q=1"))).isEqualTo("first");
    assertThat(HostKey.of("http://example.com/a")).isEqualTo(new HostKey("http", "example.com", 80))
        .hasSameHashCodeAs(new HostKey("http", "example.com", 80));
  }

  @Test
  void schemeHostAndPortEachMakeADifferentKey() {
    HostKey key = new HostKey("http", "example.com", 80);

    assertThat(key).isNotEqualTo(new HostKey("https", "example.com", 80))
        .isNotEqualTo(new HostKey("http", "example.org", 80))
        .isNotEqualTo(new HostKey("http", "example.com", 8080))
        .isNotEqualTo(null)
        .isNotEqualTo("http://example.com/");
    assertThat(HostKey.of("https://example.com/")).isNotEqualTo(HostKey.of("http://example.com/"));
  }

  @Test
  void printsAsTheHostsOrigin() {
    assertThat(HostKey.of("https://Example.com:8443/x")).hasToString("https://example.com:8443/");
    assertThat(HostKey.of("http://example.com/x").robotsUrl()).isEqualTo("http://example.com/robots.txt");
  }

  @Test
  void anIpv4AddressHoweverWrittenIsOneHostAndANumberThatIsNoAddressIsRefused() {
    HostKey key = new HostKey("http", "127.0.0.1", 80);
    for (String url : new String[] {"http://127.1/", "http://2130706433/x", "http://0177.0.0.1:80/", "http://0x7f.1/",
        "http://0X7F.1/", "http://127.0.0.1./", "http://%31%32%37.1/"}) {
      assertThat(HostKey.of(url)).as(url).isEqualTo(key);
    }
    assertThat(HostKey.of("http://127.1/").robotsUrl()).isEqualTo("http://127.0.0.1/robots.txt");
    assertThatThrownBy(() -> HostKey.of("http://256.1.1.1/")).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("host 256.1.1.1 ends in a number but is not a valid IPv4 address");
    assertThatThrownBy(() -> HostKey.of("https://A.1.2.3.4.5/")).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("host a.1.2.3.4.5 ends in a number but is not a valid IPv4 address");
  }
}
