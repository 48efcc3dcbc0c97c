package io.crawlpipe.crawler.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.crawlpipe.crawler.Conditions;
import io.crawlpipe.crawler.fetch.FetchException;
import io.crawlpipe.crawler.fetch.FetchResult;
import io.crawlpipe.crawler.fetch.PooledFetcher;
import io.crawlpipe.store.ErrorType;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.slf4j.LoggerFactory;

/**
 * {@code --mode processes} with a worker JVM whose fetch overflows the stack (as the JDK's gzip
 * decoder once did on a body of many members): the worker answers, so the URL ends at once with
 * one {@code internal} line rather than {@code worker_crashed} after three workers in turn gave no
 * answer within the answer timeout (15 s each here).
 */
@Timeout(60)
class ErrorInAWorkersFetchTest {

  /** A worker whose fetcher recurses until the stack overflows; the parent starts it as it starts {@code crawl worker}. */
  static final class OverflowingWorker {
    public static void main(String[] args) {
      PooledFetcher overflowing = new PooledFetcher() {
        @Override
        public FetchResult fetch(String url) {
          return deeper(url, 0);
        }

        @Override
        public void cancelAll() {}

        @Override
        public void close() {}
      };
      System.exit(new Worker(System.in, System.out, Clock.systemUTC(), (settings, concurrency, clock) -> overflowing).run());
    }

    private static FetchResult deeper(String url, int depth) {
      return depth < 0 ? null : deeper(url, depth + 1);
    }
  }

  private static WorkerLauncher overflowingWorkers() {
    return id -> {
      List<String> command = new ArrayList<>(JvmWorkerLauncher.command(JvmWorkerLauncher.javaBinary(),
          System.getProperty("java.class.path"), TestPools.QUICK_JVM, 64L << 20, List.of()));
      int main = command.indexOf(JvmWorkerLauncher.MAIN_CLASS);
      command.set(main, OverflowingWorker.class.getName());
      command.remove(main + 1); // the "worker" subcommand
      return new ProcessBuilder(command).start();
    };
  }

  @AfterEach
  void noWorkerIsLeftBehind() {
    assertThat(TestPools.descendants()).as("processes left after the pool closed").isEmpty();
  }

  @Test
  void aStackOverflowInAWorkersFetchEndsTheUrlAsInternalAtOnceWithOneLogLine() {
    Logger forwarded = (Logger) LoggerFactory.getLogger("io.crawlpipe.crawler.process.worker");
    ListAppender<ILoggingEvent> lines = new ListAppender<>();
    lines.start();
    forwarded.addAppender(lines);
    try (ProcessPoolMode mode = new ProcessPoolMode(TestPools.settings(1, 0), TestPools.FETCH, 4, overflowingWorkers())) {
      CompletableFuture<FetchResult> deep = mode.fetch("http://127.0.0.1:1/deep");

      assertThatThrownBy(() -> deep.get(10, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class)
          .cause().isInstanceOfSatisfying(FetchException.class, e -> {
            assertThat(e.type()).isEqualTo(ErrorType.INTERNAL);
            assertThat(e).hasMessage("StackOverflowError");
          });
      assertThat(mode.stats().crashed()).isZero();
      Conditions.await(() -> messages(lines).stream().anyMatch(l -> l.contains("unexpected failure url=http://127.0.0.1:1/deep")));
      assertThat(messages(lines)).noneMatch(l -> l.contains("\tat ") || l.contains(": at "));
    } finally {
      forwarded.detachAppender(lines);
    }
  }

  private static List<String> messages(ListAppender<ILoggingEvent> lines) {
    synchronized (lines) { // the appender appends under its own lock
      return lines.list.stream().map(ILoggingEvent::getFormattedMessage).toList();
    }
  }
}
