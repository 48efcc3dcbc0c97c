package io.crawlpipe.bench;

import io.crawlpipe.parser.DefaultPageParser;
import io.crawlpipe.parser.Page;
import io.crawlpipe.parser.PageParser;
import io.crawlpipe.parser.ParsedPage;
import io.crawlpipe.store.AtomicFileSink;
import io.crawlpipe.store.CrawlResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The {@code socket-parse} floor: the {@code socket} floor plus target 1's work on each page, done
 * by crawlpipe's own parser and store on the fetching thread: the default extraction (the title
 * found in the page's bytes) and one result line per URL in a results file that appears whole at
 * the end, as {@code ./crawl} writes it ({@link AtomicFileSink}: a line flushed per page, the file
 * forced to disk and renamed at the end). No scheduler, politeness, retries, hand-off to a parse
 * pool or CLI: the least a JVM crawler doing the same work can do. Its time against curl's says
 * whether target 1 is within reach at all; crawlpipe's against it, what the rest of a crawl costs.
 */
final class ParsingFloor {
  private ParsingFloor() {}

  /** Writes its results to {@code results}, committed when the client is closed. */
  static FetchFloor.Client writingTo(Path results) throws IOException {
    AtomicFileSink sink = AtomicFileSink.create(results);
    PageParser parser = new DefaultPageParser();
    return FetchFloor.client(() -> new Getter(parser, sink), sink::commit);
  }

  /** Writes to a temporary file, deleted once committed. */
  static FetchFloor.Client inTemporaryFile() throws IOException {
    Path results = Files.createTempFile("crawlpipe-floor-", ".jsonl");
    FetchFloor.Client client = writingTo(results);
    return FetchFloor.client(client::newGetter, () -> {
      try {
        client.close();
      } finally {
        Files.deleteIfExists(results);
      }
    });
  }

  /**
   * The {@code nio-parse} floor: the {@code nio} floor with the same work on each page, on its one
   * thread; with {@code split} ({@code nio-split}) each page is handed from the selector's thread
   * to one other platform thread, which parses it and writes its line, so that fetching and the
   * work on pages use both cores (one hand-off per page, as crawlpipe's parse pool makes).
   * {@code results} is committed at the end, and after a failure its partial file is left closed.
   * Returns the body bytes read.
   */
  static long nioWritingTo(Path results, List<String> urls, int concurrency, boolean split) throws IOException {
    try (AtomicFileSink sink = AtomicFileSink.create(results); Handoff handoff = split ? new Handoff() : null) {
      PageParser parser = new DefaultPageParser();
      NioFloor.Pages work = (url, contentType, body) -> store(parser, sink, url, contentType, body, Instant.now(), 0);
      long bytes = NioFloor.fetchAll(urls, concurrency, !split ? work
          : (url, contentType, body) -> handoff.submit(() -> work.page(url, contentType, body)));
      if (split) handoff.finish();
      sink.commit();
      return bytes;
    }
  }

  /** The same in a temporary file, deleted at the end (its partial file too, after a failure). */
  static long nioInTemporaryFile(List<String> urls, int concurrency, boolean split) throws IOException {
    Path results = Files.createTempFile("crawlpipe-floor-", ".jsonl");
    try {
      return nioWritingTo(results, urls, concurrency, split);
    } finally {
      Files.deleteIfExists(results);
      Files.deleteIfExists(AtomicFileSink.partialFile(results));
    }
  }

  /** Target 1's work on one fetched page: its title found by the default extraction, its result line written. */
  private static void store(PageParser parser, AtomicFileSink sink, String url, String contentType, byte[] body,
      Instant fetchedAt, long elapsedMs) throws IOException {
    ParsedPage page = parser.parse(new Page(url, contentType, body));
    if (page.title() == null) throw new IOException(url + ": no title found");
    sink.write(new CrawlResult(url, url, 200, true, contentType, body.length, page.title(),
        page.charset(), fetchedAt, elapsedMs, 1, Map.of(), null));
  }

  /** Work that may fail with an {@link IOException}. */
  interface IoTask {
    void run() throws IOException;
  }

  /**
   * One platform thread running tasks in the order submitted. The first failure is rethrown by the
   * next {@link #submit} or by {@link #finish}, which waits for every task; closing stops the thread.
   */
  static final class Handoff implements AutoCloseable {
    private final ExecutorService thread = Executors.newSingleThreadExecutor();
    private final AtomicReference<IOException> failure = new AtomicReference<>();

    void submit(IoTask task) throws IOException {
      rethrow();
      thread.execute(() -> {
        if (failure.get() != null) return;
        try {
          task.run();
        } catch (IOException e) {
          failure.compareAndSet(null, e);
        } catch (RuntimeException e) {
          failure.compareAndSet(null, new IOException(e.toString(), e));
        }
      });
    }

    void finish() throws IOException {
      thread.shutdown();
      try {
        if (!thread.awaitTermination(10, TimeUnit.MINUTES)) throw new IOException("parsing did not end within 10 minutes");
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IOException("interrupted waiting for parsing", e);
      }
      rethrow();
    }

    private void rethrow() throws IOException {
      IOException e = failure.get();
      if (e != null) throw e;
    }

    @Override
    public void close() {
      thread.shutdownNow();
    }
  }

  /** A socket getter that parses each page and writes its result line; single-threaded. */
  static final class Getter extends SocketGetter {
    private final PageParser parser;
    private final AtomicFileSink sink;

    Getter(PageParser parser, AtomicFileSink sink) {
      this.parser = parser;
      this.sink = sink;
    }

    @Override
    public long get(String url) throws IOException {
      Instant fetchedAt = Instant.now();
      long start = System.nanoTime();
      Response response = exchange(url);
      store(parser, sink, url, response.contentType(), response.body(), fetchedAt, (System.nanoTime() - start) / 1_000_000);
      return response.body().length;
    }
  }
}
