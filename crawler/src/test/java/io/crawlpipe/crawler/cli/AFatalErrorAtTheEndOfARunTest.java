package io.crawlpipe.crawler.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.crawlpipe.crawler.CrawlConfig;
import io.crawlpipe.parser.DefaultPageParser;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * An {@link Error} after the crawl, while the run writes its stats file, ends the run as one
 * during it does: exit 70, the documented fatal line once on stderr (no stack trace), and an ERROR
 * line in the {@code --log} file naming the step, after the run's {@code run finished} line. The
 * results file is complete and in place, and the fatal line says so instead of pointing at {@code
 * --resume}. The failing step is injected ({@link RunEnding}).
 */
@Timeout(60)
class AFatalErrorAtTheEndOfARunTest {
  @TempDir Path dir;
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();
  private final AtomicInteger halted = new AtomicInteger(-1);

  /** Runs a one-line list (a line that is no URL: nothing is fetched) with --log and --stats. */
  private int run(RunEnding ending) throws IOException {
    Path list = Files.writeString(dir.resolve("urls.txt"), "not a url\n");
    RunSettings settings = new RunSettings(false, false, null, Duration.ofSeconds(5), null, FailOn.any(),
        dir.resolve("crawl.log").toString(), dir.resolve("s.json").toString());
    RunRequest request = new RunRequest(list.toString(), false, dir.resolve("r.jsonl").toString(), false, settings,
        null, List.of());
    RunEnvironment env = new RunEnvironment(Clock.systemUTC(), () -> false, new ManualSignals(), halted::set,
        name -> null);
    return new CrawlRun(CrawlConfig.builder().build(), new DefaultPageParser(), request, env,
        InputStream.nullInputStream(), new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8), ending).execute();
  }

  private static RunEnding statsThatThrow(Error error) {
    return new RunEnding((report, file, stream) -> {
      throw error;
    }, OutOfMemoryBackstop.AFTER_GRACE);
  }

  private String stderr() {
    return err.toString(StandardCharsets.UTF_8);
  }

  private String log() throws IOException {
    return Files.readString(dir.resolve("crawl.log"));
  }

  @Test
  void outOfHeapWhileWritingTheStatsFileIsTheFatalLineOnceAndAnErrorInTheLog() throws IOException {
    assertThat(run(statsThatThrow(new OutOfMemoryError("Java heap space")))).isEqualTo(70);

    assertThat(stderr()).containsOnlyOnce("crawl: fatal error: java.lang.OutOfMemoryError: Java heap space (the heap, at most ")
        .doesNotContain("\tat ");
    assertThat(stderr().lines().toList().getLast()).startsWith("crawl: fatal error: ");
    assertThat(log()).contains("run finished exit=1: ")
        .containsPattern("ERROR .* run ended exit=70: fatal error while writing the stats file '[^']*s\\.json':"
            + " java\\.lang\\.OutOfMemoryError: Java heap space\n");
    assertThat(dir.resolve("r.jsonl")).as("the results are complete, in place").isNotEmptyFile();
    assertThat(dir.resolve("r.jsonl.partial")).doesNotExist();
    assertThat(dir.resolve("s.json")).doesNotExist();
    assertThat(halted.get()).as("the run ended by itself").isEqualTo(-1);
  }

  @Test
  void outOfHeapOnceTheResultsAreCompleteSaysSoInsteadOfPointingAtResume() throws IOException {
    assertThat(run(statsThatThrow(new OutOfMemoryError("Java heap space")))).isEqualTo(70);

    assertThat(stderr()).containsOnlyOnce("; the results in " + dir.resolve("r.jsonl") + " are complete)\n")
        .doesNotContain("--resume").doesNotContain("the lines written so far");
  }

  @Test
  void anotherErrorThereIsTheFatalLineThatPointsAtVerbose() throws IOException {
    assertThat(run(statsThatThrow(new StackOverflowError()))).isEqualTo(70);

    assertThat(stderr()).containsOnlyOnce("crawl: fatal error: java.lang.StackOverflowError (run with -v for details)\n")
        .doesNotContain("\tat ");
    assertThat(log()).containsPattern("ERROR .* run ended exit=70: fatal error while writing the stats file '[^']*s\\.json':"
        + " java\\.lang\\.StackOverflowError\n");
  }
}
