package io.crawlpipe.crawler.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class WorkerStdoutTest {
  private static final byte[] UNKNOWN = "{\"type\":\"nonsense\"}\n".getBytes(StandardCharsets.UTF_8);

  @Test
  void aLineOfNoKnownTypeIsSkippedAndTheWorkerIsGoneOnceItsStdoutEnds() {
    ScriptedStdout process = new ScriptedStdout(concat(EndsWhenKilledProcess.hello(7), UNKNOWN,
        EndsWhenKilledProcess.hello(7)), null);
    List<String> events = read(process);
    assertThat(events).containsExactly("message Hello", "message Hello", "gone: was killed by signal 9");
  }

  @Test
  void aBugWhileReadingKillsTheWorkerAndSaysSoWhenItIsGone() {
    ScriptedStdout process = new ScriptedStdout(EndsWhenKilledProcess.hello(7), new IllegalStateException("boom"));
    List<String> events = read(process);
    assertThat(events).containsExactly("message Hello",
        "gone: could not be read, so it was killed: java.lang.IllegalStateException: boom");
    assertThat(process.ended()).isTrue();
  }

  /** Runs the reader on this thread, over a worker that was never started, and returns what it reported. */
  private static List<String> read(Process process) {
    WorkerProcess worker = new WorkerProcess(1, process, new ProtocolCodec(), 1 << 20, 64L << 20);
    List<String> events = new ArrayList<>();
    WorkerEvents recorder = new WorkerEvents() {
      @Override
      public void onMessage(WorkerProcess w, WorkerMessage message) {
        events.add("message " + message.getClass().getSimpleName());
      }

      @Override
      public void onGone(WorkerProcess w, String exit) {
        events.add("gone: " + exit);
      }
    };
    new WorkerStdout(worker, process, new ProtocolCodec(), 1 << 20, recorder).run();
    return events;
  }

  private static byte[] concat(byte[]... parts) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (byte[] part : parts) out.writeBytes(part);
    return out.toByteArray();
  }

  /** Its stdout gives {@code lines}, then throws {@code failure}, or, when null, ends as the process does. */
  private static final class ScriptedStdout extends EndsWhenKilledProcess {
    private final InputStream stdout;

    ScriptedStdout(byte[] lines, RuntimeException failure) {
      super(7);
      this.stdout = firstThen(lines, (b, off, len) -> {
        if (failure != null) throw failure;
        end();
        return -1;
      });
    }

    @Override
    public InputStream getInputStream() {
      return stdout;
    }

    @Override
    public OutputStream getOutputStream() {
      return OutputStream.nullOutputStream();
    }
  }
}
