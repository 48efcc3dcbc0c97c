package io.crawlpipe.crawler.process;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * A worker process that is no process, has the pid it was given, writes nothing to stderr unless a
 * fake says otherwise, and ends (status 137) when it is killed or {@link #end}s: the part the fake
 * workers of these tests share. Thread-safe.
 */
abstract class EndsWhenKilledProcess extends Process {
  private final CountDownLatch exited = new CountDownLatch(1);
  private final long pid;

  EndsWhenKilledProcess(long pid) {
    this.pid = pid;
  }

  @Override
  public final long pid() {
    return pid;
  }

  @Override
  public InputStream getErrorStream() {
    return InputStream.nullInputStream();
  }

  /** Ends it, as a kill does. */
  final void end() {
    exited.countDown();
  }

  /** True once it has ended. */
  final boolean ended() {
    return exited.getCount() == 0;
  }

  @Override
  public int waitFor() throws InterruptedException {
    exited.await();
    return 137;
  }

  @Override
  public boolean waitFor(long timeout, TimeUnit unit) throws InterruptedException {
    return exited.await(timeout, unit);
  }

  @Override
  public int exitValue() {
    if (!ended()) throw new IllegalThreadStateException("running");
    return 137;
  }

  @Override
  public void destroy() {
    end();
  }

  /** What a fake's stream does once its first bytes are read: waits for something, then reads on, ends (-1) or throws. */
  @FunctionalInterface
  interface Then {
    int read(byte[] b, int off, int len) throws IOException, InterruptedException;
  }

  /** The hello line a worker of {@code pid} writes first on stdout. */
  static byte[] hello(long pid) {
    return ("{\"type\":\"hello\",\"version\":" + ProtocolCodec.VERSION + ",\"pid\":" + pid + "}\n")
        .getBytes(StandardCharsets.UTF_8);
  }

  /** A stream that gives {@code first}, then does {@code then} for every read (an interrupt read as an IOException). */
  static InputStream firstThen(byte[] first, Then then) {
    InputStream start = new ByteArrayInputStream(first);
    return new InputStream() {
      @Override
      public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
      }

      @Override
      public int read(byte[] b, int off, int len) throws IOException {
        if (start.available() > 0) return start.read(b, off, len);
        try {
          return then.read(b, off, len);
        } catch (InterruptedException e) {
          throw new IOException(e);
        }
      }
    };
  }
}
