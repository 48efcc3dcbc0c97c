package io.crawlpipe.crawler.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import ch.qos.logback.classic.Logger;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.slf4j.LoggerFactory;

/**
 * The {@code --log} path is treated as {@code --out}'s: a link is followed, so the log rolls beside
 * the file it points to; a stream is written directly, appending, never rolled. A separate thread
 * for the timeout: opening a named pipe cannot be interrupted.
 */
@Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class LogPathTest extends GatedSiteTestBase {
  /** The size at which a log file rolls. */
  private static final long ROLL_SIZE = 10L * 1024 * 1024;
  private Path out;

  @BeforeEach
  void nameTheOutput() {
    out = dir.resolve("out/r.jsonl");
  }

  @Test
  void aSymlinkedLogRollsBesideTheFileItPointsToAndStaysALink() throws IOException {
    Path real = oversized(Files.createDirectories(dir.resolve("data")).resolve("real.log"));
    Path link = Files.createSymbolicLink(dir.resolve("crawl.log"), Path.of("data/real.log"));
    assertThat(new CliRunner().run("-q", "--log", link.toString(), "--out", out.toString(), urls.toString())).isZero();
    assertThat(Files.isSymbolicLink(link)).isTrue();
    assertThat(Files.readSymbolicLink(link)).isEqualTo(Path.of("data/real.log"));
    assertThat(Files.size(dir.resolve("data/real.log.1"))).isGreaterThan(ROLL_SIZE);
    assertThat(Files.readString(real)).contains("run started", "run finished exit=0");
    assertThat(dir.resolve("crawl.log.1")).doesNotExist();
  }

  @Test
  void aDanglingSymlinkAsLogCreatesTheFileItNamesWithItsDirectories() throws IOException {
    Path link = Files.createSymbolicLink(dir.resolve("crawl.log"), dir.resolve("later/new.log"));
    assertThat(new CliRunner().run("-q", "--log", link.toString(), "--out", out.toString(), urls.toString())).isZero();
    assertThat(Files.isSymbolicLink(link)).isTrue();
    assertThat(Files.readString(dir.resolve("later/new.log"))).contains("run finished exit=0");
  }

  @Test
  void aLogToANamedPipeReceivesTheRunLinesStaysAPipeAndStderrIsRestored() throws Exception {
    Path fifo = dir.resolve("log.fifo");
    OutputPathsTest.makeFifoOrSkip(fifo);
    ExecutorService reader = Executors.newSingleThreadExecutor();
    try {
      Future<String> received = reader.submit(() -> Files.readString(fifo));
      CliRunner cli = new CliRunner();
      assertThat(cli.run("-q", "--log", fifo.toString(), "--out", out.toString(), urls.toString())).isZero();
      assertThat(received.get(30, TimeUnit.SECONDS)).contains("run started", "run finished exit=0");
      assertThat(fifo).exists();
      assertThat(Files.isRegularFile(fifo)).isFalse();
      assertThat(names(dir)).containsExactlyInAnyOrder("urls.txt", "log.fifo", "out");
    } finally {
      reader.shutdownNow();
    }
    Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    assertThat(root.getAppender("STDERR")).isNotNull();
    assertThat(root.getAppender("FILE")).isNull();
  }

  @Test
  void aLogToAFileDescriptorPathIsAppendedToAndNeverRolled() throws IOException {
    Path cron = oversized(dir.resolve("cron.log"));
    long before = Files.size(cron);
    try (FileChannel open = FileChannel.open(cron, StandardOpenOption.WRITE, StandardOpenOption.APPEND)) {
      Path descriptor = OutputPathsTest.descriptorOf(cron);
      assumeTrue(descriptor != null, "needs /proc/self/fd");
      assertThat(new CliRunner().run("-q", "--log", descriptor.toString(), "--out", out.toString(), urls.toString()))
          .isZero();
      assertThat(Files.isSymbolicLink(descriptor)).isTrue();
    }
    assertThat(Files.size(cron)).isGreaterThan(before);
    assertThat(readFrom(cron, before - 2)).startsWith("x\n").contains("run started", "run finished exit=0");
    assertThat(names(dir)).containsExactlyInAnyOrder("urls.txt", "cron.log", "out");
  }

  @Test
  void aLogToDevNullIsWrittenDirectlyAndNeitherReplacedNorRolled() {
    Path devNull = Path.of("/dev/null");
    assumeTrue(Files.exists(devNull) && !Files.isRegularFile(devNull), "needs /dev/null");
    CliRunner cli = new CliRunner();
    assertThat(cli.run("-q", "--log", "/dev/null", "--stats", "/dev/null", "--out", out.toString(), urls.toString()))
        .isZero();
    assertThat(cli.stderr()).isEmpty();
    assertThat(Files.isRegularFile(devNull)).isFalse();
    assertThat(Path.of("/dev/null.1")).doesNotExist();
  }

  @Test
  void aLogToADescriptorThatIsNotOpenFailsAtTheStart() {
    assumeTrue(Files.isDirectory(Path.of("/dev/fd")), "needs /dev/fd");
    CliRunner cli = new CliRunner();
    assertThat(cli.run("--log", "/dev/fd/987", "--out", out.toString(), urls.toString())).isEqualTo(2);
    assertThat(cli.stderr().strip()).isEqualTo("crawl: cannot write log file '/dev/fd/987': no such file or directory");
    assertThat(site.requests("/fast/0")).isZero();
  }

  /** Makes {@code file} a sparse file just over the size at which a log rolls, ending in "x\n". */
  private static Path oversized(Path file) throws IOException {
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
      channel.write(ByteBuffer.wrap("x\n".getBytes(StandardCharsets.UTF_8)), ROLL_SIZE);
    }
    return file;
  }

  private static String readFrom(Path file, long position) throws IOException {
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
      ByteBuffer tail = ByteBuffer.allocate((int) (channel.size() - position));
      while (tail.hasRemaining() && channel.read(tail, position + tail.position()) >= 0) {
        // read until the buffer is full
      }
      return new String(tail.array(), StandardCharsets.UTF_8);
    }
  }

  private static List<String> names(Path directory) throws IOException {
    try (Stream<Path> files = Files.list(directory)) {
      return files.map(p -> p.getFileName().toString()).toList();
    }
  }
}
