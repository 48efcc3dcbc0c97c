package io.crawlpipe.crawler.cli;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** How {@code crawl extract} reads its pages: files, named pipes, devices and stdin, each bounded. */
class ExtractInputTest {
  @TempDir Path dir;
  private final JsonMapper json = JsonMapper.builder().build();
  private final CliRunner cli = new CliRunner();
  private final ExecutorService writers = Executors.newVirtualThreadPerTaskExecutor();

  @AfterEach
  void stopWriters() {
    writers.shutdownNow();
  }

  @Test
  @Timeout(value = 30, threadMode = Timeout.ThreadMode.SEPARATE_THREAD) // an open of the pipe ignores interrupts
  void aNamedPipeIsOpenedOnceSoThePageItsWriterSendsIsExtracted() throws Exception {
    Path fifo = dir.resolve("page.fifo");
    OutputPathsTest.makeFifoOrSkip(fifo);
    Future<?> writer = writers.submit(() -> Files.writeString(fifo, "<title>Piped</title>"));

    assertThat(cli.run("extract", "--content-type", "text/html", fifo.toString())).as(cli.stderr()).isZero();

    JsonNode line = json.readTree(cli.stdout());
    assertThat(line.get("title").asString()).isEqualTo("Piped");
    assertThat(line.get("bytes").asInt()).isEqualTo(20);
    writer.get();
  }

  @Test
  @Timeout(value = 30, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
  void aPipeOrDeviceIsReadUpToTheBoundAsStdinIsAndALargerPageIsOneLineAndExitTwo() throws Exception {
    Path fifo = dir.resolve("big.fifo");
    OutputPathsTest.makeFifoOrSkip(fifo);
    writers.submit(() -> Files.writeString(fifo, "<title>" + "x".repeat(100) + "</title>"));
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();

    assertThat(extractWithBound(64, out, err, fifo.toString())).isEqualTo(2);
    assertThat(out.toString(UTF_8)).isEmpty();
    assertThat(err.toString(UTF_8).strip()).isEqualTo("crawl: cannot read page '" + fifo
        + "': larger than 64 bytes, the largest body read");
  }

  @Test
  void aPageOverTheBoundWhoseTypeIsNotTextIsNotReadAndGetsItsUnsupportedContentLine() throws IOException {
    Path image = Files.write(dir.resolve("big.png"), new byte[100]);
    Path page = Files.writeString(dir.resolve("big.html"), "<title>" + "x".repeat(100) + "</title>");
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();

    assertThat(extractWithBound(64, out, err, "--content-type", "image/png", image.toString())).isEqualTo(1);
    assertThat(out.toString(UTF_8)).contains("\"bytes\":0").contains("\"unsupported_content\"");
    assertThat(extractWithBound(64, out, err, page.toString())).as("a text page is still bounded").isEqualTo(2);
  }

  @Test
  void stdinIsReadBeforeAnyLineIsPrintedSoAStdinThatCannotBeReadLeavesStdoutEmpty() throws IOException {
    Path page = Files.writeString(dir.resolve("page.html"), "<title>First</title>");
    InputStream directory = CliRunner.directoryOnStdin();

    assertThat(cli.run(directory, "extract", page.toString(), "-")).isEqualTo(2);
    assertThat(cli.stdout()).isEmpty();
    assertThat(cli.stderr().strip()).isEqualTo("crawl: cannot read page '-': is a directory");
  }

  @Test
  void runningOutOfMemoryOnAPageSaysToRaiseTheHeapNotToRunWithVerboseWhichExtractHasNot() {
    InputStream huge = CliRunner.stdinThatThrows(new OutOfMemoryError("Java heap space"));

    assertThat(cli.run(huge, "extract", "--content-type", "text/html", "-")).isEqualTo(70);
    assertThat(cli.stdout()).isEmpty();
    assertThat(cli.stderr().strip()).isEqualTo("crawl: fatal error: java.lang.OutOfMemoryError: Java heap space"
        + " (the page is too large for the heap: raise it with CRAWLPIPE_HEAP, e.g. CRAWLPIPE_HEAP=4g)");
  }

  @Test
  void anUnexpectedFailureIsNotToldToRunWithVerboseEither() {
    InputStream broken = CliRunner.stdinThatThrows(new IllegalStateException("boom"));

    assertThat(cli.run(broken, "extract", "-")).isEqualTo(70);
    assertThat(cli.stderr().strip())
        .isEqualTo("crawl: unexpected error: java.lang.IllegalStateException: boom (a bug in crawlpipe)");
  }

  /** Runs {@code crawl extract args} reading pages of at most {@code maxBytes}. */
  private static int extractWithBound(long maxBytes, ByteArrayOutputStream out, ByteArrayOutputStream err,
      String... args) {
    PrintStream stderr = new PrintStream(err, true, UTF_8);
    return new CommandLine(new ExtractCommand(new ByteArrayInputStream(new byte[0]),
        new PrintStream(out, true, UTF_8), stderr, maxBytes)).execute(args);
  }
}
