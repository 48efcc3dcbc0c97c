package io.crawlpipe.crawler.polite;

import static io.crawlpipe.crawler.polite.ScriptedMode.failure;
import static io.crawlpipe.crawler.polite.ScriptedMode.status;
import static org.assertj.core.api.Assertions.assertThat;

import io.crawlpipe.crawler.LogCapture;
import io.crawlpipe.crawler.fetch.FetchException;
import io.crawlpipe.crawler.fetch.FetchResult;
import io.crawlpipe.store.ErrorType;
import java.net.SocketException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * EMFILE arrives as an {@code io} failure saying "Too many open files": the process's own limit, so
 * the host's breaker stays closed, every URL of the host is attempted, its robots.txt is asked for
 * again after a backoff instead of writing the host off, and the run is warned once.
 */
class RunningOutOfFileDescriptorsIsNotTheHostsFailureTest {
  private static final PolitenessSettings POLITE = new PolitenessSettings(1, Duration.ZERO, true);
  private static final RetrySettings NO_RETRIES = new RetrySettings(0, Duration.ofSeconds(1), Duration.ofSeconds(30));
  private static final RetrySettings TWO_RETRIES = new RetrySettings(2, Duration.ofSeconds(1), Duration.ofSeconds(30));
  private static final String ROBOTS = "http://a.test/robots.txt";
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
  void aRobotsTxtFetchShortOfDescriptorsIsAskedForAgainAndTheHostsUrlsAreFetched() {
    mode.robots(ROBOTS, outOfDescriptors(ROBOTS));
    mode.answer(RunningOutOfFileDescriptorsIsNotTheHostsFailureTest::outOfDescriptors);
    HostScheduler scheduler = mode.scheduler(4, POLITE, TWO_RETRIES, BreakerSettings.DEFAULTS);
    try (LogCapture log = LogCapture.debugOf(DescriptorShortage.class)) {
      List<CompletableFuture<FetchResult>> results = IntStream.range(0, 3)
          .mapToObj(i -> scheduler.fetch("http://a.test/" + i)).toList();
      loop.runPending();
      assertThat(results).noneMatch(CompletableFuture::isDone);
      loop.advance(Duration.ofSeconds(1));  // the first backoff is 0.5 to 1 s: robots.txt fails again
      assertThat(mode.timesOf(ROBOTS)).hasSize(2);
      assertThat(results).noneMatch(CompletableFuture::isDone);
      mode.robots(ROBOTS, status(ROBOTS, 404));
      mode.answer(ScriptedMode::ok);
      loop.advance(Duration.ofSeconds(2));  // the second is 1 to 2 s
      assertThat(mode.timesOf(ROBOTS)).hasSize(3);
      assertThat(mode.pageCalls()).hasSize(3);
      assertThat(results).allMatch(result -> result.isDone() && !result.isCompletedExceptionally());
      assertThat(log.lines()).singleElement().asString().startsWith("out of file descriptors (Too many open files)");
    }
  }

  @Test
  void aRobotsTxtShortOfDescriptorsOnEveryRetryEndsTheHostsUrlsAsIo() {
    mode.robots(ROBOTS, outOfDescriptors(ROBOTS));
    HostScheduler scheduler = mode.scheduler(4, POLITE, TWO_RETRIES, BreakerSettings.DEFAULTS);
    CompletableFuture<FetchResult> result = scheduler.fetch("http://a.test/page");
    loop.advance(Duration.ofSeconds(30));
    assertThat(mode.timesOf(ROBOTS)).hasSize(3);
    assertThat(mode.pageCalls()).isEmpty();
    FetchException e = failure(result);
    assertThat(e.type()).isEqualTo(ErrorType.IO);
    assertThat(e.getMessage()).isEqualTo(ROBOTS + " could not be fetched (io: Too many open files), so the host is"
        + " not crawled this run");
  }

  @Test
  void aStopWhileRobotsTxtBacksOffCancelsTheHostsUrls() {
    mode.robots(ROBOTS, outOfDescriptors(ROBOTS));
    HostScheduler scheduler = mode.scheduler(4, POLITE, TWO_RETRIES, BreakerSettings.DEFAULTS);
    CompletableFuture<FetchResult> result = scheduler.fetch("http://a.test/page");
    loop.runPending();
    scheduler.stopStarting("SIGTERM");
    loop.advance(Duration.ofSeconds(30));
    assertThat(mode.timesOf(ROBOTS)).hasSize(1);
    assertThat(failure(result).type()).isEqualTo(ErrorType.CANCELLED);
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
  void theLimitIsReadWhenTheRunStartsNotWhenDescriptorsRunOut() {
    AtomicInteger reads = new AtomicInteger();
    DescriptorShortage shortage = new DescriptorShortage(() -> reads.incrementAndGet() == 1 ? 48 : -1);
    assertThat(reads).hasValue(1);
    try (LogCapture log = LogCapture.debugOf(DescriptorShortage.class)) {
      shortage.notice(outOfDescriptors("http://a.test/").exceptionNow());
      shortage.notice(outOfDescriptors("http://b.test/").exceptionNow());
      assertThat(log.lines()).singleElement().asString().contains("this process's limit is 48 open files");
    }
    assertThat(reads).hasValue(1);
  }

  @Test
  void theSoftLimitIsReadFromProcSelfLimits() {
    String limits = "Limit                     Soft Limit           Hard Limit           Units     \n"
        + "Max processes             63704                63704                processes \n"
        + "Max open files            48                   4096                 files     \n";
    assertThat(DescriptorShortage.softLimit(limits)).isEqualTo(48);
    assertThat(DescriptorShortage.softLimit(limits.replace("48  ", "unlimited"))).isEqualTo(-1);
    assertThat(DescriptorShortage.softLimit("Max processes             63704  63704  processes\n")).isEqualTo(-1);
  }

  @Test
  void theWarningNamesTheLimitWhenKnown() {
    assertThat(DescriptorShortage.warning(48)).contains("this process's limit is 48 open files: raise it (ulimit -n");
    assertThat(DescriptorShortage.warning(-1)).doesNotContain("limit is").contains("raise it (ulimit -n");
  }
}
