package io.crawlpipe.crawler.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.crawlpipe.crawler.process.ProcessPoolSettings;
import org.junit.jupiter.api.Test;

/** {@code crawl --help} and {@code crawl extract --help} name every bound and exit cause the docs list. */
class HelpStatesLimitsAndExitCausesTest {
  private static String help(String... args) {
    CliRunner cli = new CliRunner();
    assertThat(cli.run(args)).isZero();
    return cli.stdout().replaceAll("\\s+", " ");
  }

  @Test
  void theWorkersOptionGivesItsUpperBound() {
    assertThat(help("--help")).contains("worker JVMs, 1 to " + ProcessPoolSettings.MAX_WORKERS + ".");
  }

  @Test
  void exitTwoListsAChangedListAndWorkersThatCouldNotStart() {
    assertThat(help("--help")).contains("the list changed while it was read", "worker processes could not be started");
  }

  @Test
  void extractListsExitSeventyForAPageTooLargeForTheHeap() {
    assertThat(help("extract", "--help")).contains("70 internal error or a page too large for the heap");
  }
}
