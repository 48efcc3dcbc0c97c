package io.crawlpipe.crawler.polite;

import static org.assertj.core.api.Assertions.assertThat;

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
}
