package io.crawlpipe.crawler.fetch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.crawlpipe.store.ErrorType;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** How only {@link Http1Fetcher} looks up names: bounded by the deadline and by a cancel, IP addresses not looked up elsewhere. */
class Http1FetcherNameLookupTest extends Http1FetcherFixture {
  @Test
  void aNameLookupThatHangsEndsAtTheDeadline() throws Exception {
    CountDownLatch release = new CountDownLatch(1);
    own = withoutTls(settings(Duration.ofMillis(300), 1 << 20, 5), host -> {
      awaitQuietly(release);
      throw new UnknownHostException(host);
    });
    try {
      FetchException failure = assertTimeoutPreemptively(Duration.ofSeconds(10),
          () -> catchThrowableOfType(FetchException.class, () -> own.fetch("http://slow-dns.test/")));
      assertThat(failure.type()).isEqualTo(ErrorType.TIMEOUT);
      assertThat(failure).hasMessageContaining("name lookup of slow-dns.test");
    } finally {
      release.countDown();
    }
  }

  @Test
  void cancelAllEndsAHangingNameLookup() throws Exception {
    CountDownLatch entered = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    own = withoutTls(settings(Duration.ofSeconds(30), 1 << 20, 5), host -> {
      entered.countDown();
      awaitQuietly(release);
      throw new UnknownHostException(host);
    });
    ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();
    try {
      CompletableFuture<FetchResult> fetch = CompletableFuture.supplyAsync(() -> {
        try {
          return own.fetch("http://slow-dns.test/");
        } catch (FetchException e) {
          throw new CompletionException(e);
        }
      }, threads);
      assertThat(entered.await(5, TimeUnit.SECONDS)).isTrue();
      own.cancelAll();
      assertThat(fetch).failsWithin(Duration.ofSeconds(5)).withThrowableOfType(ExecutionException.class);
    } finally {
      release.countDown();
      threads.close();
    }
  }

  @Test
  void anIpAddressIsResolvedOnTheFetchingThreadAndANameOnAnother() throws Exception {
    RawHttpServer site = raw();
    site.enqueue("HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nip");
    site.enqueue("HTTP/1.1 200 OK\r\nContent-Length: 4\r\n\r\nname");
    List<Thread> resolvedOn = new CopyOnWriteArrayList<>();
    own = withoutTls(settings(Duration.ofSeconds(5), 1 << 20, 5), host -> {
      resolvedOn.add(Thread.currentThread());
      return Http1Connector.Resolver.SYSTEM.resolve(host.equals("site.test") ? "127.0.0.1" : host);
    });
    assertThat(text(own.fetch(site.url("/")))).isEqualTo("ip");
    assertThat(text(own.fetch(site.url("/").replace("127.0.0.1", "site.test")))).isEqualTo("name");
    assertThat(resolvedOn).hasSize(2);
    assertThat(resolvedOn.get(0)).isSameAs(Thread.currentThread());
    assertThat(resolvedOn.get(1)).isNotSameAs(Thread.currentThread());
  }

  @Test
  void tellsIpAddressesFromHostNames() {
    assertThat(NameLookup.isIpAddress("127.0.0.1")).isTrue();
    assertThat(NameLookup.isIpAddress("::1")).isTrue();
    assertThat(NameLookup.isIpAddress("example.com")).isFalse();
    assertThat(NameLookup.isIpAddress("1.example")).isFalse();
    assertThat(NameLookup.isIpAddress("255.255.255.0")).isTrue();
    assertThat(NameLookup.isIpAddress("0.0.0.0")).isTrue();
    assertThat(NameLookup.isIpAddress("10.200.30.4")).isTrue();
    for (String name : List.of("999.1.1.1", "1.2.3.4.5", "256.0.0.1", "1.2.3", "1..2.3", "1234", "", ".", "1.2.3.4.",
        ".1.2.3.4", "1.2.3.0004", "1.2.3.a", "1.2.3.-4", "a.b.c.d")) {
      assertThat(NameLookup.isIpAddress(name)).as(name + " is looked up as a name by the JDK").isFalse();
    }
  }

  private static void awaitQuietly(CountDownLatch latch) {
    try {
      latch.await(60, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
