package io.crawlpipe.crawler.fetch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.crawlpipe.store.ErrorType;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import mockwebserver3.MockResponse;
import okhttp3.tls.HandshakeCertificates;
import org.junit.jupiter.api.Test;

/** How only {@link Http1Fetcher} sets up TLS and talks to a proxy: tunnels, the proxy named in its errors, TLS never for http. */
class Http1FetcherTlsAndProxyTest extends Http1FetcherFixture {
  @Test
  void fetchesOverTlsCheckingTheCertificateAgainstTheHost() throws Exception {
    Tls tls = Tls.forHost(server.url("/").host());
    HandshakeCertificates serverCerts = tls.server();
    HandshakeCertificates trusting = tls.client();
    server.useHttps(serverCerts.sslSocketFactory());
    server.enqueue(new MockResponse.Builder().body("secret").build());
    own = new Http1Fetcher(settings(Duration.ofSeconds(5), 1 << 20, 5), 4, CLOCK, trusting::sslSocketFactory,
        Http1Connector.Resolver.SYSTEM);
    FetchResult result = own.fetch(url("/s"));
    assertThat(result.finalUrl()).isEqualTo(url("/s")).startsWith("https://");
    assertThat(text(result)).isEqualTo("secret");
  }

  @Test
  void tunnelsHttpsThroughTheProxyAndChecksTheOriginsCertificate() throws Exception {
    String host = server.url("/").host();
    Tls tls = Tls.forHost(host);
    server.useHttps(tls.server().sslSocketFactory());
    server.enqueue(new MockResponse.Builder().body("secret").build());
    server.enqueue(new MockResponse.Builder().body("again").build());
    try (TestProxy proxy = new TestProxy()) {
      own = new Http1Fetcher(settings(Duration.ofSeconds(5), 1 << 20, 5).withProxy(HttpProxy.parse(proxy.url())), 4, CLOCK,
          tls.client()::sslSocketFactory, name -> {
            if (!name.equals("127.0.0.1")) throw new UnknownHostException("looked up " + name + ", not the proxy's job");
            return Http1Connector.Resolver.SYSTEM.resolve(name);
          });
      assertThat(text(own.fetch(url("/s")))).isEqualTo("secret");
      assertThat(text(own.fetch(url("/t")))).isEqualTo("again");
      assertThat(proxy.heads()).as("one tunnel, reused").hasSize(1);
      assertThat(proxy.heads().get(0)).startsWith("CONNECT " + host + ":" + server.getPort() + " HTTP/1.1\r\n");
    }
  }

  @Test
  void aTunnelTheProxyRefusesIsAConnectErrorNamingTheProxy() throws Exception {
    try (TestProxy proxy = new TestProxy()) {
      proxy.refuseTunnels(403);
      own = new Http1Fetcher(settings(Duration.ofSeconds(5), 1 << 20, 5).withProxy(HttpProxy.parse(proxy.url())), 4, CLOCK);
      FetchException failure = catchThrowableOfType(FetchException.class, () -> own.fetch("https://site.test/x"));
      assertThat(failure.type()).isEqualTo(ErrorType.CONNECT);
      assertThat(failure).hasMessageContaining("proxy " + proxy.url()).hasMessageContaining("answered 403 to CONNECT site.test:443");
    }
  }

  @Test
  void aRefusedTunnelIsNotAskedForAgainOnTheProxysOtherAddresses() throws Exception {
    try (TestProxy proxy = new TestProxy()) {
      proxy.refuseTunnels(407);
      InetAddress loopback = InetAddress.getLoopbackAddress();
      own = withoutTls(settings(Duration.ofSeconds(5), 1 << 20, 5).withProxy(HttpProxy.parse(proxy.url())),
          name -> new InetAddress[] {loopback, loopback});
      FetchException failure = catchThrowableOfType(FetchException.class, () -> own.fetch("https://site.test/x"));
      assertThat(failure.type()).isEqualTo(ErrorType.CONNECT);
      assertThat(proxy.heads()).hasSize(1);
    }
  }

  @Test
  void aProxyThatRefusesTheConnectionIsNamedInTheError() throws Exception {
    int closedPort;
    try (ServerSocket unused = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      closedPort = unused.getLocalPort();
    }
    own = new Http1Fetcher(settings(Duration.ofSeconds(5), 1 << 20, 5)
        .withProxy(HttpProxy.parse("http://user:pass@127.0.0.1:" + closedPort)), 4, CLOCK);
    FetchException failure = catchThrowableOfType(FetchException.class, () -> own.fetch("http://site.test/x"));
    assertThat(failure.type()).isEqualTo(ErrorType.CONNECT);
    assertThat(failure).hasMessageStartingWith("proxy http://127.0.0.1:" + closedPort + ": ")
        .message().doesNotContain("user").doesNotContain("pass");
  }

  @Test
  void aProxyWhoseNameCannotBeLookedUpIsNamedInTheError() {
    own = withoutTls(settings(Duration.ofSeconds(5), 1 << 20, 5)
        .withProxy(HttpProxy.parse("http://user:pass@proxy.invalid:3128")), name -> {
          throw new UnknownHostException(name + ": Name or service not known");
        });
    for (String url : new String[] {"http://site.test/x", "https://site.test/x"}) {
      FetchException failure = catchThrowableOfType(FetchException.class, () -> own.fetch(url));
      assertThat(failure.type()).as(url).isEqualTo(ErrorType.DNS);
      assertThat(failure).as(url).hasMessage("proxy http://proxy.invalid:3128: proxy.invalid: Name or service not known");
    }
  }

  @Test
  void aProxyThatSendsDataAfterAgreeingToATunnelIsRefused() throws Exception {
    try (TestProxy proxy = new TestProxy()) {
      proxy.sendAfterTunnel("HTTP/1.1 200 OK\r\n\r\n");
      own = new Http1Fetcher(settings(Duration.ofSeconds(5), 1 << 20, 5).withProxy(HttpProxy.parse(proxy.url())), 4, CLOCK);
      server.enqueue(new MockResponse.Builder().body("never").build());
      FetchException failure = catchThrowableOfType(FetchException.class,
          () -> own.fetch("https://127.0.0.1:" + server.getPort() + "/"));
      assertThat(failure.type()).isEqualTo(ErrorType.CONNECT);
      assertThat(failure).hasMessageContaining("sent data after agreeing to CONNECT 127.0.0.1:" + server.getPort());
    }
  }

  @Test
  void httpUrlsNeverSetUpTls() throws Exception {
    AtomicInteger asked = new AtomicInteger();
    own = new Http1Fetcher(settings(Duration.ofSeconds(5), 1 << 20, 5), 4, CLOCK, () -> {
      asked.incrementAndGet();
      throw new IllegalStateException("TLS asked for");
    }, Http1Connector.Resolver.SYSTEM);
    server.enqueue(new MockResponse.Builder().body("plain").build());
    assertThat(text(own.fetch(url("/")))).isEqualTo("plain");
    assertThat(asked).hasValue(0);
  }

  @Test
  void certificateForAnotherHostIsATlsError() throws Exception {
    Tls tls = Tls.forHost("example.org");
    HandshakeCertificates serverCerts = tls.server();
    HandshakeCertificates trusting = tls.client();
    server.useHttps(serverCerts.sslSocketFactory());
    own = new Http1Fetcher(settings(Duration.ofSeconds(5), 1 << 20, 5), 4, CLOCK, trusting::sslSocketFactory,
        Http1Connector.Resolver.SYSTEM);
    FetchException e = catchThrowableOfType(FetchException.class, () -> own.fetch(url("/s")));
    assertThat(e.type()).isEqualTo(ErrorType.TLS);
  }
}
