package io.crawlpipe.crawler.process;

import java.io.InputStream;
import java.io.OutputStream;

/**
 * A worker process that is no process and whose stderr cannot be had: {@link WorkerProcess#start}
 * throws on it, after the pool admitted it. Killing it ends it (status 137). For tests of a launch
 * that fails midway.
 */
final class NoStderrProcess extends EndsWhenKilledProcess {
  NoStderrProcess() {
    super(4_200_000);
  }

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
}
