package io.crawlpipe.crawler.fetch;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Properties;
import org.junit.jupiter.api.Test;

class ProxyPropertiesTest {

  @Test
  void noProxyPropertiesGiveNoHostsAndNoOptions() {
    Properties properties = new Properties();
    properties.setProperty("java.version", "25");
    properties.setProperty("http.proxyHost", " ");
    assertThat(ProxyProperties.hostsSet(properties)).isEmpty();
    assertThat(ProxyProperties.asOptions(new Properties())).isEmpty();
  }

  @Test
  void setProxyPropertiesAreNamedAndPassedOnAsOptions() {
    Properties properties = new Properties();
    properties.setProperty("https.proxyHost", "proxy.internal");
    properties.setProperty("https.proxyPort", "3128");
    properties.setProperty("http.nonProxyHosts", "localhost|*.internal");
    properties.setProperty("user.home", "/root");
    assertThat(ProxyProperties.hostsSet(properties)).containsExactly("https.proxyHost");
    assertThat(ProxyProperties.asOptions(properties)).containsExactly(
        "-Dhttps.proxyHost=proxy.internal", "-Dhttps.proxyPort=3128", "-Dhttp.nonProxyHosts=localhost|*.internal");
  }
}
