package io.crawlpipe.crawler.fetch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.crawlpipe.store.ErrorType;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import mockwebserver3.MockResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * What every {@link Fetcher} does with an HTTP proxy, whichever client it runs on: absolute-form
 * requests, the proxy's credentials, the environment's proxies and their bypass list, tunnels, and
 * a site's own {@code 407}. Run against each client by its subclasses, as {@link FetcherContract} is.
 */
@Timeout(30)
abstract class ProxyContract extends FetcherFixture {
  @Test
  void sendsHttpUrlsToTheProxyInAbsoluteForm() throws Exception {
    try (TestProxy proxy = new TestProxy()) {
      Fetcher fetcher = fetcher(settings(Duration.ofSeconds(10), 1 << 20, 5).withProxy(HttpProxy.parse(proxy.url())));
      FetchResult result = fetcher.fetch("http://site.test:8080/a/b?c=1");
      assertThat(new String(result.body(), StandardCharsets.UTF_8))
          .isEqualTo("via proxy: GET http://site.test:8080/a/b?c=1 HTTP/1.1");
      assertThat(result.finalUrl()).isEqualTo("http://site.test:8080/a/b?c=1");
    }
  }

  @Test
  void givesTheProxyItsCredentials() throws Exception {
    try (TestProxy proxy = new TestProxy()) {
      proxy.requireAuthorization("Basic dXNlcjpwYXNz"); // user:pass
      HttpProxy withCredentials = HttpProxy.parse(proxy.url().replace("http://", "http://user:pass@"));
      Fetcher fetcher = fetcher(settings(Duration.ofSeconds(10), 1 << 20, 5).withProxy(withCredentials));
      FetchResult result = fetcher.fetch("http://site.test/x");
      assertThat(result.status()).isEqualTo(200);
      assertThat(new String(result.body(), StandardCharsets.UTF_8)).isEqualTo("via proxy: GET http://site.test/x HTTP/1.1");
    }
  }

  @Test
  void theEnvironmentsHttpProxyCarriesHttpUrlsButLoopbackHostsGoDirect() throws Exception {
    server.enqueue(new MockResponse.Builder().setHeader("Content-Type", "text/plain").body("direct").build());
    try (TestProxy proxy = new TestProxy()) {
      ProxyRoutes routes = ProxyRoutes.fromEnvironment(Map.of("http_proxy", proxy.url())::get);
      Fetcher fetcher = fetcher(settings(Duration.ofSeconds(10), 1 << 20, 5).withProxies(routes));

      assertThat(new String(fetcher.fetch("http://site.test/x").body(), StandardCharsets.UTF_8))
          .isEqualTo("via proxy: GET http://site.test/x HTTP/1.1");
      assertThat(new String(fetcher.fetch(url("/loopback")).body(), StandardCharsets.UTF_8)).isEqualTo("direct");
      assertThat(proxy.heads()).hasSize(1);
    }
  }

  @Test
  void aHostAndPortOnTheBypassListGoDirectOtherPortsThroughTheProxy() throws Exception {
    server.enqueue(new MockResponse.Builder().setHeader("Content-Type", "text/plain").body("direct").build());
    try (TestProxy proxy = new TestProxy()) {
      HttpProxy via = HttpProxy.parse(proxy.url());
      String host = server.getHostName(); // loopback, which only the environment's proxies skip on their own
      ProxyRoutes routes = new ProxyRoutes(via, via, NoProxy.parse("other.test, " + host + ":" + server.getPort()), false);
      Fetcher fetcher = fetcher(settings(Duration.ofSeconds(10), 1 << 20, 5).withProxies(routes));

      assertThat(new String(fetcher.fetch(url("/a")).body(), StandardCharsets.UTF_8)).isEqualTo("direct");
      assertThat(new String(fetcher.fetch("http://" + host + ":1/b").body(), StandardCharsets.UTF_8))
          .isEqualTo("via proxy: GET http://" + host + ":1/b HTTP/1.1");
      assertThat(proxy.heads()).hasSize(1);
    }
  }

  @Test
  void aHostJavaCannotParseStillGoesThroughTheProxy() throws Exception {
    try (TestProxy proxy = new TestProxy()) {
      Fetcher fetcher = fetcher(settings(Duration.ofSeconds(10), 1 << 20, 5).withProxy(HttpProxy.parse(proxy.url())));
      assertThat(new String(fetcher.fetch("http://a_b.test/x").body(), StandardCharsets.UTF_8))
          .isEqualTo("via proxy: GET http://a_b.test/x HTTP/1.1");
    }
  }

  @Test
  void aUrlsUserInfoAndFragmentNeverReachTheProxy() throws Exception {
    try (TestProxy proxy = new TestProxy()) {
      proxy.refuseTunnels(502);
      Fetcher fetcher = fetcher(settings(Duration.ofSeconds(10), 1 << 20, 5).withProxy(HttpProxy.parse(proxy.url())));
      assertThat(new String(fetcher.fetch("http://alice:s3cret@site.test/cred").body(), StandardCharsets.UTF_8))
          .isEqualTo("via proxy: GET http://site.test/cred HTTP/1.1");
      assertThat(new String(fetcher.fetch("http://bob@bücher.test:8080/x?y#z").body(), StandardCharsets.UTF_8))
          .isEqualTo("via proxy: GET http://xn--bcher-kva.test:8080/x?y HTTP/1.1");
      assertThatThrownBy(() -> fetcher.fetch("https://alice:s3cret@site.test:8443/t#z")).isInstanceOf(FetchException.class);

      assertThat(proxy.heads().get(0)).contains("\r\nHost: site.test\r\n");
      assertThat(proxy.heads().get(1)).contains("\r\nHost: xn--bcher-kva.test:8080\r\n");
      assertThat(proxy.heads().get(2)).startsWith("CONNECT site.test:8443 HTTP/1.1\r\n");
      assertThat(proxy.heads()).allSatisfy(head -> assertThat(head).doesNotContain("alice", "s3cret", "bob", "#")
          .doesNotContainIgnoringCase("authorization"));
    }
  }

  @Test
  void aTunnelTheProxyRefusesIsAConnectError() throws Exception {
    try (TestProxy proxy = new TestProxy()) {
      proxy.refuseTunnels(502);
      Fetcher fetcher = fetcher(settings(Duration.ofSeconds(10), 1 << 20, 5).withProxy(HttpProxy.parse(proxy.url())));
      FetchException failure = catchThrowableOfType(FetchException.class, () -> fetcher.fetch("https://site.test/x"));
      assertThat(failure.type()).isEqualTo(ErrorType.CONNECT);
    }
  }

  @Test
  void aSitesOwn407IsAStatusSentOnceNotAnErrorEvenBesideAProxy() throws Exception {
    MockResponse challenge = new MockResponse.Builder().code(407).setHeader("Proxy-Authenticate", "Basic realm=\"site\"")
        .setHeader("Content-Type", "text/plain").body("who are you?").build();
    server.enqueue(challenge);
    server.enqueue(challenge);
    try (TestProxy proxy = new TestProxy()) {
      ProxyRoutes loopbackDirect = ProxyRoutes.fromEnvironment(Map.of("http_proxy", proxy.url())::get);
      for (FetchSettings settings : List.of(settings(Duration.ofSeconds(10), 1 << 20, 5),
          settings(Duration.ofSeconds(10), 1 << 20, 5).withProxies(loopbackDirect))) {
        FetchResult result = fetcher(settings).fetch(url("/private"));
        assertThat(result.status()).isEqualTo(407);
        assertThat(new String(result.body(), StandardCharsets.UTF_8)).isEqualTo("who are you?");
        assertThat(result.contentType()).isEqualTo("text/plain");
        assertThat(result.attempts()).isEqualTo(1);
      }
      assertThat(server.getRequestCount()).isEqualTo(2);
      assertThat(proxy.heads()).isEmpty();
    }
  }
}
