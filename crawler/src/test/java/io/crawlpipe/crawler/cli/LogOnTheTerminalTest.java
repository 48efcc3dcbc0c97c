package io.crawlpipe.crawler.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.crawlpipe.crawler.CrawlStats;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.slf4j.LoggerFactory;

/**
 * A {@code --log} that ends on the terminal the progress line is drawn on: through the run's
 * stderr ({@code /dev/stderr}) its lines go above the line, as the default log's do; on a terminal
 * device named otherwise that is stderr's terminal ({@code /dev/tty}, {@code /dev/pts/N}), as
 * {@link Terminal#sharesFile} tells it, no progress line is drawn.
 */
@Timeout(60)
class LogOnTheTerminalTest extends GatedSiteTestBase {
  /** A log line written straight after a drawn progress line's erase-to-end, not after {@code \r}. */
  private static final Pattern GLUED = Pattern.compile("[^\r]\033\\[K\\d{4}-\\d\\d-\\d\\dT");

  @Test
  void aLogOnDevStderrGoesAboveTheProgressLine() throws IOException {
    Path list = Files.write(dir.resolve("three.txt"), site.list(3, 0));
    CliRunner cli = new CliRunner(Clock.systemUTC(), true);
    assertThat(cli.run("-v", "--log", "/dev/stderr", "--out", dir.resolve("r.jsonl").toString(), list.toString()))
        .isZero();
    String shown = cli.stderr();
    assertThat(shown).as(shown).contains("\rcrawl: 0/3 URLs").contains(" DEBUG ");
    assertThat(GLUED.matcher(shown).find()).as(shown).isFalse();
  }

  @Test
  void aLogLineWrittenWhileTheLineIsShownComesThroughIt() throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    PrintStream err = new PrintStream(bytes, true, StandardCharsets.UTF_8);
    try (LogFile log = LogFile.to(err, StandardStream.STDERR, line -> { });
        ProgressLine line = ProgressLine.start(err, new CrawlStats(), () -> 40, 0, new ProgressLine.Screen(true, 80))) {
      LoggerFactory.getLogger(LogFile.RUN_LOGGER).warn("a warning while the line is shown");
    }
    String shown = bytes.toString(StandardCharsets.UTF_8);
    assertThat(shown).as(shown).startsWith("\rcrawl: 0/40 URLs").contains("a warning while the line is shown");
    assertThat(GLUED.matcher(shown).find()).as(shown).isFalse();
  }

  @Test
  void aLogOnATerminalDeviceShowsNoProgressLine() throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    PrintStream err = new PrintStream(bytes, true, StandardCharsets.UTF_8);
    List<String> warnings = new ArrayList<>();
    try (LogFile log = LogFile.open(Path.of("/dev/null"), true, true, warnings::add);
        ProgressLine line = ProgressLine.start(err, new CrawlStats(), () -> 40, 0, new ProgressLine.Screen(true, 80))) {
      LoggerFactory.getLogger(LogFile.RUN_LOGGER).warn("a warning on the terminal");
    }
    assertThat(bytes.toString(StandardCharsets.UTF_8)).isEmpty();
    assertThat(warnings).isEmpty();
  }

  @Test
  void aLogOnStderrsTerminalAsTheTerminalTellsItShowsNoProgressLine() throws IOException {
    Path list = Files.write(dir.resolve("three.txt"), site.list(3, 0));
    Path screen = Path.of("/dev/null"); // a device the terminal below takes for stderr's, as /dev/tty would be
    Terminal terminal = new Terminal() {
      @Override
      public boolean interactive() {
        return true;
      }

      @Override
      public boolean sharesFile(Path file) {
        return file.equals(screen);
      }
    };
    RunEnvironment env = new RunEnvironment(Clock.systemUTC(), terminal, new ManualSignals(), code -> { }, name -> null);
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    assertThat(Main.run(new String[] {"--log", screen.toString(), "--out", dir.resolve("r.jsonl").toString(),
        list.toString()}, new ByteArrayInputStream(new byte[0]), new PrintStream(new ByteArrayOutputStream(), true,
        StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8), env)).isZero();
    assertThat(err.toString(StandardCharsets.UTF_8)).doesNotContain("\r").startsWith("crawl: 3 URLs, 3 ok");
  }

  @Test
  void terminalDevicesAreToldByTheNameTheyResolveTo() throws IOException {
    Path link = Files.createSymbolicLink(dir.resolve("term"), Path.of("/dev/tty"));
    assertThat(LogFile.terminalDevice(link)).isTrue();
    assertThat(LogFile.terminalDevice(Path.of("/dev/tty"))).isTrue();
    assertThat(LogFile.terminalDevice(Path.of("/dev/null"))).isFalse();
    assertThat(LogFile.terminalDevice(urls)).isFalse();
  }
}
