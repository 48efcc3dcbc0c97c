package io.crawlpipe.crawler.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * {@code crawl aot-train --help} answers, though the command is hidden: its usage errors point
 * there ("see 'crawl aot-train --help'").
 */
class TheTrainingRunsHelpAnswersTest {
  @Test
  void helpAndItsShortFormPrintTheUsageAndExitZero() {
    for (String help : new String[] {"--help", "-h"}) {
      CliRunner cli = new CliRunner();
      assertThat(cli.run("aot-train", help)).as(cli.stderr()).isZero();
      assertThat(cli.stdout()).contains("Usage:").contains("aot-train").contains("--help");
      assertThat(cli.stderr()).isEmpty();
    }
  }
}
