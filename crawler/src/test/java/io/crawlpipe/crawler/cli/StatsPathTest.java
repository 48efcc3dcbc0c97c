package io.crawlpipe.crawler.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
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
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The {@code --stats} path is treated as {@code --out}'s: links followed, streams written directly, clashes refused. */
@Timeout(60)
class StatsPathTest extends GatedSiteTestBase {
  private Path out;

  @BeforeEach
  void nameTheOutput() {
    out = dir.resolve("out/r.jsonl");
  }

  @Test
  void aSymlinkedStatsFileReplacesTheFileItPointsToAndStaysALink() throws IOException {
    Path real = Files.writeString(Files.createDirectories(dir.resolve("data")).resolve("real.json"), "old\n");
    Path link = Files.createSymbolicLink(dir.resolve("stats.json"), Path.of("data/real.json"));
    assertThat(new CliRunner().run("-q", "--stats", link.toString(), "--out", out.toString(), urls.toString())).isZero();
    assertThat(Files.isSymbolicLink(link)).isTrue();
    assertThat(Files.readString(real)).endsWith("}\n");
    assertThat(json(real).get("results").asLong()).isEqualTo(2);
    assertThat(temporaryFiles()).isEmpty();
  }

  @Test
  void aLinkPlantedAtTheTemporaryFileIsRemovedNotWrittenThrough() throws IOException {
    Path precious = Files.writeString(dir.resolve("precious.txt"), "precious\n");
    Path stats = dir.resolve("stats.json");
    Path planted = Files.createSymbolicLink(StatsReport.temporaryFile(stats), precious);
    assertThat(new CliRunner().run("-q", "--stats", stats.toString(), "--out", out.toString(), urls.toString())).isZero();
    assertThat(Files.readString(precious)).isEqualTo("precious\n");
    assertThat(Files.isSymbolicLink(stats)).isFalse();
    assertThat(json(stats).get("results").asLong()).isEqualTo(2);
    assertThat(planted).doesNotExist();
  }

  @Test
  void twoRunsSharingAStatsFileWriteDifferentTemporaryFiles() {
    Path stats = dir.resolve("stats.json");
    assertThat(StatsReport.temporaryFile(stats).getFileName().toString())
        .isEqualTo("stats.json." + ProcessHandle.current().pid() + ".tmp");
  }

  @Test
  void aDanglingSymlinkAsStatsCreatesTheFileItNames() throws IOException {
    Path link = Files.createSymbolicLink(dir.resolve("stats.json"), dir.resolve("later/new.json"));
    assertThat(new CliRunner().run("-q", "--stats", link.toString(), "--out", out.toString(), urls.toString())).isZero();
    assertThat(Files.isSymbolicLink(link)).isTrue();
    assertThat(json(dir.resolve("later/new.json")).get("ok").asLong()).isEqualTo(2);
  }

  @Test
  void statsToDevNullIsWrittenDirectlyBesideAnyOutput() {
    Path devNull = Path.of("/dev/null");
    assumeTrue(Files.exists(devNull) && !Files.isRegularFile(devNull), "needs /dev/null");
    CliRunner toStdout = new CliRunner();
    assertThat(toStdout.run("-q", "--out", "-", "--stats", "/dev/null", urls.toString())).isZero();
    assertThat(toStdout.stdout().lines()).hasSize(2);
    CliRunner toDevNull = new CliRunner();
    assertThat(toDevNull.run("-q", "--out", "/dev/null", "--stats", "/dev/null", urls.toString())).isZero();
    assertThat(toDevNull.stderr()).isEmpty();
    assertThat(Files.isRegularFile(devNull)).isFalse();
    assertThat(Path.of("/dev/null.tmp")).doesNotExist();
  }

  @Test
  void statsToANamedPipeReceivesTheJsonAndStaysAPipe() throws Exception {
    Path fifo = dir.resolve("stats.fifo");
    OutputPathsTest.makeFifoOrSkip(fifo);
    ExecutorService reader = Executors.newSingleThreadExecutor();
    try {
      Future<String> received = reader.submit(() -> Files.readString(fifo));
      assertThat(new CliRunner().run("-q", "--stats", fifo.toString(), "--out", out.toString(), urls.toString())).isZero();
      assertThat(JsonMapper.builder().build().readTree(received.get(30, TimeUnit.SECONDS)).get("results").asLong())
          .isEqualTo(2);
      assertThat(fifo).exists();
      assertThat(Files.isRegularFile(fifo)).isFalse();
      assertThat(temporaryFiles()).isEmpty();
    } finally {
      reader.shutdownNow();
    }
  }

  @Test
  void statsToAFileDescriptorPathAreAppendedToWhatItHolds() throws IOException {
    Path log = Files.writeString(dir.resolve("cron.log"), "earlier output\n");
    try (FileChannel open = FileChannel.open(log, StandardOpenOption.WRITE, StandardOpenOption.APPEND)) {
      Path descriptor = OutputPathsTest.descriptorOf(log);
      assumeTrue(descriptor != null, "needs /proc/self/fd");
      assertThat(new CliRunner().run("-q", "--stats", descriptor.toString(), "--out", out.toString(), urls.toString()))
          .isZero();
      assertThat(Files.isSymbolicLink(descriptor)).isTrue();
    }
    String text = Files.readString(log);
    assertThat(text).startsWith("earlier output\n{").endsWith("}\n");
    assertThat(JsonMapper.builder().build().readTree(text.substring(text.indexOf('{'))).get("ok").asLong()).isEqualTo(2);
  }

  @Test
  void aDescriptorThatIsNotOpenFailsAtTheStart() {
    assumeTrue(Files.isDirectory(Path.of("/dev/fd")), "needs /dev/fd");
    CliRunner cli = new CliRunner();
    assertThat(cli.run("--stats", "/dev/fd/987", "--out", out.toString(), urls.toString())).isEqualTo(2);
    assertThat(cli.stderr().strip()).isEqualTo("crawl: cannot write stats file '/dev/fd/987': no such file or directory");
    assertThat(site.requests("/fast/0")).isZero();
  }

  @Test
  void aStatsFileThatCannotBeRenamedIntoPlaceIsAWarningAndLeavesNoTemporaryFile() throws Exception {
    Path stats = dir.resolve("stats.json");
    Path list = Files.write(dir.resolve("gated.txt"), site.list(1, 1));
    ExecutorService runner = Executors.newSingleThreadExecutor();
    try {
      CliRunner cli = new CliRunner();
      Future<Integer> run = runner.submit(() -> cli.run("-q", "--stats", stats.toString(), "--out", out.toString(),
          list.toString()));
      assertThat(site.awaitGated(1)).isTrue();
      // checked writable at the start; now a directory is in the way of the rename at the end
      Files.writeString(Files.createDirectories(stats).resolve("keep"), "x");
      site.openGate();
      assertThat(run.get(30, TimeUnit.SECONDS)).isZero();
      assertThat(cli.stderr().strip()).isEqualTo("crawl: warning: cannot write stats file '" + stats
          + "': is a directory");
      assertThat(temporaryFiles()).isEmpty();
      assertThat(stats.resolve("keep")).hasContent("x");
      assertThat(Files.readAllLines(out)).hasSize(2);
    } finally {
      runner.shutdownNow();
    }
  }

  @Test
  void statsLinkedToTheResultsOrTheLogIsRefusedAsTheSameFile() throws IOException {
    Path results = Files.writeString(dir.resolve("r.jsonl"), "old\n");
    Path outLink = Files.createSymbolicLink(dir.resolve("latest.jsonl"), Path.of("r.jsonl"));
    Path statsLink = Files.createSymbolicLink(dir.resolve("s.json"), Path.of("r.jsonl"));
    refused("--stats and --out name the same file '" + results + "'", "--out", outLink, "--stats", statsLink);
    refused("--stats and --out name the same file '" + results + "'", "--out", results, "--stats", statsLink);
    Path dangling = Files.createSymbolicLink(dir.resolve("d.json"), Path.of("new.jsonl"));
    refused("--stats and --out name the same file '" + dir.resolve("new.jsonl") + "'",
        "--out", dir.resolve("new.jsonl"), "--stats", dangling);
    Path log = Files.writeString(dir.resolve("crawl.log"), "");
    Path toLog = Files.createSymbolicLink(dir.resolve("l.json"), Path.of("crawl.log"));
    refused("--stats and --log name the same file '" + log + "'", "--log", log, "--stats", toLog, "--out", out);
    Files.createDirectories(dir.resolve("real"));
    Path dirLink = Files.createSymbolicLink(dir.resolve("alias"), Path.of("real"));
    refused("--stats and --out name the same file '" + dirLink.resolve("r.jsonl") + "'",
        "--out", dir.resolve("real/r.jsonl"), "--stats", dirLink.resolve("r.jsonl"));
    assertThat(Files.readString(results)).isEqualTo("old\n");
    assertThat(site.requests("/fast/0")).isZero();
  }

  @Test
  void standardOutputIsRefusedForStatsWhenTheResultsGoThere() {
    refused("--stats '/dev/stdout' is standard output, where --out - writes the results", "--out", "-",
        "--stats", "/dev/stdout");
    refused("--stats '/proc/self/fd/1' is standard output, where --out - writes the results", "--out", "-",
        "--stats", "/proc/self/fd/1");
    refused("--stats and --out name the same file '/dev/fd/1'", "--out", "/dev/stdout", "--stats", "/dev/fd/1");
    assertThat(site.requests("/fast/0")).isZero();
  }

  @Test
  void aDirectoryWhereNoFileCanBeMadeIsNamedNotTheProbeFile() {
    Path ro = dir.resolve("ro");
    Path probe = ro.resolve(".crawlpipe-1.probe");
    assertThat(IoProblems.describe(StatsReport.aboutDirectory(ro, new AccessDeniedException(probe.toString())),
        ro.resolve("st.json"))).isEqualTo("permission denied for '" + ro + "'");
    assertThat(IoProblems.describe(StatsReport.aboutDirectory(ro, new FileSystemException(probe.toString(), null,
        "Read-only file system")), ro.resolve("st.json"))).isEqualTo("read-only file system");
  }

  /** Runs with {@code options} (strings or paths) and the URL list; expects exit 2 and one line naming the clash. */
  private void refused(String clash, Object... options) {
    String[] args = Stream.concat(Stream.of(options).map(Object::toString), Stream.of(urls.toString()))
        .toArray(String[]::new);
    CliRunner cli = new CliRunner();
    assertThat(cli.run(args)).as(List.of(args).toString()).isEqualTo(2);
    assertThat(cli.stderr().strip()).isEqualTo("crawl: invalid option: " + clash + "; they must differ");
  }

  private List<Path> temporaryFiles() throws IOException {
    try (Stream<Path> files = Files.walk(dir)) {
      return files.filter(p -> p.getFileName().toString().endsWith(".tmp")).toList();
    }
  }

  private static JsonNode json(Path file) {
    return JsonMapper.builder().build().readTree(file.toFile());
  }
}
