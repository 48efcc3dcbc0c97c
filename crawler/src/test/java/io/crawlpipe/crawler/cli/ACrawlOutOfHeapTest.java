package io.crawlpipe.crawler.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A crawl whose heap runs out (a list of more distinct lines than the heap's de-duplication table
 * can hold, say) ends with exit 70 and one line saying what to do: raise {@code CRAWLPIPE_HEAP},
 * and, when the results go to a file, that {@code --resume} continues from the lines written. The
 * error comes from the list's reads here; exhausting a real heap would take the test's JVM down.
 */
class ACrawlOutOfHeapTest {
  private static final String FATAL = "crawl: fatal error: java.lang.OutOfMemoryError: Java heap space";
  private static final long MIB = 1024 * 1024;

  @TempDir Path dir;
  private final CliRunner cli = new CliRunner();

  private static InputStream listThatRunsOutOfHeap() {
    return CliRunner.stdinThatThrows(new OutOfMemoryError("Java heap space"));
  }

  @Test
  void aCrawlIntoAFileNamesTheHeapSettingAndSaysResumeContinues() {
    cli.variables.put("CRAWLPIPE_HEAP", "24m");

    assertThat(cli.run(listThatRunsOutOfHeap(), "--out", dir.resolve("r.jsonl").toString(), "-")).isEqualTo(70);
    assertThat(cli.stderr().strip()).isEqualTo(FATAL + " (the heap, CRAWLPIPE_HEAP=24m, is too small for this run:"
        + " raise it, e.g. CRAWLPIPE_HEAP=128m; the lines written so far are kept, and --resume with the larger heap"
        + " continues the run)");
  }

  @Test
  void aCrawlOnStandardOutputIsNotToldToResume() {
    cli.variables.put("CRAWLPIPE_HEAP", "1g");

    assertThat(cli.run(listThatRunsOutOfHeap(), "-q", "--out", "-", "-")).isEqualTo(70);
    assertThat(cli.stderr().strip()).isEqualTo(FATAL + " (the heap, CRAWLPIPE_HEAP=1g, is too small for this run:"
        + " raise it, e.g. CRAWLPIPE_HEAP=4g)");
  }

  @Test
  void withoutCrawlpipeHeapTheHintNamesTheJvmsMaximumHeapInWholeMebibytes() {
    assertThat(OutOfMemoryHints.hint(null, 1984 * MIB - 5, "--resume")).isEqualTo(" (the heap, at most 1984m, is too small"
        + " for this run: raise it with CRAWLPIPE_HEAP, e.g. CRAWLPIPE_HEAP=7936m; the lines written so far are kept,"
        + " and --resume with the larger heap continues the run)");
    // a value the launcher would have refused is not the heap: the JVM's maximum is named instead
    assertThat(OutOfMemoryHints.hint("lots", 64 * MIB, null))
        .isEqualTo(" (the heap, at most 64m, is too small for this run: raise it with CRAWLPIPE_HEAP, e.g. CRAWLPIPE_HEAP=256m)");
  }

  @Test
  void theHeapToTryIsFourTimesAsMuchAtLeast128mAndAtMostTheLaunchersLimit() {
    // a --resume holds the finished lines' URLs too: twice the heap that ran out was not always enough
    assertThat(OutOfMemoryHints.hint("24m", 24 * MIB, null)).contains("e.g. CRAWLPIPE_HEAP=128m)");
    assertThat(OutOfMemoryHints.hint("100m", 100 * MIB, null)).contains("e.g. CRAWLPIPE_HEAP=400m)");
    assertThat(OutOfMemoryHints.hint("512k", MIB / 2, null)).contains("e.g. CRAWLPIPE_HEAP=128m)");
    assertThat(OutOfMemoryHints.hint("3000g", 3000L << 30, null)).contains("e.g. CRAWLPIPE_HEAP=4096g)");
  }

  @Test
  void anAppendingCrawlIsToldToAppendAndResume() {
    cli.variables.put("CRAWLPIPE_HEAP", "64m");

    assertThat(cli.run(listThatRunsOutOfHeap(), "--append", "--out", dir.resolve("r.jsonl").toString(), "-")).isEqualTo(70);
    assertThat(cli.stderr().strip()).endsWith("e.g. CRAWLPIPE_HEAP=256m; the lines written so far are kept, and"
        + " --append --resume with the larger heap continues the run)");
  }

  @Test
  void theJvmsOneErrorAddedToItselfIsStillReportedAsOutOfHeap() {
    // try-with-resources adding the JVM's preallocated error to itself throws this in its place
    cli.variables.put("CRAWLPIPE_HEAP", "24m");
    IllegalArgumentException selfSuppression = new IllegalArgumentException("Self-suppression not permitted",
        new OutOfMemoryError("Java heap space"));

    assertThat(cli.run(CliRunner.stdinThatThrows(selfSuppression), "--out", dir.resolve("r.jsonl").toString(), "-"))
        .isEqualTo(70);
    assertThat(cli.stderr().strip()).isEqualTo(FATAL + " (the heap, CRAWLPIPE_HEAP=24m, is too small for this run:"
        + " raise it, e.g. CRAWLPIPE_HEAP=128m; the lines written so far are kept, and --resume with the larger heap"
        + " continues the run)");
  }

  @Test
  void anotherErrorStillPointsAtVerbose() {
    InputStream broken = CliRunner.stdinThatThrows(new StackOverflowError());

    assertThat(cli.run(broken, "--out", dir.resolve("r.jsonl").toString(), "-")).isEqualTo(70);
    assertThat(cli.stderr().strip()).isEqualTo("crawl: fatal error: java.lang.StackOverflowError (run with -v for details)");
  }
}
