package io.crawlpipe.crawler.fetch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.crawlpipe.store.ErrorType;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * An HTTP/2 response head past 256 KiB, with {@code --client okhttp}: OkHttp fails the whole
 * connection on it, and every stream on it; the fetch of that URL fails in {@code http1}'s words,
 * and the others, sent again, each on a connection of its own, do not die with it again.
 */
@Timeout(30)
class OkHttpHttp2HugeHeadTest {
  /**
   * {@code /huge}: a head past 256 KiB. {@code /victim}: sent again, answered once {@code /huge}
   * was; held until the test ends on a connection {@code /huge} went on.
   */
  private static final class Site extends Dispatcher {
    final CountDownLatch victimWaiting = new CountDownLatch(1);
    final CountDownLatch hugeTwice = new CountDownLatch(2);
    final CountDownLatch done = new CountDownLatch(1);
    final List<Integer> hugeConnections = new CopyOnWriteArrayList<>();
    final List<Integer> victimConnections = new CopyOnWriteArrayList<>();

    @Override
    public MockResponse dispatch(RecordedRequest request) throws InterruptedException {
      MockResponse.Builder response = new MockResponse.Builder().setHeader("Content-Type", "text/plain");
      switch (request.getTarget()) {
        case "/huge" -> {
          hugeConnections.add(request.getConnectionIndex());
          hugeTwice.countDown();
          response.setHeader("X-Huge", "h".repeat(300 * 1024));
        }
        case "/victim" -> {
          victimConnections.add(request.getConnectionIndex());
          victimWaiting.countDown();
          if (request.getConnectionIndex() != 0 && !hugeTwice.await(10, TimeUnit.SECONDS)) {
            throw new IllegalStateException("/huge was not sent again");
          }
          // A slow answer: on a connection /huge goes on too (the first one, then maybe another), it dies with it.
          if (request.getConnectionIndex() == 0 || hugeConnections.contains(request.getConnectionIndex())) held();
        }
        default -> { }
      }
      return response.body(request.getTarget().substring(1)).build();
    }

    private void held() throws InterruptedException {
      if (!done.await(10, TimeUnit.SECONDS)) throw new IllegalStateException("the test never let /victim go");
    }
  }

  @Test
  void aHeadPast256KibFailsItsFetchInHttp1sWordsAndNotTheOthersOnItsConnection() throws Exception {
    Site dispatcher = new Site();
    try (Http2Site site = new Http2Site(dispatcher); ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
      Fetcher fetcher = site.fetcher(1 << 20);
      try {
        fetcher.fetch(site.url("/first")); // connection 0, pooled: the others go on it
        Future<FetchResult> victim = threads.submit(() -> fetcher.fetch(site.url("/victim")));
        assertThat(dispatcher.victimWaiting.await(10, TimeUnit.SECONDS)).as("/victim sent").isTrue();
        FetchException e = catchThrowableOfType(FetchException.class, () -> fetcher.fetch(site.url("/huge")));
        assertThat(e).as("not ok").isNotNull();
        assertThat(e.type()).isEqualTo(ErrorType.IO);
        assertThat(e).hasMessage("response head is longer than 262144 bytes");
        assertThat(new String(victim.get(10, TimeUnit.SECONDS).body(), StandardCharsets.UTF_8)).isEqualTo("victim");
        assertThat(dispatcher.hugeConnections).hasSize(2).first().isEqualTo(0);
        assertThat(dispatcher.victimConnections).hasSize(2).first().isEqualTo(0);
        assertThat(dispatcher.victimConnections.get(1)).as("sent again apart").isNotEqualTo(dispatcher.hugeConnections.get(1));
      } finally {
        dispatcher.done.countDown();
      }
    }
  }
}
