package io.crawlpipe.crawler.fetch;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.ProxySelector;
import java.net.ServerSocket;
import java.net.SocketAddress;
import java.net.URI;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import mockwebserver3.SocketEffect;
import org.junit.jupiter.api.Test;

/**
 * {@link FetcherContract} on crawlpipe's own HTTP/1.1 client, and how that client alone writes a
 * request and keeps its connections. The rest of what only it does is in the other {@code
 * Http1Fetcher*Test} classes (see {@link Http1FetcherFixture}).
 */
class Http1FetcherTest extends FetcherContract {
  @Override
  ClientUnderTest client() {
    return ClientUnderTest.HTTP1;
  }

  private static String text(FetchResult result) {
    return new String(result.body(), UTF_8);
  }

  @Test
  void sendsHostPathAndQueryButNotTheFragment() throws Exception {
    server.enqueue(new MockResponse.Builder().body("ok").build());
    fetcher().fetch(url("/a/b?x=1&y=%20#frag"));
    RecordedRequest request = server.takeRequest(5, TimeUnit.SECONDS);
    assertThat(request.getTarget()).isEqualTo("/a/b?x=1&y=%20");
    assertThat(request.getHeaders().get("Host")).isEqualTo(server.url("/").host() + ":" + server.getPort());
    assertThat(request.getHeaders().get("Accept-Encoding")).isEqualTo("gzip");
  }

  @Test
  void connectsDirectlyWhateverTheJvmsProxySelectorSays() throws Exception {
    server.enqueue(new MockResponse.Builder().body("direct").build());
    ProxySelector previous = ProxySelector.getDefault();
    AtomicInteger asked = new AtomicInteger();
    int closedPort;
    try (ServerSocket unused = new ServerSocket(0)) {
      closedPort = unused.getLocalPort();
    }
    Proxy socks = new Proxy(Proxy.Type.SOCKS, new InetSocketAddress("127.0.0.1", closedPort));
    ProxySelector.setDefault(new ProxySelector() {
      @Override
      public List<Proxy> select(URI uri) {
        asked.incrementAndGet();
        return List.of(socks);
      }

      @Override
      public void connectFailed(URI uri, SocketAddress address, IOException e) {}
    });
    try {
      assertThat(text(fetcher().fetch(url("/")))).isEqualTo("direct");
    } finally {
      ProxySelector.setDefault(previous);
    }
    assertThat(asked).hasValue(0);
  }

  @Test
  void reusesOneConnectionForRequestsToTheSameOrigin() throws Exception {
    for (int i = 0; i < 3; i++) server.enqueue(new MockResponse.Builder().body("page " + i).build());
    Fetcher fetcher = fetcher();
    for (int i = 0; i < 3; i++) assertThat(text(fetcher.fetch(url("/" + i)))).isEqualTo("page " + i);
    for (int i = 0; i < 3; i++) assertThat(server.takeRequest(5, TimeUnit.SECONDS).getConnectionIndex()).isZero();
  }

  @Test
  void aPooledConnectionTheServerClosedIsReplacedAndTheFetchSucceeds() throws Exception {
    server.enqueue(new MockResponse.Builder().body("first").onResponseEnd(SocketEffect.ShutdownConnection.INSTANCE).build());
    server.enqueue(new MockResponse.Builder().body("second").build());
    Fetcher fetcher = fetcher();
    assertThat(text(fetcher.fetch(url("/1")))).isEqualTo("first");
    assertThat(text(fetcher.fetch(url("/2")))).isEqualTo("second");
    assertThat(server.takeRequest(5, TimeUnit.SECONDS).getConnectionIndex()).isZero();
    assertThat(server.takeRequest(5, TimeUnit.SECONDS).getConnectionIndex()).isEqualTo(1);
  }
}
