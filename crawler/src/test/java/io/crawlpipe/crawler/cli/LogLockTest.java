package io.crawlpipe.crawler.cli;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.core.status.ErrorStatus;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.slf4j.LoggerFactory;

/**
 * A {@code --log} file whose lock {@code LOG.lock} cannot be used: one warning of its own, at the
 * start too, that leaves the notice of a write failure for a write failure; a lock held by
 * something else delays the start by about a second only.
 */
@Timeout(60)
class LogLockTest extends GatedSiteTestBase {

  @Test
  void aLockFileThatIsADirectoryIsOneWarningAndTheRunGoesOn() throws IOException {
    Path log = dir.resolve("lg/run.log");
    Files.createDirectories(dir.resolve("lg/run.log.lock"));
    CliRunner cli = new CliRunner();
    assertThat(cli.run("-q", "--log", log.toString(), "--out", dir.resolve("r.jsonl").toString(), urls.toString()))
        .isZero();
    assertThat(cli.stderr().lines()).containsExactly("crawl: warning: cannot lock '" + log + ".lock' (is a directory);"
        + " runs sharing this log may lose lines when it rolls");
    assertThat(Files.readString(log)).contains("run started").contains("run finished exit=0");
    assertThat(Files.readString(log).lines().filter(line -> line.contains("cannot lock"))).as("the log says it too")
        .singleElement().asString().contains(" WARN ")
        .endsWith("cannot lock '" + log + ".lock' (is a directory); runs sharing this log may lose lines when it rolls");
  }

  @Test
  void aLinkPlantedAtTheLockFileIsNotFollowedNorItsTargetCreated() throws IOException {
    Path log = dir.resolve("lg3/run.log");
    Path target = dir.resolve("elsewhere/created-by-the-run");
    Files.createDirectories(target.getParent());
    Files.createSymbolicLink(Files.createDirectories(log.getParent()).resolve("run.log.lock"), target);
    CliRunner cli = new CliRunner();
    assertThat(cli.run("-q", "--log", log.toString(), "--out", dir.resolve("r3.jsonl").toString(), urls.toString()))
        .isZero();
    assertThat(target).doesNotExist();
    assertThat(cli.stderr().lines()).containsExactly("crawl: warning: cannot lock '" + log + ".lock' (is a symbolic link,"
        + " which is not followed); runs sharing this log may lose lines when it rolls");
  }

  @Test
  void aLockHeldByAnotherProgramDelaysTheStartBySecondsAtMostAndIsSaid() throws IOException {
    Path log = dir.resolve("lg2/run.log");
    Files.createDirectories(log.getParent());
    CliRunner cli = new CliRunner();
    long started = System.nanoTime();
    try (FileChannel channel = FileChannel.open(LogLock.lockFile(log), StandardOpenOption.CREATE,
        StandardOpenOption.WRITE); FileLock held = channel.lock()) {
      assertThat(cli.run("-q", "--log", log.toString(), "--out", dir.resolve("r.jsonl").toString(), urls.toString()))
          .isZero();
    }
    assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started)).as("not the 10 s of a roll")
        .isLessThan(5_000);
    assertThat(cli.stderr().lines()).containsExactly("crawl: warning: cannot lock '" + log + ".lock' (held by another"
        + " process for 1 s); runs sharing this log may lose lines when it rolls");
  }

  @Test
  void aLockThatCannotBeUsedLeavesTheWriteFailureNoticeForAWriteFailure() throws IOException {
    Path log = dir.resolve("run.log");
    Files.createDirectories(LogLock.lockFile(log));
    List<String> warnings = new CopyOnWriteArrayList<>();
    try (LogFile ignored = LogFile.open(log, false, false, warnings::add)) {
      LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
      context.getStatusManager().add(new ErrorStatus("write failed", this, new IOException("No space left on device")));
    }
    assertThat(warnings).containsExactly(
        "crawl: warning: cannot lock '" + log + ".lock' (is a directory); runs sharing this log may lose lines when it"
            + " rolls",
        "crawl: warning: cannot write the log to '" + log + "': No space left on device; later log lines may be lost");
  }
}
