package io.crawlpipe.crawler.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.crawlpipe.crawler.Conditions;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A file given to {@code --rules} or {@code --ca-cert} is read before the run listens for stop
 * signals; a named pipe with no writer waits in the operating system there. A signal then ends
 * the process with one line and the signal's exit code, leaving nothing behind, instead of being
 * recorded for a run that never comes.
 */
class ASignalWhileReadingAnOptionFileTest {
  @TempDir Path dir;
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();
  private final AtomicInteger halted = new AtomicInteger(-1);

  private RunEnvironment env(StopSignals signals) {
    return new RunEnvironment(Clock.system(ZoneId.of("UTC")), () -> false, signals, code -> {
      halted.set(code);
      throw new Halted();
    }, name -> null);
  }

  private Thread start(EarlySignals early, String... args) {
    Thread run = Thread.ofPlatform().daemon().start(() -> {
      try {
        Main.run(args, new ByteArrayInputStream(new byte[0]), new PrintStream(new ByteArrayOutputStream(), true,
            StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8), env(early));
      } catch (Halted expected) {
        // the run's own halt; not expected here, where the signal comes while the file is opened
      }
    });
    return run;
  }

  private Path fifo(String name) throws IOException, InterruptedException {
    Path fifo = dir.resolve(name);
    Process mkfifo = new ProcessBuilder("mkfifo", fifo.toString()).start();
    Assumptions.assumeTrue(mkfifo.waitFor() == 0, "mkfifo is needed for this test");
    return fifo;
  }

  /**
   * Whether {@code thread} waits in the operating system's open of a file (a native method named
   * open..., the JDK's {@code UnixNativeDispatcher.open0}) under {@link OptionFileReads}: not in the
   * checks before it ({@code stat}, also native), where a signal would come before the read's handler.
   */
  private static boolean opening(Thread thread) {
    StackTraceElement[] frames = thread.getStackTrace();
    return frames.length > 0 && frames[0].isNativeMethod() && frames[0].getMethodName().startsWith("open")
        && Arrays.stream(frames).anyMatch(f -> f.getClassName().equals(OptionFileReads.class.getName()));
  }

  @ParameterizedTest
  @ValueSource(strings = {"--rules", "--ca-cert"})
  @Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
  void aSignalWhileANamedPipeGivenToAnOptionWaitsForItsWriterEndsTheProcess(String option) throws Exception {
    Path pipe = fifo("option.fifo");
    Path out = dir.resolve("out.jsonl");
    Path urls = Files.write(dir.resolve("urls.txt"), List.of("http://127.0.0.1:1/never"));
    ManualSignals os = new ManualSignals();
    Thread run = start(EarlySignals.start(os), option, pipe.toString(), "--out", out.toString(), urls.toString());
    Conditions.await(() -> opening(run));

    assertThatThrownBy(() -> os.send(StopCause.SIGTERM)).isInstanceOf(Halted.class);

    assertThat(halted.get()).isEqualTo(143);
    assertThat(err.toString(StandardCharsets.UTF_8).lines()).first()
        .isEqualTo("crawl: stopped by SIGTERM while reading " + option + " '" + pipe + "'; nothing was crawled");
    assertThat(out).doesNotExist();
    assertThat(dir.resolve("out.jsonl.lock")).doesNotExist();
    try (OutputStream writer = Files.newOutputStream(pipe)) {
      // lets the test's command thread, which a real halt would have ended, finish its read
    }
    run.join();
  }

  @Test
  void aSignalAfterAnOptionFileWasReadIsLeftForTheRun() throws IOException {
    Path urls = Files.write(dir.resolve("urls.txt"), List.of("http://127.0.0.1:1/never"));
    ManualSignals os = new ManualSignals();
    EarlySignals early = EarlySignals.start(os);
    StopSignals.Registration reading = early.installBeforeRun(cause -> { throw new AssertionError("not reading"); });
    reading.close();
    os.send(StopCause.SIGINT);
    Main.run(new String[] {"--out", dir.resolve("o.jsonl").toString(), urls.toString()},
        new ByteArrayInputStream(new byte[0]), new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8), env(early));
    assertThat(halted.get()).isEqualTo(130);
    assertThat(err.toString(StandardCharsets.UTF_8).lines()).first()
        .isEqualTo("crawl: stopped by SIGINT before the crawl started; nothing was crawled");
  }
}
