package io.crawlpipe.crawler.fetch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.crawlpipe.store.ErrorType;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * What every {@link Fetcher} does with redirects, whichever client it runs on: the chain followed
 * to its final URL, the limit, {@code withoutRedirects}, the Location read (user info, raw UTF-8,
 * leading controls, length) and a redirect's body not waited for. Run against each client by its
 * subclasses, as {@link FetcherContract} is.
 */
@Timeout(30)
abstract class RedirectContract extends FetcherFixture {
  @Test
  void followsRedirectChainAndRecordsFinalUrl() throws Exception {
    server.enqueue(new MockResponse.Builder().code(301).setHeader("Location", "/b").build());
    server.enqueue(new MockResponse.Builder().code(302).setHeader("Location", url("/c")).build());
    server.enqueue(new MockResponse.Builder().body("<title>C</title>").build());
    FetchResult result = fetcher().fetch(url("/a"));
    assertThat(result.url()).isEqualTo(url("/a"));
    assertThat(result.finalUrl()).isEqualTo(url("/c"));
    assertThat(result.status()).isEqualTo(200);
    assertThat(server.getRequestCount()).isEqualTo(3);
  }

  @Test
  void aRedirectsUserInfoIsNeitherSentNorKeptInTheFinalUrlButItsFragmentIs() throws Exception {
    server.enqueue(new MockResponse.Builder().code(302)
        .setHeader("Location", url("/b").replace("http://", "http://bob:hunter2@") + "#part").build());
    server.enqueue(new MockResponse.Builder().body("landed").build());
    FetchResult result = fetcher().fetch(url("/a"));
    assertThat(result.finalUrl()).isEqualTo(url("/b") + "#part");
    server.takeRequest(5, TimeUnit.SECONDS);
    RecordedRequest hop = server.takeRequest(5, TimeUnit.SECONDS);
    assertThat(hop.getTarget()).isEqualTo("/b");
    assertThat(hop.getHeaders().get("Host")).isEqualTo(host() + ":" + server.getPort());
    assertThat(hop.getHeaders().get("Authorization")).isNull();
  }

  @Test
  void aListLinesFragmentIsPercentEncodedInTheFinalUrlAsARedirectsIs() throws Exception {
    server.enqueue(new MockResponse.Builder().body("one").build());
    server.enqueue(new MockResponse.Builder().body("two").build());
    assertThat(fetcher().fetch(url("/é#é")).finalUrl()).isEqualTo(url("/%C3%A9#%C3%A9"));
    assertThat(fetcher().fetch(url("/x#a\"b<c>`d e%20")).finalUrl()).isEqualTo(url("/x#a%22b%3Cc%3E%60d%20e%20"));
    assertThat(server.takeRequest(5, TimeUnit.SECONDS).getTarget()).isEqualTo("/%C3%A9");
  }

  @Test
  void aFailureAtAHopWhoseLocationHasUserInfoNamesTheHopWithoutIt() throws Exception {
    server.enqueue(new MockResponse.Builder().code(302).setHeader("Location", "http://bob:hunter2@127.0.0.1:1/x").build());
    FetchException e = catchThrowableOfType(FetchException.class, () -> fetcher().fetch(url("/a")));
    assertThat(e.type()).isEqualTo(ErrorType.CONNECT);
    assertThat(e.getMessage()).startsWith("redirected to http://127.0.0.1:1/x: ").doesNotContain("bob", "hunter2");
  }

  @Test
  void aRedirectToARawUtf8PathIsFollowedAsUtf8() throws Exception {
    try (RawHttpServer site = new RawHttpServer()) {
      site.enqueueUtf8("HTTP/1.1 302 Found\r\nLocation: /ok/café\r\nContent-Length: 0\r\n\r\n");
      site.enqueue("HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: 2\r\n\r\nok");
      FetchResult result = fetcher().fetch(site.url("/start"));
      assertThat(result.finalUrl()).isEqualTo(site.url("/ok/caf%C3%A9"));
      assertThat(site.requests().get(1)).startsWith("GET /ok/caf%C3%A9 HTTP/1.1\r\n");
    }
  }

  @Test
  void aRedirectToARawUtf8HostIsFollowedToItsPunycodeName() throws Exception {
    try (RawHttpServer site = new RawHttpServer(); TestProxy proxy = new TestProxy()) {
      site.enqueueUtf8("HTTP/1.1 302 Found\r\nLocation: http://bücher.test/x\r\nContent-Length: 0\r\n\r\n");
      ProxyRoutes routes = ProxyRoutes.fromEnvironment(Map.of("http_proxy", proxy.url())::get); // 127.0.0.1 goes direct
      FetchResult result = fetcher(settings(Duration.ofSeconds(10), 1 << 20, 5).withProxies(routes)).fetch(site.url("/start"));
      assertThat(result.finalUrl()).isEqualTo("http://xn--bcher-kva.test/x");
      assertThat(new String(result.body(), StandardCharsets.UTF_8))
          .isEqualTo("via proxy: GET http://xn--bcher-kva.test/x HTTP/1.1");
    }
  }

  @Test
  void redirectWhoseBodyStallsIsFollowedAtOnce() throws Exception {
    try (RawHttpServer site = new RawHttpServer()) {
      site.enqueue("HTTP/1.1 302 Found\r\nLocation: /target\r\nContent-Length: 1000\r\n\r\nx"); // then nothing more
      site.enqueue("HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: 2\r\n\r\nok");
      FetchResult result = fetcher(settings(Duration.ofSeconds(20), 1 << 20, 5)).fetch(site.url("/start"));
      assertThat(new String(result.body(), StandardCharsets.UTF_8)).isEqualTo("ok");
      assertThat(result.finalUrl()).isEqualTo(site.url("/target"));
      assertThat(result.elapsedMs()).as("not held until the deadline").isLessThan(10_000);
    }
  }

  @Test
  void redirectWhoseBodyIsCutShortIsFollowed() throws Exception {
    try (RawHttpServer site = new RawHttpServer()) {
      site.enqueueThenClose("HTTP/1.1 302 Found\r\nLocation: /target\r\nContent-Length: 100\r\n\r\nx");
      site.enqueue("HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: 2\r\n\r\nok");
      FetchResult result = fetcher().fetch(site.url("/start"));
      assertThat(new String(result.body(), StandardCharsets.UTF_8)).isEqualTo("ok");
      assertThat(result.finalUrl()).isEqualTo(site.url("/target"));
      assertThat(site.connectionCount()).isEqualTo(2);
    }
  }

  @Test
  void theRedirectPastTheLimitIsTheResponseWithItsLocationAndNoBody() throws Exception {
    for (int i = 0; i < 3; i++) {
      server.enqueue(new MockResponse.Builder().code(302).setHeader("Location", "/r" + i)
          .setHeader("Content-Type", "text/html").body("<title>moved</title>").build());
    }
    FetchResult result = fetcher(settings(Duration.ofSeconds(5), 1 << 20, 2)).fetch(url("/start"));
    assertThat(result.status()).isEqualTo(302);
    assertThat(result.url()).isEqualTo(url("/start"));
    assertThat(result.finalUrl()).isEqualTo(url("/r1"));
    assertThat(result.headers()).containsEntry("location", "/r2");
    assertThat(result.body()).isEmpty();
    assertThat(server.getRequestCount()).isEqualTo(3);
  }

  @Test
  void withoutRedirectsTheFirstRedirectIsTheResponse() throws Exception {
    server.setDispatcher(new Dispatcher() {
      @Override
      public MockResponse dispatch(RecordedRequest request) {
        return new MockResponse.Builder().code(301).setHeader("Location", "/loop").build();
      }
    });
    FetchResult result = fetcher(settings(Duration.ofSeconds(5), 1 << 20, 5).withoutRedirects()).fetch(url("/loop"));
    assertThat(result.status()).isEqualTo(301);
    assertThat(Redirects.target(result.url(), result)).isEqualTo(url("/loop"));
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void withoutRedirectsARedirectToAnUnusableLocationIsTheResponseNotAFailure() throws Exception {
    server.enqueue(new MockResponse.Builder().code(302).setHeader("Location", "ftp://files.test/x").build());
    FetchResult result = fetcher(settings(Duration.ofSeconds(5), 1 << 20, 5).withoutRedirects()).fetch(url("/x"));
    assertThat(result.status()).isEqualTo(302);
    assertThat(result.headers()).containsEntry("location", "ftp://files.test/x");
  }

  @Test
  void aLocationLongerThan64KibIsAnUnusableRedirectNotAResponseWithoutOne() throws Exception {
    String tooLong = "/long?" + "a".repeat(200_000);
    server.enqueue(new MockResponse.Builder().code(302).setHeader("Location", tooLong).build());
    assertThatThrownBy(() -> fetcher().fetch(url("/x")))
        .isInstanceOfSatisfying(FetchException.class, e -> assertThat(e.type()).isEqualTo(ErrorType.IO))
        .hasMessage("redirect to an unusable location (longer than 65536 characters)");

    server.enqueue(new MockResponse.Builder().code(302).setHeader("Location", tooLong).build());
    FetchResult handedBack = fetcher(settings(Duration.ofSeconds(5), 1 << 20, 5).withoutRedirects()).fetch(url("/x"));
    assertThat(handedBack.status()).isEqualTo(302);
    assertThatThrownBy(() -> Redirects.target(handedBack.url(), handedBack))
        .isInstanceOfSatisfying(FetchException.class, e -> assertThat(e.type()).isEqualTo(ErrorType.IO))
        .hasMessage("redirect to an unusable location (longer than 65536 characters)");
    assertThat(server.getRequestCount()).isEqualTo(2);
  }

  @Test
  void aLongLocationWithinTheLimitIsFollowed() throws Exception {
    String location = "/long?" + "a".repeat(10_000);
    server.enqueue(new MockResponse.Builder().code(302).setHeader("Location", location).build());
    server.enqueue(new MockResponse.Builder().body("landed").build());
    FetchResult result = fetcher().fetch(url("/x"));
    assertThat(result.status()).isEqualTo(200);
    assertThat(result.finalUrl()).isEqualTo(url(location));
  }

  @Test
  void aTransportFailureAtARedirectsHopNamesTheHop() throws Exception {
    try (RawHttpServer site = new RawHttpServer()) {
      site.enqueue("HTTP/1.1 302 Found\r\nLocation: /closemid\r\nContent-Length: 0\r\n\r\n");
      site.enqueueThenClose("HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: 1000\r\n\r\nabcdefgh");
      FetchException e = catchThrowableOfType(FetchException.class, () -> fetcher().fetch(site.url("/start")));
      assertThat(e.type()).isEqualTo(ErrorType.IO);
      assertThat(e.url()).isEqualTo(site.url("/start"));
      assertThat(e.getMessage()).startsWith("redirected to " + site.url("/closemid") + ": ");
    }
  }

  @Test
  void aLocationsLeadingControlIsStrippedNotReadAsAPathHoldingItsUserInfo() throws Exception {
    try (RawHttpServer site = new RawHttpServer()) {
      String location = "\u0001" + site.url("/x").replace("http://", "http://bob:pw1@") + "\u0001";
      site.enqueue("HTTP/1.1 302 Found\r\nLocation: " + location + "\r\nContent-Length: 0\r\n\r\n");
      site.enqueue("HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: 2\r\n\r\nok");
      assertThat(fetcher().fetch(site.url("/start")).finalUrl()).isEqualTo(site.url("/x"));
      assertThat(site.requests().get(1)).startsWith("GET /x HTTP/1.1\r\n");

      site.enqueue("HTTP/1.1 302 Found\r\nLocation: " + location + "\r\nContent-Length: 0\r\n\r\n");
      FetchResult handedBack = fetcher(settings(Duration.ofSeconds(5), 1 << 20, 5).withoutRedirects()).fetch(site.url("/a"));
      assertThat(Redirects.target(handedBack.url(), handedBack)).as("as the crawl follows it").isEqualTo(site.url("/x"));
    }
  }

  @Test
  void aLocationLeadingToAUrlLongerThan64KibOnceEncodedIsAnUnusableRedirect() throws Exception {
    try (RawHttpServer site = new RawHttpServer()) {
      String location = "/page/" + "\u00e9".repeat(30_000);
      site.enqueueUtf8("HTTP/1.1 302 Found\r\nLocation: " + location + "\r\nContent-Length: 0\r\n\r\n");
      site.enqueue("HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: 2\r\n\r\nok");
      assertThatThrownBy(() -> fetcher().fetch(site.url("/start")))
          .isInstanceOfSatisfying(FetchException.class, e -> assertThat(e.type()).isEqualTo(ErrorType.IO))
          .hasMessage("redirect to an unusable location (longer than 65536 characters)");
      assertThat(site.requests()).hasSize(1);
    }
  }
}
