package io.crawlpipe.crawler.polite;

import static io.crawlpipe.crawler.polite.ScriptedMode.failure;
import static org.assertj.core.api.Assertions.assertThat;

import io.crawlpipe.crawler.LogCapture;
import io.crawlpipe.crawler.fetch.FetchException;
import io.crawlpipe.crawler.fetch.FetchResult;
import io.crawlpipe.store.ErrorType;
import java.net.SocketException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * EMFILE arrives as an {@code io} failure saying "Too many open files": the process's own limit, so
 * the host's breaker stays closed, every URL of the host is attempted, and the run is warned once.
 */
class RunningOutOfFileDescriptorsIsNotTheHostsFailureTest {
  private static final PolitenessSettings POLITE = new PolitenessSettings(1, Duration.ZERO, true);
  private static final RetrySettings NO_RETRIES = new RetrySettings(0, Duration.ofSeconds(1), Duration.ofSeconds(30));
  private final ManualEventLoop loop = new ManualEventLoop();
  private final ScriptedMode mode = new ScriptedMode(loop);

  private static CompletableFuture<FetchResult> outOfDescriptors(String url) {
    SocketException emfile = new SocketException("Too many open files");
    return CompletableFuture.failedFuture(new FetchException(url, ErrorType.IO, "Too many open files", emfile));
  }

  @Test
  void theBreakerStaysClosedAndEveryUrlOfTheHostIsAttempted() {
    mode.answer(RunningOutOfFileDescriptorsIsNotTheHostsFailureTest::outOfDescriptors);
    HostScheduler scheduler = mode.scheduler(4, POLITE, NO_RETRIES, new BreakerSettings(2, Duration.ofSeconds(30)));
    try (LogCapture log = LogCapture.debugOf(DescriptorShortage.class)) {
      List<CompletableFuture<FetchResult>> results = IntStream.range(0, 6)
          .mapToObj(i -> scheduler.fetch("http://a.test/" + i)).toList();
      loop.advance(Duration.ofSeconds(1));
      assertThat(mode.pageCalls()).hasSize(6);
      for (CompletableFuture<FetchResult> result : results) {
        FetchException e = failure(result);
        assertThat(e.type()).isEqualTo(ErrorType.IO);
        assertThat(e.getMessage()).isEqualTo("Too many open files");
      }
      assertThat(log.lines()).singleElement().asString()
          .startsWith("out of file descriptors (Too many open files): URLs that meet it fail as io")
          .contains("ulimit -n");
    }
  }

  @Test
  void aWorkersMessageAloneIsRecognisedAndAHostsWordsAreNot() {
    assertThat(DescriptorShortage.in(new FetchException("http://a.test/", ErrorType.IO,
        "redirected to http://b.test/: Too many open files in system", null))).isTrue();
    assertThat(DescriptorShortage.in(new FetchException("http://a.test/", ErrorType.IO,
        "invalid status line: \"Too many open files\"", null))).isFalse();
    assertThat(DescriptorShortage.in(new FetchException("http://a.test/", ErrorType.IO,
        "connection reset", null))).isFalse();
  }

  @Test
  void theWarningNamesTheLimitWhenKnown() {
    assertThat(DescriptorShortage.warning(48)).contains("this process's limit is 48 open files: raise it (ulimit -n");
    assertThat(DescriptorShortage.warning(-1)).doesNotContain("limit is").contains("raise it (ulimit -n");
  }
}
