package io.crawlpipe.crawler.fetch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class ProxyRoutesTest {
  private static ProxyRoutes env(String... pairs) {
    Map<String, String> variables = new java.util.HashMap<>();
    for (int i = 0; i < pairs.length; i += 2) variables.put(pairs[i], pairs[i + 1]);
    return ProxyRoutes.fromEnvironment(variables::get);
  }

  private static String via(ProxyRoutes routes, String scheme, String host, int port) {
    HttpProxy proxy = routes.forOrigin(new Origin(scheme.equals("https"), host, port));
    return proxy == null ? "direct" : proxy.toString();
  }

  @Test
  void eachSchemeTakesItsOwnVariableAndAllProxyFillsTheOtherIn() {
    ProxyRoutes routes = env("http_proxy", "plain.test:3128", "ALL_PROXY", "http://every.test:8080");
    assertThat(via(routes, "http", "example.com", 80)).isEqualTo("http://plain.test:3128");
    assertThat(via(routes, "https", "example.com", 443)).isEqualTo("http://every.test:8080");

    ProxyRoutes upper = env("HTTPS_PROXY", "http://secure.test:8443");
    assertThat(via(upper, "https", "example.com", 443)).isEqualTo("http://secure.test:8443");
    assertThat(via(upper, "http", "example.com", 80)).isEqualTo("direct");
  }

  @Test
  void upperCaseHttpProxyIsIgnoredAsCurlIgnoresIt() {
    assertThat(env("HTTP_PROXY", "http://cgi.test:3128").isDirect()).isTrue();
  }

  @Test
  void noVariablesOrEmptyOnesMeanDirect() {
    assertThat(env()).isEqualTo(ProxyRoutes.DIRECT);
    assertThat(env("https_proxy", " ", "no_proxy", "x.test").isDirect()).isTrue();
  }

  @Test
  void loopbackHostsGoDirectWhenTheEnvironmentChoseTheProxy() {
    ProxyRoutes routes = env("https_proxy", "http://p.test:1", "http_proxy", "http://p.test:1");
    for (String host : new String[] {"localhost", "app.localhost", "127.0.0.1", "127.1.2.3", "::1"}) {
      assertThat(via(routes, "http", host, 8080)).as(host).isEqualTo("direct");
    }
    assertThat(via(routes, "http", "128.0.0.1", 80)).isEqualTo("http://p.test:1");
    assertThat(via(ProxyRoutes.every(HttpProxy.parse("http://p.test:1")), "http", "127.0.0.1", 80))
        .as("--proxy sends loopback hosts to the proxy too").isEqualTo("http://p.test:1");
  }

  @Test
  void noProxyEntriesMatchHostsSubdomainsAddressesRangesAndPorts() {
    ProxyRoutes routes = env("https_proxy", "http://p.test:1",
        "NO_PROXY", "example.com, .corp.test *.shop.test,10.0.0.0/8 fd00::/8 192.168.1.7 api.test:8443 [fd12::1]:443");
    assertThat(via(routes, "https", "example.com", 443)).isEqualTo("direct");
    assertThat(via(routes, "https", "www.example.com", 443)).isEqualTo("direct");
    assertThat(via(routes, "https", "notexample.com", 443)).isEqualTo("http://p.test:1");
    assertThat(via(routes, "https", "corp.test", 443)).isEqualTo("direct");
    assertThat(via(routes, "https", "a.b.shop.test", 443)).isEqualTo("direct");
    assertThat(via(routes, "https", "10.20.30.40", 443)).isEqualTo("direct");
    assertThat(via(routes, "https", "11.0.0.1", 443)).isEqualTo("http://p.test:1");
    assertThat(via(routes, "https", "fd99::5", 443)).isEqualTo("direct");
    assertThat(via(routes, "https", "fe80::5", 443)).isEqualTo("http://p.test:1");
    assertThat(via(routes, "https", "192.168.1.7", 443)).isEqualTo("direct");
    assertThat(via(routes, "https", "api.test", 8443)).isEqualTo("direct");
    assertThat(via(routes, "https", "api.test", 443)).isEqualTo("http://p.test:1");
    assertThat(via(routes, "https", "fd12::1", 443)).isEqualTo("direct");
  }

  @Test
  void aStarBypassesEveryHost() {
    ProxyRoutes routes = env("https_proxy", "http://p.test:1", "no_proxy", "*");
    assertThat(via(routes, "https", "example.com", 443)).isEqualTo("direct");
  }

  @Test
  void aNameThatLooksLikeAnAddressIsNeverLookedUp() {
    assertThat(NoProxy.literal("999.1.1.1")).isNull();
    assertThat(NoProxy.parse("999.0.0.0/8").matches("999.1.1.1", 80)).isFalse();
  }

  @Test
  void anUnusableVariableIsRefusedNamingItWithoutItsValue() {
    assertThatThrownBy(() -> env("https_proxy", "socks5://user:hunter2@p.test:1080"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("https_proxy: ").hasMessageContaining("only http://").hasMessageNotContaining("hunter2");
    assertThatThrownBy(() -> env("all_proxy", "http://p.test:1/path"))
        .hasMessageStartingWith("all_proxy: ");
  }

  @Test
  void toStringLeavesCredentialsOut() {
    ProxyRoutes routes = env("https_proxy", "http://user:hunter2@p.test:1", "no_proxy", "a.test");
    assertThat(routes.toString()).contains("p.test").doesNotContain("hunter2").doesNotContain("user");
  }
}
