package io.crawlpipe.crawler.cli;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.core.OutputStreamAppender;
import ch.qos.logback.core.encoder.LayoutWrappingEncoder;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * Under a locale whose map is not UTF-8 ({@code LC_ALL=C}), the log's lines on stderr are encoded as
 * the run's own {@code crawl:} lines are, in stderr's charset, so that one stream has one encoding.
 */
class LogLinesOnStderrHaveItsEncodingTest {
  @Test
  void theStderrAppenderEncodesInTheJvmsStderrEncoding() {
    LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
    OutputStreamAppender<?> stderr = (OutputStreamAppender<?>) context.getLogger(Logger.ROOT_LOGGER_NAME)
        .getAppender("STDERR");
    Charset expected = Charset.forName(System.getProperty("stderr.encoding"));
    assertThat(((LayoutWrappingEncoder<?>) stderr.getEncoder()).getCharset()).isEqualTo(expected);
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
