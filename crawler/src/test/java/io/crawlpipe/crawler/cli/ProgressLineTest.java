package io.crawlpipe.crawler.cli;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import io.crawlpipe.crawler.CrawlStats;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.slf4j.LoggerFactory;

/** The progress line on a terminal: log lines above it, results on the same terminal, a narrow terminal. */
@Timeout(60)
class ProgressLineTest extends GatedSiteTestBase {
  private static final String ERASE = "\r\033[K";

  @Test
  void aLogLineErasesTheProgressLineAndTheLineIsDrawnAgainBelowIt() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    PrintStream err = new PrintStream(bytes, true, StandardCharsets.UTF_8);
    Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    try (ProgressLine line = ProgressLine.start(err, new CrawlStats(), () -> 40, 0,
        new ProgressLine.Screen(true, 80))) {
      LoggerFactory.getLogger("io.crawlpipe.test").warn("worker 1 was killed by signal 9");
      assertThat(root.getAppender("STDERR")).as("the console appender, taken off while the line is shown").isNull();
    }
    assertThat(root.getAppender("STDERR")).as("given back").isNotNull();

    String shown = bytes.toString(StandardCharsets.UTF_8);
    int logged = shown.lastIndexOf(ERASE, shown.indexOf("worker 1 was killed")) + ERASE.length();
    assertThat(shown.substring(0, logged)).as(shown).startsWith("\rcrawl: 0/40 URLs").endsWith("\033[K" + ERASE);
    String after = shown.substring(logged);
    assertThat(after.substring(0, after.indexOf('\n'))).contains(" WARN ")
        .endsWith("worker 1 was killed by signal 9").doesNotContain("\r");
    assertThat(after.substring(after.indexOf('\n') + 1)).as("drawn again, then erased on close")
        .startsWith("\rcrawl: 0/40 URLs").endsWith(ERASE);
  }

  @Test
  void theLineIsCutToTheWidthThatColumnsGives() throws IOException {
    Path urls = Files.write(dir.resolve("urls.txt"), site.list(3, 0));
    CliRunner narrow = new CliRunner(Clock.systemUTC(), true);
    narrow.variables.put("COLUMNS", "30");
    assertThat(narrow.run("--out", dir.resolve("a.jsonl").toString(), urls.toString())).isZero();
    String shown = narrow.stderr();
    assertThat(shown).startsWith("\rcrawl: 0/");
    String progress = shown.substring(0, shown.lastIndexOf(ERASE));
    // (log lines, if an earlier test left the log at DEBUG, stand between the drawings)
    assertThat(Arrays.stream(progress.split("\r")).map(s -> s.replace("\033[K", ""))
        .filter(s -> s.startsWith("crawl: "))).as(shown)
        .isNotEmpty().allMatch(drawn -> drawn.length() <= 29).anyMatch(drawn -> drawn.length() == 29);
  }

  @Test
  void noProgressLineIsDrawnWhenTheResultsGoToStdoutOnTheSameTerminal() throws IOException {
    Path urls = Files.write(dir.resolve("urls.txt"), site.list(3, 0));
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    Terminal both = new Terminal() {
      @Override
      public boolean interactive() {
        return true;
      }

      // (no @Override: the test is to compile, and fail, without the method)
      public boolean sharesStdout() {
        return true;
      }
    };
    RunEnvironment env = new RunEnvironment(Clock.systemUTC(), both, new ManualSignals(), code -> { }, name -> null);
    assertThat(Main.run(new String[] {"--out", "-", urls.toString()}, new ByteArrayInputStream(new byte[0]),
        new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8), env))
        .isZero();
    assertThat(out.toString(StandardCharsets.UTF_8).lines()).hasSize(3);
    assertThat(err.toString(StandardCharsets.UTF_8)).doesNotContain("\r").startsWith("crawl: 3 URLs, 3 ok");

    ByteArrayOutputStream logged = new ByteArrayOutputStream();
    ByteArrayOutputStream err2 = new ByteArrayOutputStream();
    assertThat(Main.run(new String[] {"--log", "/dev/stdout", "--out", dir.resolve("r.jsonl").toString(),
        urls.toString()}, new ByteArrayInputStream(new byte[0]), new PrintStream(logged, true, StandardCharsets.UTF_8),
        new PrintStream(err2, true, StandardCharsets.UTF_8), env)).isZero();
    assertThat(logged.toString(StandardCharsets.UTF_8)).as("the log on stdout").contains("run finished exit=0");
    assertThat(err2.toString(StandardCharsets.UTF_8)).as("no line the log would be written into").doesNotContain("\r");
  }

  @Test
  void noProgressLineIsDrawnWhenTheResultsGoToAFileOnStderrsTerminal() throws IOException {
    Path urls = Files.write(dir.resolve("urls.txt"), site.list(3, 0));
    Path tty = dir.resolve("tty");  // a regular file the terminal below takes for stderr's, as /dev/tty is
    Terminal terminal = new Terminal() {
      @Override
      public boolean interactive() {
        return true;
      }

      // (no @Override: the test is to compile, and fail, without the method)
      public boolean sharesFile(Path file) {
        return file.equals(tty);
      }
    };
    RunEnvironment env = new RunEnvironment(Clock.systemUTC(), terminal, new ManualSignals(), code -> { }, name -> null);
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    assertThat(Main.run(new String[] {"--out", tty.toString(), urls.toString()}, new ByteArrayInputStream(new byte[0]),
        new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8), env)).isZero();
    assertThat(Files.readAllLines(tty)).hasSize(3);
    assertThat(err.toString(StandardCharsets.UTF_8)).doesNotContain("\r").startsWith("crawl: 3 URLs, 3 ok");
  }

  @Test
  void withoutDeviceNumbersDevTtyIsTakenForTheSameScreenAsAnyTerminal() {
    assertThat(Terminal.sameScreen("/dev/pts/0", "/dev/pts/0")).isTrue();
    assertThat(Terminal.sameScreen("/dev/pts/0", "/dev/tty")).as("--out - > /dev/tty").isTrue();
    assertThat(Terminal.sameScreen("/dev/tty", "/dev/pts/0")).as("--out - 2> /dev/tty").isTrue();
    assertThat(Terminal.sameScreen("/dev/pts/0", "/dev/pts/1")).isFalse();
    assertThat(Terminal.sameScreen("/dev/tty", null)).as("stdout not a terminal").isFalse();
  }

  @Test
  void noProgressLineIsDrawnOnADumbTerminal() {
    Terminal terminal = () -> true;
    RunEnvironment dumb = new RunEnvironment(Clock.systemUTC(), terminal, new ManualSignals(), code -> { },
        name -> name.equals("TERM") ? "dumb" : null);
    RunEnvironment xterm = new RunEnvironment(Clock.systemUTC(), terminal, new ManualSignals(), code -> { },
        name -> name.equals("TERM") ? "xterm-256color" : null);
    assertThat(ProgressLine.Screen.of(dumb, false, null, null).visible()).isFalse();
    assertThat(ProgressLine.Screen.of(xterm, false, null, null).visible()).isTrue();
  }

  @Test
  void aRunWarningWhileTheLineIsShownIsPrintedAboveIt() throws IOException {
    Path urls = Files.write(dir.resolve("urls.txt"), site.list(3, 0));
    String out = dir.resolve("r.jsonl").toString();
    assertThat(new CliRunner().run("--out", out, urls.toString())).isZero();
    CliRunner terminal = new CliRunner(Clock.systemUTC(), true);

    assertThat(terminal.run("--resume", "--out", out, urls.toString())).isZero();

    String shown = terminal.stderr();
    int warning = shown.indexOf("crawl: warning: --resume: every URL of the list already has a line");
    assertThat(shown).as("drawn before the warning").startsWith("\rcrawl: 3/");
    assertThat(shown.substring(0, warning)).as(shown).endsWith("\033[K" + ERASE);
  }
}
