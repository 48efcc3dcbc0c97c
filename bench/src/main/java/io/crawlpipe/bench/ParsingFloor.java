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
   * thread; {@code results} is committed at the end, and after a failure its partial file is left
   * closed. Returns the body bytes read.
   */
  static long nioWritingTo(Path results, List<String> urls, int concurrency) throws IOException {
    try (AtomicFileSink sink = AtomicFileSink.create(results)) {
      PageParser parser = new DefaultPageParser();
      long bytes = NioFloor.fetchAll(urls, concurrency,
          (url, contentType, body) -> store(parser, sink, url, contentType, body, Instant.now(), 0));
      sink.commit();
      return bytes;
    }
  }

  /** The same in a temporary file, deleted at the end (its partial file too, after a failure). */
  static long nioInTemporaryFile(List<String> urls, int concurrency) throws IOException {
    Path results = Files.createTempFile("crawlpipe-floor-", ".jsonl");
    try {
      return nioWritingTo(results, urls, concurrency);
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
