package io.crawlpipe.crawler.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
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
}
