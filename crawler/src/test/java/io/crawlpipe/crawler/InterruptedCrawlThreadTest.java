package io.crawlpipe.crawler;

import static org.assertj.core.api.Assertions.assertThat;

import io.crawlpipe.crawler.fetch.AsyncFetcher;
import io.crawlpipe.parser.DefaultPageParser;
import io.crawlpipe.store.AtomicFileSink;
import io.crawlpipe.store.CrawlResult;
import io.crawlpipe.store.ErrorType;
import io.crawlpipe.store.ResultSink;
import io.crawlpipe.store.StoreException;
import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Interrupting the thread that runs a crawl does not stop it (see {@link Crawler}): the lines that
 * thread writes itself, {@code invalid_url} and, after a stop, {@code cancelled}, reach a sink that
 * an interrupt would break (one writing through an interruptible channel), and the thread keeps its
 * interrupt status.
 */
@Timeout(60)
class InterruptedCrawlThreadTest {
  @TempDir Path dir;

  /** Fails a write made with the interrupt status set, as an interruptible FileChannel does. */
  private static final class InterruptSensitiveSink implements ResultSink {
    final Queue<CrawlResult> results = new ConcurrentLinkedQueue<>();

    @Override public void write(CrawlResult result) {
      if (Thread.currentThread().isInterrupted()) throw new StoreException("interrupted", new IOException("closed"));
      results.add(result);
    }

    @Override public void close() {}
  }

  @Test
  void invalidLinesWrittenOnAnInterruptedCallersThreadReachTheSinkAndTheStatusIsKept() {
    InterruptSensitiveSink sink = new InterruptSensitiveSink();
    AsyncFetcher unused = url -> new CompletableFuture<>();
    Pipeline pipeline = new Pipeline(unused, new DefaultPageParser(), Runnable::run, sink, Clock.systemUTC(), 4);
    Thread.currentThread().interrupt();
    try {
      pipeline.run(new UrlSource(new StringReader("not a url\nftp://a.test/\n")));
      assertThat(Thread.currentThread().isInterrupted()).as("the interrupt status is kept").isTrue();
    } finally {
      Thread.interrupted();
    }
    assertThat(sink.results).hasSize(2).allSatisfy(r -> assertThat(r.error().type()).isEqualTo(ErrorType.INVALID_URL));
  }

  @Test
  void cancelledLinesWrittenAfterAStopAndAnInterruptReachTheSinkAndTheStatusIsKept() throws Exception {
    InterruptSensitiveSink sink = new InterruptSensitiveSink();
    CountDownLatch asked = new CountDownLatch(1);
    AsyncFetcher hanging = url -> {
      asked.countDown();
      return new CompletableFuture<>();
    };
    CrawlControl control = new CrawlControl(Duration.ofMinutes(10));
    Pipeline pipeline = new Pipeline(hanging, new DefaultPageParser(), Runnable::run, sink, Clock.systemUTC(), 4);
    AtomicReference<Throwable> failure = new AtomicReference<>();
    AtomicBoolean keptStatus = new AtomicBoolean();
    Thread runner = Thread.ofPlatform().start(() -> {
      try {
        pipeline.run(new UrlSource(new StringReader("http://a.test/")), control);
        keptStatus.set(Thread.currentThread().isInterrupted());
      } catch (RuntimeException | Error e) {
        failure.set(e);
      }
    });
    assertThat(asked.await(10, TimeUnit.SECONDS)).isTrue();

    control.requestStop("SIGTERM");
    runner.interrupt();  // cuts the grace short
    runner.join(TimeUnit.SECONDS.toMillis(20));

    assertThat(runner.isAlive()).isFalse();
    assertThat(failure.get()).isNull();
    assertThat(keptStatus.get()).as("the interrupt status is kept").isTrue();
    assertThat(sink.results).singleElement().satisfies(r -> assertThat(r.error().type()).isEqualTo(ErrorType.CANCELLED));
  }

  @Test
  void aCrawlIntoAnAtomicFileInterruptedAfterAStopWritesItsCancelledLineToTheFile() throws Exception {
    CountDownLatch requested = new CountDownLatch(1);
    FaultServer.Route hang = (socket, out) -> {
      requested.countDown();
      socket.getInputStream().read();  // never answers; waits until the client hangs up
    };
    try (FaultServer server = new FaultServer(Map.of("/hang", hang));
        AtomicFileSink sink = AtomicFileSink.create(dir.resolve("out.jsonl"))) {
      CrawlConfig config = CrawlConfig.builder().timeout(Duration.ofSeconds(50)).build();
      CrawlControl control = new CrawlControl(Duration.ofMinutes(10));
      AtomicReference<Throwable> failure = new AtomicReference<>();
      Thread runner = Thread.ofPlatform().start(() -> {
        try {
          new Crawler(config).crawl(new UrlSource(new StringReader(server.url("/hang"))), sink, control);
        } catch (RuntimeException | Error e) {
          failure.set(e);
        }
      });
      assertThat(requested.await(10, TimeUnit.SECONDS)).isTrue();

      control.requestStop("SIGTERM");
      runner.interrupt();
      runner.join(TimeUnit.SECONDS.toMillis(30));

      assertThat(runner.isAlive()).isFalse();
      assertThat(failure.get()).isNull();
      sink.close();
      List<String> lines = Files.readAllLines(sink.partial());
      assertThat(lines).singleElement().asString().contains("\"type\":\"cancelled\"");
    }
  }
}
