package io.crawlpipe.crawler.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * Under a locale whose map is not UTF-8 ({@code LC_ALL=C}), the log's lines on stderr are encoded as
 * the run's own {@code crawl:} lines are, in stderr's charset, so that one stream has one encoding;
 * and a locale's map Java has no charset for (the JVM still names it in {@code stderr.encoding})
 * leaves the log's configuration working and stdout to the results. The child JVMs are given
 * {@code stderr.encoding} on their command line, as the JVM would set it from such a locale.
 */
class LogLinesOnStderrHaveItsEncodingTest {
  @Test
  void underAnAsciiStderrTheLogsLinesShowAQuestionMarkForACharacterItLacks(@TempDir Path dir) throws Exception {
    Run run = crawl(dir, "US-ASCII");
    assertThat(run.stdout()).hasSize(1).allMatch(line -> line.startsWith("{\"url\":"));
    assertThat(run.started()).contains("list=" + dir.resolve("liste-?.txt"));
  }

  @Test
  void aStderrEncodingJavaLacksLeavesStdoutToTheResultsAndTheLogInUtf8(@TempDir Path dir) throws Exception {
    // The JVM sets stderr.encoding to a locale's map it cannot encode in (hy_AM.ARMSCII-8) and writes UTF-8.
    Run run = crawl(dir, "ARMSCII-8");
    assertThat(run.stdout()).hasSize(1).allMatch(line -> line.startsWith("{\"url\":"));
    assertThat(run.started()).contains("list=" + dir.resolve("liste-\u00e9.txt"));
  }

  /** A child run's stdout lines and its log's {@code run started} line, read from its stderr as UTF-8. */
  private record Run(List<String> stdout, String started) {}

  /** Runs a crawl of one refused URL with {@code -v} in a child JVM whose stderr.encoding is {@code encoding}. */
  private static Run crawl(Path dir, String encoding) throws Exception {
    assumeTrue(Charset.forName(System.getProperty("sun.jnu.encoding")).equals(StandardCharsets.UTF_8),
        "file names are UTF-8 here");
    Path list = Files.writeString(dir.resolve("liste-\u00e9.txt"), "http://127.0.0.1:1/\n");
    CrawlProcess crawl = CrawlProcess.startWithJvmOptions(dir, List.of("-Dstderr.encoding=" + encoding),
        "-v", "--out", "-", list.toString());
    String started = crawl.awaitStderr("run started");
    crawl.exitCode();
    return new Run(Files.readAllLines(dir.resolve("child-stdout.txt"), StandardCharsets.UTF_8), started);
  }

  @Test
  void aLogWrittenThroughTheRunsStderrUsesThatStreamsCharset() throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    PrintStream err = new PrintStream(bytes, true, StandardCharsets.US_ASCII);
    try (LogFile ignored = LogFile.to(err, StandardStream.STDERR, warning -> { })) {
      LoggerFactory.getLogger("io.crawlpipe.test.charset").warn("rule \"r\u00e8gle\"");
    }
    err.print("crawl: rule \"r\u00e8gle\"\n");
    String written = bytes.toString(StandardCharsets.ISO_8859_1);
    assertThat(written).contains("WARN", "rule \"r?gle\"\ncrawl: rule \"r?gle\"\n").doesNotContain("\u00c3");
  }
}
