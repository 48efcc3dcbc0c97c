package io.crawlpipe.crawler.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * {@code --help}, {@code --version} and {@code extract --help} written to a stdout that fails ({@code
 * > /dev/full}, a closed pipe) end with exit 3 and one line on stderr, as results stdout does not
 * take do, instead of exit 0 with nothing said.
 */
class HelpThatStdoutDoesNotTakeTest {
  private static final String LINE = "crawl: cannot write to stdout: write failed (a closed pipe, or a full disk?)\n";
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  private int runOnAFullStdout(String... args) {
    PrintStream full = new PrintStream(new OutputStream() {
      @Override
      public void write(int b) throws IOException {
        throw new IOException("No space left on device");
      }
    }, true, StandardCharsets.UTF_8);
    return Main.run(args, new ByteArrayInputStream(new byte[0]), full, new PrintStream(err, true, StandardCharsets.UTF_8));
  }

  @Test
  void helpOnAFullStdoutIsExitThreeWithOneLine() {
    assertThat(runOnAFullStdout("--help")).isEqualTo(3);
    assertThat(err.toString(StandardCharsets.UTF_8)).isEqualTo(LINE);
  }

  @Test
  void theVersionOnAFullStdoutIsExitThreeWithOneLine() {
    assertThat(runOnAFullStdout("--version")).isEqualTo(3);
    assertThat(err.toString(StandardCharsets.UTF_8)).isEqualTo(LINE);
  }

  @Test
  void extractsHelpOnAFullStdoutIsExitThreeWithOneLine() {
    assertThat(runOnAFullStdout("extract", "--help")).isEqualTo(3);
    assertThat(err.toString(StandardCharsets.UTF_8)).isEqualTo(LINE);
  }

  @Test
  void helpOnAWorkingStdoutIsStillExitZero() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    assertThat(Main.run(new String[] {"--help"}, new ByteArrayInputStream(new byte[0]),
        new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8))).isZero();
    assertThat(out.toString(StandardCharsets.UTF_8)).contains("--out");
    assertThat(err.toString(StandardCharsets.UTF_8)).isEmpty();
  }
}
