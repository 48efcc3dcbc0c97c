package io.crawlpipe.crawler.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.crawlpipe.crawler.polite.RetrySettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --retry-backoff} and {@code --max-retry-wait}: a default never refuses the other option's
 * value the user gave, it yields to it (two values the user gave that conflict are refused: see
 * {@link OptionValidationTest}).
 */
@Timeout(30)
class RetryWaitDefaultsTest {
  @TempDir Path dir;

  @Test
  void aBackoffLongerThanTheDefaultCapRaisesTheCap() {
    PolitenessOptions options = new PolitenessOptions();
    options.retryBackoff = Duration.ofSeconds(45);
    assertThat(options.retry()).isEqualTo(new RetrySettings(2, Duration.ofSeconds(45), Duration.ofSeconds(45)));
    assertThat(new PolitenessOptions().retry()).as("neither given").isEqualTo(RetrySettings.DEFAULTS);
  }

  @Test
  void aCapShorterThanTheDefaultBackoffLowersTheBackoff() {
    PolitenessOptions options = new PolitenessOptions();
    options.maxRetryWait = Duration.ofMillis(500);
    assertThat(options.retry()).isEqualTo(new RetrySettings(2, Duration.ofMillis(500), Duration.ofMillis(500)));
  }

  @Test
  void aLongBackoffAloneIsAcceptedAndABareOneIsNamedInMinutes() throws IOException {
    Path invalid = Files.write(dir.resolve("invalid.txt"), List.of("not a url"));  // nothing fetched
    CliRunner typed = new CliRunner();
    assertThat(typed.run("--retry-backoff", "45s", "--out", dir.resolve("a.jsonl").toString(), invalid.toString()))
        .as(typed.stderr()).isEqualTo(1);
    assertThat(typed.stderr()).doesNotContain("invalid option");

    CliRunner bare = new CliRunner();
    assertThat(bare.run("--retry-backoff", "90", "--out", dir.resolve("b.jsonl").toString(), invalid.toString()))
        .as(bare.stderr()).isEqualTo(1);
    assertThat(bare.stderr().lines().filter(l -> l.startsWith("crawl: warning:"))).containsExactly(
        "crawl: warning: --retry-backoff 90 is 90 seconds (1 min 30 s); for milliseconds write 90ms");

    CliRunner cap = new CliRunner();
    assertThat(cap.run("--max-retry-wait", "200ms", "--out", dir.resolve("c.jsonl").toString(), invalid.toString()))
        .as(cap.stderr()).isEqualTo(1);
  }
}
