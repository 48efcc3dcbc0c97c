package io.crawlpipe.crawler.fetch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.ProxySelector;
import java.net.SocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.SocketEffect;
import okhttp3.ConnectionSpec;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Protocol;
import okhttp3.tls.HandshakeCertificates;
import okhttp3.tls.HeldCertificate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(30)
class SharedClientTest {
  private static final FetchSettings SETTINGS = new FetchSettings(Duration.ofSeconds(10), 1 << 20, 5, "crawlpipe-test/1");
  private final MockWebServer plain = new MockWebServer();
  private final MockWebServer secure = new MockWebServer();
  private final AtomicInteger tlsBuilds = new AtomicInteger();
  private SharedClient client;
  private HandshakeCertificates trusting;
  private HandshakeCertificates serving;

  @BeforeEach
  void start() throws Exception {
    HeldCertificate localhost = new HeldCertificate.Builder().addSubjectAlternativeName("localhost").build();
    serving = new HandshakeCertificates.Builder().heldCertificate(localhost).build();
    secure.useHttps(serving.sslSocketFactory());
    plain.start(InetAddress.getLoopbackAddress(), 0);
    secure.start(InetAddress.getLoopbackAddress(), 0);
    trusting = new HandshakeCertificates.Builder().addTrustedCertificate(localhost.certificate()).build();
    client = new SharedClient(SharedClient.cleartextBuilder(SETTINGS, 4).build(), builder -> {
      tlsBuilds.incrementAndGet();
      return builder.sslSocketFactory(trusting.sslSocketFactory(), trusting.trustManager());
    }, SETTINGS);
  }

  @AfterEach
  void stop() {
    plain.close();
    secure.close();
    client.shutdown();
  }

  private OkHttpFetcher fetcher() {
    return new OkHttpFetcher(client, SETTINGS, Clock.systemUTC());
  }

  @Test
  void httpsGoesThroughTheProxysTunnel() throws Exception {
    secure.enqueue(new MockResponse.Builder().body("tunnelled").build());
    try (TestProxy proxy = new TestProxy()) {
      FetchSettings viaProxy = SETTINGS.withProxy(HttpProxy.parse(proxy.url()));
      client.shutdown();
      client = new SharedClient(SharedClient.cleartextBuilder(viaProxy, 4).build(),
          builder -> builder.sslSocketFactory(trusting.sslSocketFactory(), trusting.trustManager()), viaProxy);
      FetchResult result = new OkHttpFetcher(client, viaProxy, Clock.systemUTC()).fetch(secure.url("/").toString());
      assertThat(new String(result.body(), StandardCharsets.UTF_8)).isEqualTo("tunnelled");
      assertThat(proxy.heads()).hasSize(1);
      assertThat(proxy.heads().get(0)).startsWith("CONNECT localhost:" + secure.getPort() + " HTTP/1.1\r\n");
    }
  }

  @Test
  void eachProxyGetsItsOwnCredentialsEvenAtTheSameAddress() throws Exception {
    secure.enqueue(new MockResponse.Builder().body("tunnelled").build());
    try (TestProxy proxy = new TestProxy()) {
      proxy.requireAuthorization("Basic Ym9iOnR3bw=="); // bob:two, the https proxy's
      HttpProxy forHttp = HttpProxy.parse(proxy.url().replace("http://", "http://alice:one@"));
      HttpProxy forHttps = HttpProxy.parse(proxy.url().replace("http://", "http://bob:two@"));
      FetchSettings viaProxy = SETTINGS.withProxies(new ProxyRoutes(forHttp, forHttps, NoProxy.NONE, false));
      client.shutdown();
      client = new SharedClient(SharedClient.cleartextBuilder(viaProxy, 4).build(),
          builder -> builder.sslSocketFactory(trusting.sslSocketFactory(), trusting.trustManager()), viaProxy);
      FetchResult result = new OkHttpFetcher(client, viaProxy, Clock.systemUTC()).fetch(secure.url("/").toString());
      assertThat(new String(result.body(), StandardCharsets.UTF_8)).isEqualTo("tunnelled");
      assertThat(proxy.heads().get(0)).startsWith("CONNECT ").contains("Proxy-Authorization: Basic Ym9iOnR3bw==");
    }
  }

  @Test
  void aTunnelsConnectCarriesTheRunsUserAgentWithOrWithoutCredentials() throws Exception {
    try (TestProxy proxy = new TestProxy()) {
      for (String url : List.of(proxy.url(), proxy.url().replace("http://", "http://bob:two@"))) {
        secure.enqueue(new MockResponse.Builder().body("tunnelled").build());
        FetchSettings viaProxy = SETTINGS.withProxy(HttpProxy.parse(url));
        client.shutdown();
        client = new SharedClient(SharedClient.cleartextBuilder(viaProxy, 4).build(),
            builder -> builder.sslSocketFactory(trusting.sslSocketFactory(), trusting.trustManager()), viaProxy);
        FetchResult result = new OkHttpFetcher(client, viaProxy, Clock.systemUTC()).fetch(secure.url("/").toString());
        assertThat(new String(result.body(), StandardCharsets.UTF_8)).isEqualTo("tunnelled");
      }
      assertThat(proxy.heads()).hasSize(2).allSatisfy(head -> assertThat(head).startsWith("CONNECT ")
          .contains("\r\nUser-Agent: crawlpipe-test/1\r\n").doesNotContain("okhttp"));
      assertThat(proxy.heads().get(0)).doesNotContain("Proxy-Authorization");
      assertThat(proxy.heads().get(1)).contains("\r\nProxy-Authorization: Basic Ym9iOnR3bw==\r\n");
    }
  }

  @Test
  void aTunnelThroughAProxyThatTheProxySelectorPicksCarriesTheRunsUserAgent() throws Exception {
    secure.enqueue(new MockResponse.Builder().body("tunnelled").build());
    try (TestProxy proxy = new TestProxy()) {
      Proxy selected = new Proxy(Proxy.Type.HTTP, InetSocketAddress.createUnresolved("127.0.0.1", URI.create(proxy.url()).getPort()));
      ProxySelector jvmProperties = new ProxySelector() { // as -Dhttps.proxyHost with no --proxy
        @Override
        public List<Proxy> select(URI uri) {
          return List.of(selected);
        }

        @Override
        public void connectFailed(URI uri, SocketAddress address, IOException e) {}
      };
      client.shutdown();
      client = new SharedClient(SharedClient.cleartextBuilder(SETTINGS, 4).proxySelector(jvmProperties).build(),
          builder -> builder.sslSocketFactory(trusting.sslSocketFactory(), trusting.trustManager()), SETTINGS);
      FetchResult result = fetcher().fetch(secure.url("/").toString());
      assertThat(new String(result.body(), StandardCharsets.UTF_8)).isEqualTo("tunnelled");
      assertThat(proxy.heads()).hasSize(1).allSatisfy(head -> assertThat(head).startsWith("CONNECT ")
          .contains("\r\nUser-Agent: crawlpipe-test/1\r\n").doesNotContain("okhttp").doesNotContain("Proxy-Authorization"));
    }
  }

  @Test
  void aSiteThatAnswers407NeverGetsTheProxysPassword() throws Exception {
    secure.enqueue(new MockResponse.Builder().code(407).setHeader("Proxy-Authenticate", "Basic realm=\"site\"")
        .addHeader("Proxy-Authenticate", "OkHttp-Preemptive").build()); // what OkHttp asks for a tunnel's request with
    secure.enqueue(new MockResponse.Builder().body("second try").build());
    try (TestProxy proxy = new TestProxy()) {
      proxy.requireAuthorization("Basic dXNlcjpwYXNz");
      FetchSettings viaProxy = SETTINGS.withProxy(HttpProxy.parse(proxy.url().replace("http://", "http://user:pass@")));
      client.shutdown();
      client = new SharedClient(SharedClient.cleartextBuilder(viaProxy, 4).build(),
          builder -> builder.sslSocketFactory(trusting.sslSocketFactory(), trusting.trustManager()), viaProxy);
      FetchResult result = new OkHttpFetcher(client, viaProxy, Clock.systemUTC()).fetch(secure.url("/").toString());
      assertThat(result.status()).as("the site's 407, returned as data").isEqualTo(407);
      assertThat(proxy.heads().get(0)).as("the tunnel had the credentials").contains("Proxy-Authorization: Basic dXNlcjpwYXNz");
      assertThat(secure.getRequestCount()).isEqualTo(1);
      assertThat(secure.takeRequest(5, TimeUnit.SECONDS).getHeaders().get("Proxy-Authorization")).isNull();
    }
  }

  @Test
  void aTimeoutLongerThanOkHttpsConnectTimeoutCanTakeStillFetches() throws Exception {
    plain.enqueue(new MockResponse.Builder().body("<title>patient</title>").build());
    FetchSettings patient = new FetchSettings(Duration.ofDays(366), 1 << 20, 5, "test", FetchClient.OKHTTP);
    try (PooledFetcher okhttp = patient.client().open(patient, 4, Clock.systemUTC())) {
      assertThat(okhttp.fetch(plain.url("/").toString()).status()).isEqualTo(200);
    }
  }

  @Test
  void httpUrlsNeverBuildTheTlsConfiguration() throws Exception {
    plain.enqueue(new MockResponse.Builder().body("<title>plain</title>").build());
    FetchResult result = fetcher().fetch(plain.url("/").toString());
    assertThat(result.status()).isEqualTo(200);
    assertThat(tlsBuilds).hasValue(0);
    assertThat(client.tlsBuilt()).isFalse();
  }

  @Test
  void httpsUrlIsFetchedOverTlsBuiltOnFirstUse() throws Exception {
    secure.enqueue(new MockResponse.Builder().body("<title>secure</title>").build());
    secure.enqueue(new MockResponse.Builder().body("again").build());
    FetchResult first = fetcher().fetch(secure.url("/a").toString());
    FetchResult second = fetcher().fetch(secure.url("/b").toString());
    assertThat(first.finalUrl()).startsWith("https://");
    assertThat(new String(first.body(), StandardCharsets.UTF_8)).isEqualTo("<title>secure</title>");
    assertThat(second.status()).isEqualTo(200);
    assertThat(tlsBuilds).hasValue(1);
    assertThat(secure.takeRequest(5, TimeUnit.SECONDS).getHandshake()).isNotNull();
  }

  @Test
  void redirectFromHttpToHttpsSwitchesConfigurationPerHop() throws Exception {
    plain.enqueue(new MockResponse.Builder().code(301).setHeader("Location", secure.url("/moved").toString()).build());
    secure.enqueue(new MockResponse.Builder().body("here").build());
    FetchResult result = fetcher().fetch(plain.url("/old").toString());
    assertThat(result.status()).isEqualTo(200);
    assertThat(result.finalUrl()).isEqualTo(secure.url("/moved").toString());
    assertThat(tlsBuilds).hasValue(1);
  }

  @Test
  void bothConfigurationsShareOnePoolAndDispatcher() {
    OkHttpClient http = client.forUrl(HttpUrl.get("http://example.test/"));
    OkHttpClient https = client.forUrl(HttpUrl.get("https://example.test/"));
    assertThat(https).isNotSameAs(http);
    assertThat(https.connectionPool()).isSameAs(http.connectionPool());
    assertThat(https.dispatcher()).isSameAs(http.dispatcher());
    assertThat(https.connectionSpecs()).contains(ConnectionSpec.MODERN_TLS);
    assertThat(http.connectionSpecs()).containsExactly(ConnectionSpec.CLEARTEXT);
  }

  @Test
  void aRequestSentAgainGetsAPoolOfItsOwnButTheSameTlsSetupDispatcherAndSettings() {
    HttpUrl url = HttpUrl.get("https://example.test/");
    OkHttpClient shared = client.forUrl(url);
    OkHttpClient fresh = client.forNewConnection(url);
    assertThat(fresh.connectionPool()).isNotSameAs(shared.connectionPool());
    assertThat(fresh.dispatcher()).isSameAs(shared.dispatcher());
    assertThat(fresh.sslSocketFactory()).isSameAs(shared.sslSocketFactory());
    assertThat(fresh.networkInterceptors()).isEqualTo(shared.networkInterceptors());
    assertThat(fresh.retryOnConnectionFailure()).isFalse();
    assertThat(client.forNewConnection(url).connectionPool()).as("one per resend").isNotSameAs(fresh.connectionPool());
    assertThat(tlsBuilds).hasValue(1);
  }

  @Test
  void aPooledHttp11TlsConnectionTheServerClosedIsReplacedByANewOne() throws Exception {
    try (MockWebServer http11 = new MockWebServer()) {
      http11.useHttps(serving.sslSocketFactory());
      http11.setProtocols(List.of(Protocol.HTTP_1_1)); // HTTP/2 would tell OkHttp of the close at once
      http11.start(InetAddress.getLoopbackAddress(), 0);
      http11.enqueue(new MockResponse.Builder().body("first").onResponseEnd(SocketEffect.ShutdownConnection.INSTANCE).build());
      http11.enqueue(new MockResponse.Builder().body("second").build());
      assertThat(new String(fetcher().fetch(http11.url("/1").toString()).body(), StandardCharsets.UTF_8)).isEqualTo("first");
      assertThat(new String(fetcher().fetch(http11.url("/2").toString()).body(), StandardCharsets.UTF_8)).isEqualTo("second");
      assertThat(http11.takeRequest(5, TimeUnit.SECONDS).getConnectionIndex()).isZero();
      assertThat(http11.takeRequest(5, TimeUnit.SECONDS).getConnectionIndex()).isEqualTo(1);
    }
  }

  @Test
  void concurrentFirstHttpsUsesBuildTheTlsConfigurationOnce() throws Exception {
    HttpUrl url = HttpUrl.get("https://example.test/");
    CountDownLatch go = new CountDownLatch(1);
    Set<OkHttpClient> seen = ConcurrentHashMap.newKeySet();
    try (ExecutorService threads = Executors.newFixedThreadPool(8)) {
      for (int i = 0; i < 8; i++) {
        threads.execute(() -> {
          try {
            go.await();
            seen.add(client.forUrl(url));
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
        });
      }
      go.countDown();
    }
    assertThat(seen).hasSize(1);
    assertThat(tlsBuilds).hasValue(1);
  }

  @Test
  void aCallStartedAfterCancelAllIsCancelledAtOnce() {
    client.cancelAll();
    okhttp3.Call late = client.forUrl(plain.url("/")).newCall(new okhttp3.Request.Builder().url(plain.url("/")).build());
    client.started(late);
    assertThat(late.isCanceled()).as("a resend racing the stop").isTrue();
    client.ended(late);
  }

  @Test
  void a408OverHttp2IsTheAnswerAndItsConnectionIsKeptForTheOtherStreams() throws Exception {
    secure.enqueue(new MockResponse.Builder().body("first").build());
    secure.enqueue(new MockResponse.Builder().code(408).body("timed out").build());
    secure.enqueue(new MockResponse.Builder().body("sent again").build());
    OkHttpFetcher fetcher = fetcher();
    assertThat(fetcher.fetch(secure.url("/1").toString()).status()).isEqualTo(200);
    FetchResult second = fetcher.fetch(secure.url("/2").toString());
    assertThat(secure.takeRequest().getRequestLine()).as("over HTTP/2").endsWith("HTTP/2");
    assertThat(second.status()).as("not sent again").isEqualTo(408);
    assertThat(secure.getRequestCount()).isEqualTo(2);
  }

  @Test
  void refusesACleartextClientThatSpeaksTls() {
    OkHttpClient withTls = new OkHttpClient.Builder().connectionSpecs(List.of(ConnectionSpec.MODERN_TLS)).build();
    assertThatThrownBy(() -> new SharedClient(withTls, b -> b, SETTINGS))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("TLS");
  }
}
