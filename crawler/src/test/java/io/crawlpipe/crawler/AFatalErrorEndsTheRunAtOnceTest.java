package io.crawlpipe.crawler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import io.crawlpipe.crawler.PipelineTest.ListSink;
import io.crawlpipe.crawler.fetch.AsyncFetcher;
import io.crawlpipe.crawler.fetch.FetchResult;
import io.crawlpipe.parser.DefaultPageParser;
import io.crawlpipe.store.CrawlResult;
import io.crawlpipe.store.ErrorType;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Running out of heap ends a run at once, whatever thread it hit: an error given to the run's
 * control (from the host scheduler's thread, or any thread's uncaught one) and one from the list's
 * reader stop it with no grace, every URL read still gets its line ({@code cancelled} for those
 * whose fetch never ends: the thread that would have ended it may be broken), and the run throws
 * the error. Answers that come once a stopped run is over are dropped quietly.
 */
@Timeout(60)
class AFatalErrorEndsTheRunAtOnceTest {
  private static final String LIST = "http://a.test/1\nhttp://a.test/2\nhttp://a.test/3\n";
  private final Map<String, CompletableFuture<FetchResult>> fetches = new ConcurrentHashMap<>();
  /** Fetches that never end unless the test ends them. */
  private final AsyncFetcher hanging = url -> fetches.computeIfAbsent(url, u -> new CompletableFuture<>());
  private final ListSink sink = new ListSink();
  private final AtomicReference<Throwable> thrown = new AtomicReference<>();

  /** Runs {@code pipeline} on a thread of its own, keeping what it throws. */
  private Thread start(Pipeline pipeline, UrlSource source, CrawlControl control) {
    return Thread.ofPlatform().start(() -> {
      try {
        pipeline.run(source, control);
      } catch (Throwable t) {
        thrown.set(t);
      }
    });
  }

  private void assertEveryUrlCancelled() {
    assertThat(sink.results).extracting(CrawlResult::url)
        .containsExactlyInAnyOrder("http://a.test/1", "http://a.test/2", "http://a.test/3");
    assertThat(sink.results).allSatisfy(r -> assertThat(r.error().type()).isEqualTo(ErrorType.CANCELLED));
  }

  @Test
  void anErrorGivenToTheControlEndsARunWhoseFetchesNeverEnd() throws InterruptedException {
    CrawlControl control = new CrawlControl(Duration.ofHours(1));
    Pipeline pipeline = new Pipeline(hanging, new DefaultPageParser(), Runnable::run, sink, Clock.systemUTC(), 10);
    Thread run = start(pipeline, new UrlSource(new StringReader(LIST)), control);
    Conditions.await(() -> fetches.size() == 3);

    OutOfMemoryError error = new OutOfMemoryError("Java heap space");
    try (LogCapture log = LogCapture.debugOf(Pipeline.class)) {
      assertThat(control.fail(error)).isTrue();
      run.join(Duration.ofSeconds(30));
      assertThat(log.errors()).as("the CLI's one line says it, from what the run throws").isEmpty();
      assertThat(log.lines()).contains("crawl stopped: fatal error");
    }

    assertThat(run.isAlive()).as("the run ended").isFalse();
    assertThat(thrown.get()).isSameAs(error);
    assertThat(control.stopReason()).isEqualTo("internal error");
    assertThat(control.fail(new OutOfMemoryError())).as("only the first counts").isFalse();
    assertEveryUrlCancelled();
  }

  @Test
  void outOfHeapInTheListsReaderEndsTheRunAtOnce() throws InterruptedException {
    OutOfMemoryError error = new OutOfMemoryError("Java heap space");
    Reader breaking = new Reader() {
      private final Reader list = new StringReader(LIST);

      @Override
      public int read(char[] buffer, int offset, int length) throws IOException {
        int n = list.read(buffer, offset, length);
        if (n < 0) throw error;
        return n;
      }

      @Override
      public void close() {}
    };
    CrawlControl control = new CrawlControl(Duration.ofHours(1));
    AtomicReference<Throwable> heard = new AtomicReference<>();
    control.onFailure(heard::set);
    Pipeline pipeline = new Pipeline(hanging, new DefaultPageParser(), Runnable::run, sink, Clock.systemUTC(), 10);
    Thread run = start(pipeline, new UrlSource(breaking), control);
    run.join(Duration.ofSeconds(30));

    assertThat(run.isAlive()).as("the run ended without its fetches").isFalse();
    assertThat(thrown.get()).isSameAs(error);
    assertThat(heard.get()).as("the control heard of it").isSameAs(error);
    assertEveryUrlCancelled();
  }

  @Test
  void anAnswerThatFindsTheParsePoolShutAfterAStoppedRunIsDroppedQuietly() {
    AtomicBoolean shut = new AtomicBoolean();
    Executor pool = task -> {
      if (shut.get()) throw new RejectedExecutionException("Terminated");
      task.run();
    };
    CrawlControl control = new CrawlControl(Duration.ZERO);
    Pipeline pipeline = new Pipeline(hanging, new DefaultPageParser(), pool, sink, Clock.systemUTC(), 10);
    Thread run = start(pipeline, new UrlSource(new StringReader(LIST)), control);
    Conditions.await(() -> fetches.size() == 3);
    control.requestStop("SIGTERM"); // no grace: the fetches are left running
    Conditions.await(() -> !run.isAlive());
    shut.set(true);

    try (LogCapture log = LogCapture.debugOf(Pipeline.class)) {
      assertThatCode(() -> fetches.values().forEach(f -> f.complete(PipelineTest.page("http://a.test/1", "x"))))
          .doesNotThrowAnyException();
      assertThat(log.lines()).noneMatch(line -> line.contains("crawl stopped"));
    }
    assertEveryUrlCancelled();
  }
}
