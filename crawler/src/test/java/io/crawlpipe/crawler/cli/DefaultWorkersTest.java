package io.crawlpipe.crawler.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.crawlpipe.crawler.LogCapture;
import io.crawlpipe.crawler.process.ProcessPoolSettings;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The WARN for more workers than URLs in flight is for a {@code --workers} the user gave, not for its default. */
@Timeout(60)
class DefaultWorkersTest {
  @TempDir Path dir;

  private List<String> poolWarnings(String... args) throws IOException {
    Path urls = Files.write(dir.resolve("urls.txt"), List.of("http://127.0.0.1:1/refused"));
    String[] all = java.util.stream.Stream.concat(List.of("--mode", "processes", "--worker-heap", "64m", "--ignore-robots",
        "--retries", "0", "-c", "1", "-o", dir.resolve("r.jsonl").toString()).stream(),
        java.util.stream.Stream.concat(List.of(args).stream(), java.util.stream.Stream.of(urls.toString())))
        .toArray(String[]::new);
    try (LogCapture log = LogCapture.debugOf("io.crawlpipe.crawler.process.WorkerPool")) {
      int code = Main.run(all, new ByteArrayInputStream(new byte[0]), new PrintStream(new ByteArrayOutputStream(), true,
          StandardCharsets.UTF_8), new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
      assertThat(code).isEqualTo(1);
      assertThat(Files.readAllLines(dir.resolve("r.jsonl"))).singleElement().asString().contains("\"connect\"");
      return log.lines().stream().filter(line -> line.contains("--concurrency")).toList();
    }
  }

  @Test
  void theDefaultWorkersAboveTheConcurrencyStartAsManyAsItWithoutAWarning() throws IOException {
    Assumptions.assumeTrue(ProcessPoolSettings.DEFAULT_WORKERS > 1, "needs more than one core");
    assertThat(poolWarnings()).isEmpty();
  }

  @Test
  void givenWorkersAboveTheConcurrencyAreStillWarnedAbout() throws IOException {
    assertThat(poolWarnings("--workers", "2")).singleElement().asString()
        .startsWith("--workers 2 is more than --concurrency 1: starting 1 worker processes");
  }
}
