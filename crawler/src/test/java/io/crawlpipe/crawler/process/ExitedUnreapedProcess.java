package io.crawlpipe.crawler.process;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * A worker process that is no process, and that wrote {@code lastWords} to stderr and exited with
 * status 1 before its hello, but is not reaped yet: writing to its stdin fails (a broken pipe)
 * while it still counts as alive, until the parent waits for its exit ({@link #onExit()} or
 * {@link #waitFor(long, TimeUnit)}), which reaps it. As with a real process, killing it before
 * that closes its stderr unread. Thread-safe.
 */
final class ExitedUnreapedProcess extends EndsWhenKilledProcess {
  private final byte[] lastWords;
  private volatile boolean destroyed;

  ExitedUnreapedProcess(String lastWords) {
    super(4_300_000);
    this.lastWords = (lastWords + "\n").getBytes(StandardCharsets.UTF_8);
  }

  @Override
  public CompletableFuture<Process> onExit() {
    end();  // reaped: its stderr can be read to the end, and it is no longer alive
    return CompletableFuture.completedFuture(this);
  }

  @Override
  public boolean waitFor(long timeout, TimeUnit unit) throws InterruptedException {
    end();
    return true;
  }

  @Override
  public void destroy() {
    if (!ended()) destroyed = true;
    end();
  }

  @Override
  public int waitFor() throws InterruptedException {
    super.waitFor();
    return 1;
  }

  @Override
  public int exitValue() {
    super.exitValue();
    return 1;
  }

  @Override
  public OutputStream getOutputStream() {
    return new OutputStream() {
      @Override
      public void write(int b) throws IOException {
        throw new IOException("Broken pipe");
      }
    };
  }

  @Override
  public InputStream getInputStream() {
    return afterExit(new byte[0]);
  }

  @Override
  public InputStream getErrorStream() {
    return afterExit(lastWords);
  }

  /** A stream of {@code bytes} readable once the process is reaped; one killed before that reads as closed. */
  private InputStream afterExit(byte[] bytes) {
    InputStream rest = new ByteArrayInputStream(bytes);
    return firstThen(new byte[0], (b, off, len) -> {
      waitFor();
      if (destroyed) throw new IOException("Stream closed");
      return rest.read(b, off, len);
    });
  }
}
