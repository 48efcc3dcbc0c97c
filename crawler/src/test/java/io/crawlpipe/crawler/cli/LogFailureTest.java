package io.crawlpipe.crawler.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A {@code --log} target that fails mid-run is said once on stderr; logback alone would only record
 * it in its status list and stop logging. A separate thread for the timeout: opening a named pipe
 * cannot be interrupted.
 */
@Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class LogFailureTest extends GatedSiteTestBase {
  @Test
  void aStreamThatFailsIsSaidOnceNotOncePerLine() throws IOException {
    PrintStream broken = new PrintStream(new OutputStream() {
      @Override
      public void write(int b) throws IOException {
        throw new IOException("Broken pipe");
      }
    }, true);
    List<String> warnings = new CopyOnWriteArrayList<>();
    Logger run = LoggerFactory.getLogger(LogFile.RUN_LOGGER);
    try (LogFile log = LogFile.to(broken, StandardStream.STDOUT, warnings::add)) {
      run.info("first line");
      run.info("second line");
      run.warn("third line");
    }
    assertThat(warnings).containsExactly("crawl: warning: cannot write the log to 'stdout': "
        + "write failed (a closed pipe, or a full disk?); later log lines may be lost");
  }

  @Test
  void aNamedPipeWhoseReaderLeavesMidRunIsSaidOnceAndTheRunEndsNormally() throws Exception {
    Path fifo = dir.resolve("log.fifo");
    OutputPathsTest.makeFifoOrSkip(fifo);
    Path list = Files.write(dir.resolve("gated.txt"), site.list(1, 1));
    ExecutorService threads = Executors.newFixedThreadPool(2);
    try {
      Future<String> firstLine = threads.submit(() -> {
        try (BufferedReader reader = Files.newBufferedReader(fifo)) {
          return reader.readLine(); // then closes: the pipe has no reader any more
        }
      });
      CliRunner cli = new CliRunner();
      Future<Integer> crawl = threads.submit(() -> cli.run("-q", "--ignore-robots", "--log", fifo.toString(), "--out",
          dir.resolve("r.jsonl").toString(), list.toString()));
      assertThat(firstLine.get(30, TimeUnit.SECONDS)).contains("run started");
      assertThat(site.awaitGated(1)).isTrue();
      site.openGate(); // the run ends and logs "run finished" to the pipe nobody reads
      assertThat(crawl.get(30, TimeUnit.SECONDS)).isZero();
      assertThat(cli.stderr().lines()).containsExactly("crawl: warning: cannot write the log to '" + fifo
          + "': Broken pipe; later log lines may be lost");
      assertThat(Files.readAllLines(dir.resolve("r.jsonl"))).hasSize(2);
    } finally {
      threads.shutdownNow();
    }
  }
}
