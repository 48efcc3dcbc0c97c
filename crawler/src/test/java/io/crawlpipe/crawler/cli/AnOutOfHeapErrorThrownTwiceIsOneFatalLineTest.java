package io.crawlpipe.crawler.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * When the heap runs out the JVM may throw one preallocated {@code OutOfMemoryError} from the run's
 * body and again from a resource's {@code close}; a {@code try}-with-resources then throws {@code
 * IllegalArgumentException("Self-suppression not permitted")}. That is still the run's one fatal
 * line, printed once, and its ERROR line in {@code --log}.
 */
@Timeout(60)
class AnOutOfHeapErrorThrownTwiceIsOneFatalLineTest {
  private static final String FATAL = "crawl: fatal error: java.lang.OutOfMemoryError: Java heap space";

  @TempDir Path dir;
  private final OutOfMemoryError outOfHeap = new OutOfMemoryError("Java heap space");
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  @Test
  void theSameErrorFromTheListAndFromClosingTheSignalsIsOneLine() throws Exception {
    StopSignals closeThrows = handler -> () -> {
      throw outOfHeap;
    };

    assertThat(run(closeThrows, CliRunner.stdinThatThrows(outOfHeap))).isEqualTo(ExitCodes.SOFTWARE);
    assertThat(err.toString(StandardCharsets.UTF_8).lines().filter(l -> l.startsWith(FATAL))).hasSize(1);
    assertThat(Files.readString(dir.resolve("c.log"))).contains("ERROR").contains("run ended exit=70");
  }

  @Test
  void theSameErrorFromReadingAndClosingTheListIsTheFatalLineAndTheLogsErrorLine() throws Exception {
    InputStream readAndCloseThrow = new InputStream() {
      @Override
      public int read() {
        throw outOfHeap;
      }

      @Override
      public void close() {
        throw outOfHeap;
      }
    };

    assertThat(run(handler -> () -> { }, readAndCloseThrow)).isEqualTo(ExitCodes.SOFTWARE);
    assertThat(err.toString(StandardCharsets.UTF_8).lines().filter(l -> l.startsWith(FATAL))).hasSize(1);
    assertThat(Files.readString(dir.resolve("c.log"))).contains("ERROR").contains("run ended exit=70");
  }

  private int run(StopSignals signals, InputStream stdin) {
    RunEnvironment env = new RunEnvironment(Clock.systemUTC(), () -> false, signals, code -> { }, name -> null);
    return Main.run(new String[] {"--out", dir.resolve("r.jsonl").toString(), "--log",
        dir.resolve("c.log").toString(), "-"}, stdin, new PrintStream(new ByteArrayOutputStream(), true,
        StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8), env);
  }
}
