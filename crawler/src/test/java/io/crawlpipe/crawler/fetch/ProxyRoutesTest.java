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
  void aLoopbackAddressWrittenAsANumberGoesDirectAndNoProxyAddressesMatchHoweverWritten() throws FetchException {
    ProxyRoutes routes = env("http_proxy", "http://p.test:1", "no_proxy", "10.1, 0xc0.0250.1.7/32");
    UrlParser urls = new UrlParser(4);
    for (String url : new String[] {"http://127.1:8080/", "http://2130706433/", "http://0177.0.0.1/", "http://0x7f.1/"}) {
      assertThat(routes.forOrigin(urls.target(url).origin())).as(url).isNull();
    }
    assertThat(via(routes, "http", "10.0.0.1", 80)).isEqualTo("direct");
    assertThat(via(routes, "http", "192.168.1.7", 80)).isEqualTo("direct");
    assertThat(NoProxy.parse("127.0.0.1").matches("127.1", 80)).isTrue();
    assertThat(via(routes, "http", "10.0.0.2", 80)).isEqualTo("http://p.test:1");
  }

  @Test
  void noProxyEntriesMatchHostsSubdomainsAddressesRangesAndPorts() {
    ProxyRoutes routes = env("https_proxy", "http://p.test:1",
        "NO_PROXY", "example.com, .corp.test *.shop.test,10.0.0.0/8 fd00::/8 192.168.1.7 api.test:8443");
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
  }

  @Test
  void anIpv6EntryInBracketsTakesAPortAndAddressesMatchHoweverWritten() {
    ProxyRoutes routes = env("https_proxy", "http://p.test:1", "no_proxy", "[fd12::1]:443 fd34:0:0::7 [fd56::9]");
    assertThat(via(routes, "https", "fd12::1", 443)).isEqualTo("direct");
    assertThat(via(routes, "https", "fd12::1", 8443)).isEqualTo("http://p.test:1");
    assertThat(via(routes, "https", "fd34::7", 443)).isEqualTo("direct");
    assertThat(via(routes, "https", "fd56::9", 8443)).isEqualTo("direct");
    assertThat(NoProxy.parse("[::1]:8080").matches("::1", 8080)).isTrue();
  }

  @Test
  void trailingDotsAreIgnoredOnBothSides() {
    ProxyRoutes routes = env("https_proxy", "http://p.test:1", "no_proxy", "example.com, corp.test.");
    assertThat(via(routes, "https", "www.example.com.", 443)).isEqualTo("direct");
    assertThat(via(routes, "https", "www.corp.test", 443)).isEqualTo("direct");
    assertThat(via(routes, "https", "localhost.", 443)).as("loopback").isEqualTo("direct");
  }

  @Test
  void aStarBypassesEveryHostWithoutReadingTheProxyVariables() {
    ProxyRoutes routes = env("https_proxy", "http://p.test:1", "no_proxy", "*");
    assertThat(via(routes, "https", "example.com", 443)).isEqualTo("direct");
    assertThat(env("HTTPS_PROXY", "socks5://p.test:1080", "NO_PROXY", "*")).isEqualTo(ProxyRoutes.DIRECT);
  }

  @Test
  void allProxyIsReadOnlyWhenASchemeHasNoProxyOfItsOwn() {
    ProxyRoutes routes = env("http_proxy", "http://127.0.0.1:7890", "https_proxy", "http://127.0.0.1:7890",
        "all_proxy", "socks5://127.0.0.1:7890");
    assertThat(via(routes, "https", "example.com", 443)).isEqualTo("http://127.0.0.1:7890");
    assertThatThrownBy(() -> env("http_proxy", "http://127.0.0.1:7890", "all_proxy", "socks5://127.0.0.1:7890"))
        .hasMessageStartingWith("all_proxy: ");
  }

  @Test
  void anEmptyLowerCaseNoProxyLeavesTheUpperCaseOne() {
    ProxyRoutes routes = env("https_proxy", "http://p.test:1", "no_proxy", "", "NO_PROXY", "intranet.test");
    assertThat(via(routes, "https", "intranet.test", 443)).isEqualTo("direct");
  }

  @Test
  void aNameThatLooksLikeAnAddressIsNotTakenForOne() {
    // literal() hands the JDK only texts already known to be addresses, which it parses without a lookup
    assertThat(NoProxy.literal("999.1.1.1")).isNull();
    assertThat(NoProxy.literal(".fd00::")).isNull();
    assertThat(NoProxy.literal("fd00::")).hasSize(16);
    assertThat(NoProxy.parse("999.0.0.0/8 .fd00::/8").matches("999.1.1.1", 80)).isFalse();
    assertThat(NoProxy.parse(".fd00::/8").matches("fd00::1", 80)).isFalse();
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
