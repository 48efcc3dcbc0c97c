package io.crawlpipe.crawler.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The output, lock, log and stats paths: checked at the start, each problem named, nothing crawled. */
@Timeout(60)
class OutputPathsTest extends GatedSiteTestBase {
  @Test
  void anUnwritableLockFileIsNamedAsTheLockNotTheOutput() throws IOException {
    Path blocker = Files.writeString(dir.resolve("file"), "x");
    Path lock = blocker.resolve("sub/l.lock");
    Path out = dir.resolve("r.jsonl");
    CliRunner cli = new CliRunner();
    assertThat(cli.run("--lock", lock.toString(), "--out", out.toString(), urls.toString())).isEqualTo(2);
    assertThat(cli.stderr().strip()).startsWith("crawl: cannot write lock file '" + lock + "': ")
        .doesNotContain("output").doesNotContain("\n");
    assertThat(site.requests("/fast/0")).isZero();
  }

  @Test
  void aPathEndingInASlashIsRefusedAsADirectoryNotWrittenAsAFile() {
    List<String> directories = List.of(dir.resolve("data") + "/", dir.resolve("data") + "/.", dir.resolve("data") + "/..");
    for (String option : List.of("--out", "--stats", "--log", "--lock")) {
      for (String named : directories) {
        CliRunner cli = new CliRunner();
        String[] args = option.equals("--out") ? new String[] {"--out", named, urls.toString()}
            : new String[] {option, named, "--out", dir.resolve("r.jsonl").toString(), urls.toString()};
        assertThat(cli.run(args)).as(option + " " + named).isEqualTo(2);
        assertThat(cli.stderr().strip()).isEqualTo("crawl: invalid option: " + option + " '" + named
            + "' names a directory; give a file name");
      }
    }
    assertThat(dir.resolve("data")).doesNotExist();
    assertThat(site.requests("/fast/0")).isZero();
  }

  @Test
  void theStatsLockAndLogFilesMustNotBeTheOutput() throws IOException {
    Path out = dir.resolve("r.jsonl");
    String sameOut = dir.resolve("sub/../r.jsonl").toString();
    for (String option : List.of("--stats", "--lock", "--log")) {
      Files.writeString(out, "old\n");
      CliRunner cli = new CliRunner();
      assertThat(cli.run(option, sameOut, "--out", out.toString(), urls.toString())).as(option).isEqualTo(2);
      assertThat(cli.stderr().strip()).isEqualTo("crawl: invalid option: " + option + " and --out name the same file '"
          + sameOut + "'; they must differ");
      assertThat(Files.readString(out)).isEqualTo("old\n");
    }
    CliRunner cli = new CliRunner(Clock.fixed(Instant.parse("2026-11-22T18:50:27Z"), ZoneOffset.UTC), false);
    assertThat(cli.run("--stats", dir.resolve("{date}.json").toString(), "--log", dir.resolve("2026-11-22.json").toString(),
        "--out", out.toString(), urls.toString())).isEqualTo(2);
    assertThat(cli.stderr()).contains("--stats and --log name the same file");
    assertThat(site.requests("/fast/0")).isZero();
  }

  @Test
  void withoutALockTheOutputsDefaultLockFileIsNamedAsTheLockFileOfOut() {
    Path out = dir.resolve("r.jsonl");
    for (String option : List.of("--stats", "--log")) {
      CliRunner cli = new CliRunner();
      assertThat(cli.run(option, out + ".lock", "--out", out.toString(), urls.toString())).as(option).isEqualTo(2);
      assertThat(cli.stderr().strip()).isEqualTo("crawl: invalid option: " + option + " '" + out
          + ".lock' is the lock file of --out; they must differ");
    }
    assertThat(out).doesNotExist();
    assertThat(site.requests("/fast/0")).isZero();
  }

  @Test
  void withALockOfItsOwnTheOutputsLockFileIsStillNoStatsOrLogFile() {
    Path out = dir.resolve("r.jsonl");
    for (String option : List.of("--stats", "--log")) {
      CliRunner cli = new CliRunner();
      assertThat(cli.run("--lock", dir.resolve("shared.lock").toString(), option, out + ".lock", "--out", out.toString(),
          urls.toString())).as(option).isEqualTo(2);
      assertThat(cli.stderr().strip()).isEqualTo("crawl: invalid option: " + option + " '" + out
          + ".lock' is the lock file of --out; they must differ");
    }
    // --lock naming the output's own lock file, however spelled, is one lock
    assertThat(new CliRunner().run("-q", "--lock", dir.resolve(".").resolve("r.jsonl.lock").toString(), "--out", out.toString(),
        urls.toString())).isZero();
    assertThat(site.requests("/fast/0")).isEqualTo(1);
  }

  @Test
  void anUnwritableStatsPathFailsAtTheStartNotAtTheEnd() throws IOException {
    Path blocker = Files.writeString(dir.resolve("file"), "x");
    Path stats = blocker.resolve("sub/stats.json");
    Path out = dir.resolve("r.jsonl");
    CliRunner cli = new CliRunner();
    assertThat(cli.run("--stats", stats.toString(), "--out", out.toString(), urls.toString())).isEqualTo(2);
    assertThat(cli.stderr().strip()).startsWith("crawl: cannot write stats file '" + stats + "': ").doesNotContain("\n");
    assertThat(out).doesNotExist();
    assertThat(site.requests("/fast/0")).isZero();
    CliRunner directory = new CliRunner();
    assertThat(directory.run("--stats", dir.toString(), "--out", out.toString(), urls.toString())).isEqualTo(2);
    assertThat(directory.stderr().strip()).isEqualTo("crawl: cannot write stats file '" + dir + "': is a directory");
  }

  @Test
  void theStatsFilesDirectoriesAreCreatedAtTheStart() throws IOException {
    Path stats = dir.resolve("a/b/stats.json");
    CliRunner cli = new CliRunner();
    assertThat(cli.run("-q", "--stats", stats.toString(), "--out", dir.resolve("r.jsonl").toString(), urls.toString()))
        .isZero();
    assertThat(stats).isRegularFile();
  }

  @Test
  void aDeviceAsOutputIsWrittenDirectlyNotReplacedAndGetsNoLockBesideIt() {
    Path devNull = Path.of("/dev/null");
    assumeTrue(Files.exists(devNull) && !Files.isRegularFile(devNull), "needs /dev/null");
    CliRunner cli = new CliRunner();
    assertThat(cli.run("-q", "--out", devNull.toString(), urls.toString())).isZero();
    assertThat(devNull).exists();
    assertThat(Files.isRegularFile(devNull)).isFalse();
    assertThat(Path.of("/dev/null.lock")).doesNotExist();
    assertThat(Path.of("/dev/null.partial")).doesNotExist();
    assertThat(site.requests("/fast/0")).isEqualTo(1);
  }

  @Test
  void aFullDeviceAsOutputExitsThreeWithoutSuggestingResume() throws IOException {
    Path full = Path.of("/dev/full");
    assumeTrue(Files.isWritable(full), "needs /dev/full");
    CliRunner cli = new CliRunner();
    assertThat(cli.run("--out", full.toString(), urls.toString())).isEqualTo(3);
    assertThat(cli.stderr().strip().lines()).singleElement().asString()
        .startsWith("crawl: cannot write results to /dev/full").doesNotContain("--resume");
    assertThat(Files.isRegularFile(full)).isFalse();
    assertThat(Path.of("/dev/full.lock")).doesNotExist();
  }

  @Test
  void aNamedPipeAsOutputReceivesTheLinesAndStaysAPipe() throws Exception {
    Path fifo = dir.resolve("results.fifo");
    makeFifoOrSkip(fifo);
    ExecutorService reader = Executors.newSingleThreadExecutor();
    try {
      Future<List<String>> lines = reader.submit(() -> Files.readAllLines(fifo));
      CliRunner cli = new CliRunner();
      assertThat(cli.run("-q", "--out", fifo.toString(), urls.toString())).isZero();
      assertThat(lines.get(30, TimeUnit.SECONDS)).hasSize(2).allMatch(l -> l.contains("\"ok\":true"));
      assertThat(Files.isRegularFile(fifo)).isFalse();
      assertThat(fifo).exists();
      try (var files = Files.list(dir)) {
        assertThat(files.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("urls.txt", "results.fifo");
      }
    } finally {
      reader.shutdownNow();
    }
  }

  @Test
  void resumeIsRefusedForADeviceAndAppendWritesToItDirectly() {
    assumeTrue(Files.exists(Path.of("/dev/null")), "needs /dev/null");
    CliRunner resume = new CliRunner();
    assertThat(resume.run("--resume", "--out", "/dev/null", urls.toString())).isEqualTo(2);
    assertThat(resume.stderr().strip()).isEqualTo("crawl: invalid option: --resume needs a regular results file; "
        + "'/dev/null' is not one (it is written directly)");
    assertThat(site.requests("/fast/0")).isZero();
    CliRunner append = new CliRunner();
    assertThat(append.run("-q", "--append", "--out", "/dev/null", urls.toString())).isZero();
    assertThat(Files.isRegularFile(Path.of("/dev/null"))).isFalse();
    assertThat(Path.of("/dev/null.lock")).doesNotExist();
  }

  @Test
  void aSymlinkedOutputReplacesTheFileItPointsToAndStaysALink() throws IOException {
    Path real = Files.writeString(Files.createDirectories(dir.resolve("data")).resolve("real.jsonl"), "old\n");
    Path link = Files.createSymbolicLink(dir.resolve("results.jsonl"), Path.of("data/real.jsonl"));
    CliRunner cli = new CliRunner();
    assertThat(cli.run("-q", "--out", link.toString(), urls.toString())).isZero();
    assertThat(Files.isSymbolicLink(link)).isTrue();
    assertThat(Files.readAllLines(real)).hasSize(2).allMatch(l -> l.contains("\"ok\":true"));
    assertThat(dir.resolve("data/real.jsonl.lock")).exists();
    assertThat(dir.resolve("results.jsonl.lock")).doesNotExist();
  }

  @Test
  void aDanglingSymlinkAsOutputCreatesTheFileItNames() throws IOException {
    Path link = Files.createSymbolicLink(dir.resolve("results.jsonl"), dir.resolve("later/new.jsonl"));
    CliRunner cli = new CliRunner();
    assertThat(cli.run("-q", "--out", link.toString(), urls.toString())).isZero();
    assertThat(Files.isSymbolicLink(link)).isTrue();
    assertThat(Files.readAllLines(dir.resolve("later/new.jsonl"))).hasSize(2);
  }

  @Test
  void aSymlinkLoopAsOutputIsOneLineAndExitTwo() throws IOException {
    Path a = dir.resolve("a.jsonl");
    Path b = dir.resolve("b.jsonl");
    Files.createSymbolicLink(a, b);
    Files.createSymbolicLink(b, a);
    CliRunner cli = new CliRunner();
    assertThat(cli.run("-q", "--out", a.toString(), urls.toString())).isEqualTo(2);
    assertThat(cli.stderr().strip()).isEqualTo("crawl: invalid option: --out '" + a
        + "' cannot be followed: too many levels of symbolic links");
    assertThat(site.requests("/fast/0")).isZero();
  }

  @Test
  void aFileDescriptorPathIsAppendedToNotTruncatedOrReplaced() throws IOException {
    Path log = Files.writeString(dir.resolve("cron.log"), "earlier output\n");
    try (FileChannel open = FileChannel.open(log, StandardOpenOption.WRITE, StandardOpenOption.APPEND)) {
      Path descriptor = descriptorOf(log);
      assumeTrue(descriptor != null, "needs /proc/self/fd");
      CliRunner cli = new CliRunner();
      assertThat(cli.run("-q", "--out", descriptor.toString(), urls.toString())).isZero();
      assertThat(Files.readAllLines(log)).hasSize(3).startsWith("earlier output");
      assertThat(Files.isSymbolicLink(descriptor)).isTrue();
      assertThat(Path.of(descriptor + ".lock")).doesNotExist();
    }
    assertThat(OutputTargets.isStream(Path.of("/dev/stdout"))).isTrue();
    CliRunner resume = new CliRunner();
    assertThat(resume.run("--resume", "--out", "/dev/stdout", urls.toString())).isEqualTo(2);
  }

  /** The /proc/self/fd entry of a file this JVM has open, or null where there is no /proc. */
  static Path descriptorOf(Path file) throws IOException {
    List<Path> descriptors = descriptorsOf(file);
    return descriptors.isEmpty() ? null : descriptors.getFirst();
  }

  /** The /proc/self/fd entries of a file this JVM has open, by number; none where there is no /proc. */
  static List<Path> descriptorsOf(Path file) throws IOException {
    Path fds = Path.of("/proc/self/fd");
    if (!Files.isDirectory(fds)) return List.of();
    List<Path> found = new ArrayList<>();
    try (var entries = Files.list(fds)) {
      for (Path fd : (Iterable<Path>) entries::iterator) {
        try {
          if (Files.readSymbolicLink(fd).equals(file.toRealPath())) found.add(fd);
        } catch (IOException e) {
          // an fd that closed while listing
        }
      }
    }
    found.sort(Comparator.comparingInt(fd -> Integer.parseInt(fd.getFileName().toString())));
    return found;
  }

  /** Makes a named pipe at {@code fifo}, or skips the test where {@code mkfifo} is missing or fails. */
  static void makeFifoOrSkip(Path fifo) throws IOException, InterruptedException {
    Process mkfifo;
    try {
      mkfifo = new ProcessBuilder("mkfifo", fifo.toString()).inheritIO().start();
    } catch (IOException e) {
      assumeTrue(false, "needs mkfifo");
      return;
    }
    assumeTrue(mkfifo.waitFor() == 0, "mkfifo failed");
  }

  @Test
  void aDashForTheLogTheStatsOrTheLockIsRefusedNotMadeAFileNamedDash() {
    Map<String, String> hints = Map.of("--log", "use /dev/stderr (or /dev/stdout) for a standard stream",
        "--stats", "use /dev/stderr (or /dev/stdout) for a standard stream",
        "--lock", "a lock must be a regular file: give its name");
    hints.forEach((option, hint) -> {
      CliRunner cli = new CliRunner();
      assertThat(cli.run(option, "-", "--out", dir.resolve("r.jsonl").toString(), urls.toString())).as(option).isEqualTo(2);
      assertThat(cli.stderr().strip()).isEqualTo("crawl: invalid option: " + option + " '-' would be a file named '-'; "
          + hint);
    });
    assertThat(Path.of("-")).doesNotExist();
    assertThat(site.requests("/fast/0")).isZero();
  }

  @Test
  void aLockThatIsNoRegularFileIsRefusedNamingTheOptionAndThePath() {
    Path devNull = Path.of("/dev/null");
    assumeTrue(Files.exists(devNull) && !Files.isRegularFile(devNull), "needs /dev/null");
    CliRunner cli = new CliRunner();
    assertThat(cli.run("--lock", "/dev/null", "--out", dir.resolve("r.jsonl").toString(), urls.toString())).isEqualTo(2);
    assertThat(cli.stderr().strip()).isEqualTo("crawl: invalid option: --lock '/dev/null' is not a regular file;"
        + " a lock must be a regular file");
    assertThat(site.requests("/fast/0")).isZero();
  }
}
