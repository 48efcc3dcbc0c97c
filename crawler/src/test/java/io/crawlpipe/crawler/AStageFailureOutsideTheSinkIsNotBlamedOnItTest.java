package io.crawlpipe.crawler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.crawlpipe.crawler.fetch.AsyncFetcher;
import io.crawlpipe.crawler.mode.FetchMode;
import io.crawlpipe.crawler.mode.Mode;
import io.crawlpipe.parser.DefaultPageParser;
import io.crawlpipe.store.CrawlResult;
import io.crawlpipe.store.ErrorType;
import java.io.StringReader;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A URL's steps failing past the parse step, not in the sink (a bug: here a parse executor that
 * refuses the task), stop the run at once but are not labelled as the sink's: the sink keeps
 * working, every URL read gets its line, and the run throws the failure as it is.
 */
@Timeout(60)
class AStageFailureOutsideTheSinkIsNotBlamedOnItTest {

  @Test
  void aRefusedParseTaskStopsTheRunAsAnInternalErrorAndEveryUrlReadHasItsLine() {
    RejectedExecutionException refused = new RejectedExecutionException("parse pool refused the task");
    AtomicBoolean first = new AtomicBoolean(true);
    Executor refusingFirst = task -> {
      if (first.getAndSet(false)) throw refused;
      task.run();
    };
    List<CrawlResult> out = new CopyOnWriteArrayList<>();
    CrawlControl control = new CrawlControl(Duration.ofSeconds(30));
    try (FetchMode mode = Mode.VIRTUAL.open(url -> PipelineTest.page(url, "<title>t</title>"), 1)) {
      Pipeline pipeline = new Pipeline(mode, new DefaultPageParser(), refusingFirst, out::add, Clock.systemUTC(), 1);

      assertThatThrownBy(() -> pipeline.run(new UrlSource(new StringReader("http://a.test/1\nhttp://a.test/2\n"
          + "http://a.test/3")), control)).isSameAs(refused);
    }

    assertThat(control.stopReason()).isEqualTo("internal error");
    assertThat(out).extracting(CrawlResult::url).as("every URL read, once").doesNotHaveDuplicates()
        .contains("http://a.test/1");
    CrawlResult refusedLine = out.stream().filter(r -> r.url().equals("http://a.test/1")).findFirst().orElseThrow();
    assertThat(refusedLine.error().type()).isEqualTo(ErrorType.CANCELLED);
    assertThat(refusedLine.error().message()).startsWith("run stopped (internal error) before this URL");
  }

  @Test
  void aFetcherThatThrowsInsteadOfFailingItsFutureStopsTheRunAndItsUrlStillHasItsLine() {
    IllegalStateException bug = new IllegalStateException("fetcher bug");
    AsyncFetcher throwsOnTwo = url -> {
      if (url.endsWith("/2")) throw bug;
      return CompletableFuture.completedFuture(PipelineTest.page(url, "<title>t</title>"));
    };
    List<CrawlResult> out = new CopyOnWriteArrayList<>();
    CrawlControl control = new CrawlControl(Duration.ofSeconds(30));
    Pipeline pipeline = new Pipeline(throwsOnTwo, new DefaultPageParser(), Runnable::run, out::add, Clock.systemUTC(), 4);

    assertThatThrownBy(() -> pipeline.run(new UrlSource(new StringReader("http://a.test/1\nhttp://a.test/2\n"
        + "http://a.test/3")), control)).isSameAs(bug);

    assertThat(control.stopReason()).isEqualTo("internal error");
    assertThat(out).extracting(CrawlResult::url).containsExactlyInAnyOrder("http://a.test/1", "http://a.test/2");
    CrawlResult second = out.stream().filter(r -> r.url().equals("http://a.test/2")).findFirst().orElseThrow();
    assertThat(second.error().type()).isEqualTo(ErrorType.CANCELLED);
  }
}
