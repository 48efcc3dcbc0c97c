package io.crawlpipe.crawler.cli;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.crawlpipe.parser.PageParser;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

/**
 * A page whose parsing fails with an internal error (the heap running out on a huge page, a bug):
 * {@code crawl extract} says so in one {@code crawl:} line naming the page, with what to do, and
 * logs no ERROR line pointing at {@code -v}, which extract has not. The page's line is
 * {@code internal}, exit 1, as before.
 */
class ExtractSaysAPagesInternalFailureInItsOwnWordsTest {
  @TempDir Path dir;
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();
  private final Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
  private final ListAppender<ILoggingEvent> log = new ListAppender<>();

  @BeforeEach
  void captureTheLog() {
    log.start();
    root.addAppender(log);
  }

  @AfterEach
  void releaseTheLog() {
    root.detachAppender(log);
  }

  private int extract(RuntimeException failure, Path page) {
    return extract(ignored -> {
      throw failure;
    }, page);
  }

  private int extract(Error failure, Path page) {
    return extract(ignored -> {
      throw failure;
    }, page);
  }

  private int extract(PageParser failing, Path page) {
    return new picocli.CommandLine(new ExtractCommand(new ByteArrayInputStream(new byte[0]),
        new PrintStream(out, true, UTF_8), new PrintStream(err, true, UTF_8), 1 << 20, parser -> failing))
        .execute(page.toString());
  }

  @Test
  void runningOutOfHeapOnAPageIsOneCrawlLineSayingToRaiseTheHeap() throws IOException {
    Path page = Files.writeString(dir.resolve("dom.html"), "<p>a</p>");

    assertThat(extract(new OutOfMemoryError("Java heap space"), page)).isEqualTo(1);

    assertThat(JsonMapper.builder().build().readTree(out.toString(UTF_8)).get("error").get("type").asString())
        .isEqualTo("internal");
    assertThat(err.toString(UTF_8)).isEqualTo("crawl: " + page + ": internal error: OutOfMemoryError: Java heap"
        + " space (the page is too large for the heap: raise it with CRAWLPIPE_HEAP, e.g. CRAWLPIPE_HEAP=4g)\n");
    assertThat(log.list).noneMatch(e -> e.getLevel().isGreaterOrEqual(Level.WARN));
  }

  @Test
  void anyOtherInternalFailureIsSaidToBeABug() throws IOException {
    Path page = Files.writeString(dir.resolve("story.html"), "<p>a</p>");

    assertThat(extract(new IllegalStateException("boom"), page)).isEqualTo(1);

    assertThat(err.toString(UTF_8))
        .isEqualTo("crawl: " + page + ": internal error: IllegalStateException: boom (a bug in crawlpipe)\n");
    assertThat(log.list).noneMatch(e -> e.getLevel().isGreaterOrEqual(Level.WARN));
  }
}
