package io.crawlpipe.crawler.process;

import java.io.InputStream;
import java.io.OutputStream;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * A worker process that is no process and whose stderr cannot be had: {@link WorkerProcess#start}
 * throws on it, after the pool admitted it. Killing it ends it (status 137). For tests of a launch
 * that fails midway.
 */
final class NoStderrProcess extends Process {
  private final CountDownLatch exited = new CountDownLatch(1);

  @Override
  public OutputStream getOutputStream() {
    return OutputStream.nullOutputStream();
  }

  @Override
  public InputStream getInputStream() {
    return InputStream.nullInputStream();
  }

  @Override
  public InputStream getErrorStream() {
    throw new IllegalStateException("no stderr");
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
    if (exited.getCount() > 0) throw new IllegalThreadStateException("running");
    return 137;
  }

  @Override
  public void destroy() {
    exited.countDown();
  }

  @Override
  public long pid() {
    return 4_200_000;
  }

  /** True once it was killed. */
  boolean ended() {
    return exited.getCount() == 0;
  }
}
