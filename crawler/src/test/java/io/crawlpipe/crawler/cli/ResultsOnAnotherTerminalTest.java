package io.crawlpipe.crawler.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Which terminal is the progress line's screen: results on another terminal than stderr's keep the
 * line, results on stderr's drop it, told by device numbers, {@code /dev/tty} being the controlling
 * terminal.
 */
@Timeout(180)
class ResultsOnAnotherTerminalTest extends GatedSiteTestBase {
  private static final long TTY = 5 << 8;
  private static final long PTS_3 = 136 << 8 | 3;
  private static final long PTS_5 = 136 << 8 | 5;
  /** A drawing of the progress line, which no other line of a run looks like. */
  private static final Pattern DRAWN = Pattern.compile("crawl: [0-9]+/([0-9]+|\\?) URLs");

  @Test
  void devTtyIsTheControllingTerminalAndOtherTerminalsAreToldApartByNumber() {
    assertThat(Terminal.sameScreen(PTS_3, TTY, PTS_3)).as("--out /dev/tty on stderr's terminal").isTrue();
    assertThat(Terminal.sameScreen(PTS_5, TTY, PTS_3)).as("--out /dev/tty 2>/dev/pts/5 from /dev/pts/3").isFalse();
    assertThat(Terminal.sameScreen(PTS_3, PTS_5, PTS_3)).as("--out /dev/pts/5 from /dev/pts/3").isFalse();
    assertThat(Terminal.sameScreen(PTS_5, PTS_5, PTS_3)).as("--out /dev/pts/5 2>/dev/pts/5").isTrue();
    assertThat(Terminal.sameScreen(TTY, PTS_3, PTS_3)).as("--out /dev/pts/3 2>/dev/tty").isTrue();
    assertThat(Terminal.sameScreen(TTY, TTY, 0)).as("no controlling terminal: unknown, not the same").isFalse();
    assertThat(Terminal.sameScreen(0, 0, PTS_3)).as("no device").isFalse();
  }

  @Test
  void theControllingTerminalIsTheSeventhFieldOfProcSelfStat() {
    assertThat(Terminal.controllingTerminal("4711 (java) S 1 4711 4711 34819 4711 4194304 0")).isEqualTo(34819);
    assertThat(Terminal.controllingTerminal("4711 (a) S b) S 1 4711 4711 0 -1 4194304")).as("a ') ' in the name")
        .isZero();
    assertThat(Terminal.controllingTerminal("4711 (java) S 1 4711 4711 -2147448829 -1"))
        .as("read as the unsigned 32 bits it is").isEqualTo(0x80008803L);
    assertThat(Terminal.controllingTerminal("4711 (java) S 1")).as("cut short").isEqualTo(-1);
    assertThat(Terminal.controllingTerminal("")).isEqualTo(-1);
  }

  /**
   * Two nested {@code script}s: the outer's terminal is {@code $A}; the crawl runs in the inner's,
   * its controlling terminal, and the outer's copy of both screens is what the test reads.
   */
  @Test
  void resultsOnAnotherTerminalKeepTheLineAndOnStderrsTerminalDropIt() throws Exception {
    assumeTrue(Files.isDirectory(Path.of("/proc/self/fd")) && scriptWorks(), "needs Linux and util-linux script");
    Path run = dir.resolve("run.sh");
    Files.writeString(run, "exec " + CrawlProcess.command().stream().map(ResultsOnAnotherTerminalTest::quoted)
        .collect(Collectors.joining(" ")) + " \"$@\"\n");

    assertThat(screens("sh run.sh --out /dev/tty urls.txt 2>$A")).as("stderr on another terminal than /dev/tty")
        .containsPattern(DRAWN);
    assertThat(screens("sh run.sh --out - urls.txt >/dev/tty 2>$A")).as("stdout on /dev/tty, stderr on another")
        .containsPattern(DRAWN);
    assertThat(screens("sh run.sh --out $A urls.txt")).as("results on another terminal").containsPattern(DRAWN);
    assertThat(screens("sh run.sh --out /dev/tty urls.txt")).as("results on stderr's terminal, as /dev/tty")
        .doesNotContainPattern(DRAWN).contains("crawl: 2 URLs, 2 ok");
    assertThat(screens("sh run.sh --out - urls.txt >/dev/tty")).as("stdout on stderr's terminal, as /dev/tty")
        .doesNotContainPattern(DRAWN).contains("crawl: 2 URLs, 2 ok");
  }

  /** What both terminals showed while {@code command} ran in the inner one, {@code $A} naming the outer. */
  private String screens(String command) throws IOException, InterruptedException {
    Path shown = dir.resolve("screens.txt");
    ProcessBuilder builder = new ProcessBuilder("script", "-qec",
        "export A=$(tty); exec script -qec '" + command + "' /dev/null", "/dev/null")
        .directory(dir.toFile()).redirectErrorStream(true).redirectOutput(shown.toFile())
        .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
    builder.environment().put("TERM", "xterm");
    builder.environment().remove("COLUMNS");
    Process process = builder.start();
    if (!process.waitFor(60, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new AssertionError("'" + command + "' did not end within 60 s: " + Files.readString(shown));
    }
    String screens = Files.readString(shown, StandardCharsets.UTF_8);
    assertThat(process.exitValue()).as(screens).isZero();
    return screens;
  }

  private static boolean scriptWorks() {
    try {
      Process probe = new ProcessBuilder("script", "-qec", "true", "/dev/null").redirectErrorStream(true)
          .redirectOutput(ProcessBuilder.Redirect.DISCARD)
          .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null"))).start();
      if (probe.waitFor(20, TimeUnit.SECONDS)) return probe.exitValue() == 0;
      probe.destroyForcibly();
      return false;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  private static String quoted(String word) {
    return "'" + word.replace("'", "'\\''") + "'";
  }
}
