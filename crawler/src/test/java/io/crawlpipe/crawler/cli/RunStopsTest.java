package io.crawlpipe.crawler.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.crawlpipe.crawler.CrawlControl;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Stop requests before, during and after the crawl (see {@link RunStops}). */
class RunStopsTest {
  @TempDir Path dir;
  private final CrawlControl control = new CrawlControl(Duration.ofSeconds(5));
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();
  private final List<Integer> halts = new ArrayList<>();
  private final RunStops stops = new RunStops(control, new PrintStream(err, true, StandardCharsets.UTF_8), halts::add,
      () -> 0L);

  private String stderr() {
    return err.toString(StandardCharsets.UTF_8);
  }

  @Test
  void aSignalBeforeTheCrawlEndsTheProcessSayingWhatTheRunWasDoing() {
    stops.outside("reading 'r.jsonl' for --resume", "nothing was crawled");
    stops.accept(StopCause.SIGHUP);
    assertThat(halts).containsExactly(129);
    assertThat(stderr()).isEqualTo("crawl: stopped by SIGHUP while reading 'r.jsonl' for --resume; nothing was crawled\n");
  }

  @Test
  void aDeadlineBeforeTheCrawlMakesItStartStoppedAndASignalThenEndsTheProcess() {
    stops.outside("waiting for a reader of --out 'fifo'", "nothing was crawled");
    stops.accept(StopCause.DEADLINE);
    assertThat(control.stopReason()).isEqualTo("--max-time");
    assertThat(halts).isEmpty();
    assertThat(stderr()).isEqualTo("crawl: --max-time: the deadline passed while waiting for a reader of --out 'fifo';"
        + " no URL will be crawled\n");
    stops.accept(StopCause.SIGTERM);
    assertThat(halts).containsExactly(143);
    assertThat(stops.cause()).isEqualTo(StopCause.DEADLINE);
  }

  @Test
  void aDeadlineWhileReadingTheFileToResumeEndsTheProcessAsASignalDoes() {
    stops.resuming("reading 'r.jsonl' for --resume", "nothing was crawled");
    stops.accept(StopCause.DEADLINE);
    assertThat(halts).containsExactly(124);
    assertThat(stderr()).isEqualTo("crawl: stopped by --max-time while reading 'r.jsonl' for --resume; nothing was crawled\n");
  }

  @Test
  void aDeadlineThatPassedBeforeTheFileToResumeIsReadEndsTheProcessWhenTheReadBegins() {
    stops.outside("opening --log 'crawl.log'", "nothing was crawled");
    stops.accept(StopCause.DEADLINE);
    assertThat(halts).isEmpty();
    stops.resuming("reading 'r.jsonl' for --resume", "nothing was crawled");
    assertThat(halts).containsExactly(124);
    assertThat(stderr()).endsWith("crawl: stopped by --max-time while reading 'r.jsonl' for --resume; nothing was crawled\n");
  }

  @Test
  void onceTheCrawlStartsTheDeadlineIsGracefulAgain() {
    stops.resuming("reading 'r.jsonl' for --resume", "nothing was crawled");
    stops.crawling(n -> { }, c -> { }, () -> true);
    stops.accept(StopCause.DEADLINE);
    assertThat(halts).isEmpty();
    assertThat(control.stopReason()).isEqualTo("--max-time");
  }

  @Test
  void eachNoticeAlsoGoesToTheLogOnceItIsOpen() {
    List<String> logged = new ArrayList<>();
    stops.logging(logged::add);
    stops.outside("waiting for a reader of --out 'fifo'", "nothing was crawled");
    stops.accept(StopCause.DEADLINE);
    assertThat(logged).containsExactly("--max-time: the deadline passed while waiting for a reader of --out 'fifo';"
        + " no URL will be crawled");

    RunStops crawling = new RunStops(new CrawlControl(Duration.ofSeconds(5)), new PrintStream(err, true,
        StandardCharsets.UTF_8), halts::add, () -> 0L);
    List<String> loggedWhileCrawling = new ArrayList<>();
    crawling.logging(loggedWhileCrawling::add);
    crawling.crawling(notice -> { }, cause -> { }, () -> true);
    crawling.accept(StopCause.SIGTERM);
    assertThat(loggedWhileCrawling)
        .containsExactly("SIGTERM: stopping; URLs in flight get 5s to finish (send it again to stop at once)");
  }

  @Test
  void duringTheCrawlTheFirstSignalIsGracefulAndTheSecondGoesToTheCrawl() {
    List<String> notices = new ArrayList<>();
    List<StopCause> atOnce = new ArrayList<>();
    stops.crawling(notices::add, atOnce::add, () -> true);
    stops.accept(StopCause.SIGTERM);
    assertThat(notices).containsExactly("crawl: SIGTERM: stopping; URLs in flight get 5s to finish (send it again to stop at once)");
    assertThat(control.stopReason()).isEqualTo("SIGTERM");
    stops.accept(StopCause.SIGINT);
    assertThat(atOnce).containsExactly(StopCause.SIGINT);
    assertThat(halts).isEmpty();
  }

  @Test
  void aStopBeforeTheCrawlReadsItsListSaysNoUrlIsInFlightRatherThanPromisingThemTheGrace() {
    List<String> notices = new ArrayList<>();
    boolean[] reading = {false};
    stops.crawling(notices::add, c -> { }, () -> reading[0]);  // e.g. the worker processes still starting
    stops.accept(StopCause.SIGTERM);
    assertThat(notices).containsExactly("crawl: SIGTERM: stopping; no URL is in flight (send it again to stop at once)");

    RunStops late = new RunStops(new CrawlControl(Duration.ofSeconds(5)), new PrintStream(err, true,
        StandardCharsets.UTF_8), halts::add, () -> 0L);
    List<String> deadline = new ArrayList<>();
    late.crawling(deadline::add, c -> { }, () -> reading[0]);
    reading[0] = true;  // asked when the stop comes, not when the crawl was handed over
    late.accept(StopCause.DEADLINE);
    assertThat(deadline).containsExactly("crawl: --max-time: stopping; URLs in flight get 5s to finish");
  }

  @Test
  void aStopOnceEveryUrlHasItsLineSaysTheCrawlHasFinishedRatherThanPromisingAGrace() {
    List<String> notices = new ArrayList<>();
    boolean[] finished = {false};
    stops.crawling(notices::add, c -> { }, () -> true, () -> finished[0]);
    finished[0] = true;  // asked when the stop comes
    stops.accept(StopCause.SIGTERM);
    assertThat(notices).containsExactly("crawl: SIGTERM: the crawl has finished; finishing the results file");
    assertThat(control.stopReason()).isEqualTo("SIGTERM");
  }

  @Test
  void afterTheCrawlTheDeadlineIsIgnoredAndASignalSaysTheResultsAreKept() {
    stops.crawling(n -> { }, c -> { }, () -> true);
    stops.crawled("waiting for a reader of --stats 's.fifo'", "the results in r.jsonl are complete");
    stops.accept(StopCause.DEADLINE);
    assertThat(control.stopRequested()).isFalse();
    assertThat(stderr()).isEmpty();
    stops.accept(StopCause.SIGTERM);
    assertThat(halts).containsExactly(143);
    assertThat(stderr()).isEqualTo("crawl: stopped by SIGTERM while waiting for a reader of --stats 's.fifo';"
        + " the results in r.jsonl are complete\n");
  }

  @Test
  void aStopOutsideTheCrawlDeletesTheTemporaryFilesBeingWrittenBeforeItEndsTheProcess() throws IOException {
    Path tmp = dir.resolve("r.jsonl.partial.resume");
    Path renamed = dir.resolve("r.jsonl.resume");
    List<Boolean> existedAtHalt = new ArrayList<>();
    RunStops halting = new RunStops(control, new PrintStream(err, true, StandardCharsets.UTF_8), code -> {
      halts.add(code);
      existedAtHalt.add(Files.exists(tmp) || !Files.exists(renamed));
    }, () -> 0L);
    halting.outside("reading 'r.jsonl' for --resume", "nothing was crawled");
    try (FileChannel written = halting.create(tmp, RunStopsTest::open);
        FileChannel done = halting.create(renamed, RunStopsTest::open)) {
      halting.release(renamed);  // renamed into place: no longer the run's to delete
      halting.accept(StopCause.SIGTERM);
    }
    assertThat(halts).containsExactly(143);
    assertThat(existedAtHalt).containsExactly(false);
    assertThat(stderr()).isEqualTo("crawl: stopped by SIGTERM while reading 'r.jsonl' for --resume; nothing was crawled\n");
    assertThatThrownBy(() -> halting.create(tmp, RunStopsTest::open)).isInstanceOf(IOException.class)
        .hasMessage("the run is being stopped");
    assertThat(tmp).doesNotExist();
  }

  private static FileChannel open(Path file) throws IOException {
    return FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
  }
}
