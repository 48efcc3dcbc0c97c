package io.crawlpipe.crawler.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A stop signal that comes before the run listens (while the JVM parses the arguments) is
 * recorded by {@link EarlySignals} and ends the run before its crawl, with one line and the
 * signal's exit code; one that no run ever hears ends the process with that code all the same.
 */
class ASignalBeforeTheRunTest {
  @TempDir Path dir;
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();
  private final AtomicInteger halted = new AtomicInteger(-1);

  private int run(EarlySignals early, String... args) {
    RunEnvironment env = new RunEnvironment(Clock.system(ZoneId.of("UTC")), () -> false, early, code -> {
      halted.set(code);
      throw new Halted();
    }, name -> null);
    return Main.run(args, new ByteArrayInputStream(new byte[0]), new PrintStream(new ByteArrayOutputStream(), true,
        StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8), env);
  }

  @Test
  void aSignalBeforeTheRunListensEndsItBeforeTheCrawlAndLeavesTheOutputAsItWas() throws IOException {
    ManualSignals os = new ManualSignals();
    EarlySignals early = EarlySignals.start(os);
    os.send(StopCause.SIGTERM);
    Path out = Files.writeString(dir.resolve("b.jsonl"), "{\"url\":\"http://127.0.0.1/old\",\"ok\":true}\n");
    Path urls = Files.write(dir.resolve("urls.txt"), List.of("http://127.0.0.1:1/never"));
    run(early, "--out", out.toString(), urls.toString());
    assertThat(halted.get()).isEqualTo(143);
    assertThat(err.toString(StandardCharsets.UTF_8).lines()).first()
        .isEqualTo("crawl: stopped by SIGTERM before the crawl started; nothing was crawled");
    assertThat(Files.readString(out)).isEqualTo("{\"url\":\"http://127.0.0.1/old\",\"ok\":true}\n");
    assertThat(dir.resolve("b.jsonl.partial")).doesNotExist();
    assertThat(dir.resolve("b.jsonl.lock")).doesNotExist();
    assertThat(early.undelivered()).isNull();
  }

  @Test
  void aSignalNoRunHeardEndsTheProcessWithItsCode() {
    ManualSignals os = new ManualSignals();
    EarlySignals early = EarlySignals.start(os);
    os.send(StopCause.SIGINT);
    assertThat(run(early, "--version")).isZero();
    assertThat(Main.unheardStop(early.undelivered(), 0, new PrintStream(err, true, StandardCharsets.UTF_8)))
        .isEqualTo(130);
    assertThat(err.toString(StandardCharsets.UTF_8))
        .isEqualTo("crawl: stopped by SIGINT before the crawl started; nothing was crawled\n");
    assertThat(Main.unheardStop(null, 2, System.err)).isEqualTo(2);
  }

  @Test
  void aSignalAfterTheRunStoppedListeningIsNotTakenForOneBeforeIt() {
    ManualSignals os = new ManualSignals();
    EarlySignals early = EarlySignals.start(os);
    List<StopCause> heard = new java.util.ArrayList<>();
    early.install(heard::add).close();
    os.send(StopCause.SIGTERM);
    assertThat(heard).isEmpty();
    assertThat(early.undelivered()).isNull();
  }
}
