package io.crawlpipe.crawler.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The AOT training's work directory ({@code --work-dir}, which the launcher passes) that cannot hold
 * its temporary directory: one line naming the directory and the problem, exit 3, never the JDK's
 * bare name of the directory it tried ("crawl: aot-train: /nonexistent/crawlpipe-aot-123").
 */
class ATrainingWorkDirThatCannotBeUsedTest {
  @TempDir Path dir;

  @Test
  void aMissingWorkDirIsNamedWithItsProblem() {
    Path missing = dir.resolve("missing");
    CliRunner cli = new CliRunner();
    assertThat(cli.run("aot-train", "--work-dir", missing.toString())).isEqualTo(ExitCodes.IO);
    assertThat(cli.stderr()).isEqualTo("crawl: aot-train: cannot create a temporary directory in '" + missing
        + "': no such file or directory\n");
  }

  @Test
  void aWorkDirThatIsAFileIsNamedWithItsProblem() throws IOException {
    Path file = Files.writeString(dir.resolve("file"), "x");
    CliRunner cli = new CliRunner();
    assertThat(cli.run("aot-train", "--work-dir", file.toString())).isEqualTo(ExitCodes.IO);
    assertThat(cli.stderr()).startsWith("crawl: aot-train: cannot create a temporary directory in '" + file + "': ")
        .contains("not a directory").hasLineCount(1);
    assertThat(Files.readString(file)).isEqualTo("x");
  }
}
