package io.crawlpipe.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OutputLockTest {
  @TempDir Path dir;

  @Test
  void lockFileHoldsTheOwnersPidAndSitsBesideTheOutput() throws IOException {
    Path lockFile = OutputLock.besides(dir.resolve("data/out.jsonl"));
    assertThat(lockFile).isEqualTo(dir.resolve("data/out.jsonl.lock"));
    try (OutputLock lock = OutputLock.acquire(lockFile)) {
      assertThat(Files.readString(lock.file()).strip()).isEqualTo(Long.toString(ProcessHandle.current().pid()));
    }
  }

  @Test
  void aSecondAcquireFailsNamingTheHoldersPidUntilTheFirstIsReleased() throws IOException {
    Path lockFile = dir.resolve("out.jsonl.lock");
    OutputLock first = OutputLock.acquire(lockFile);
    assertThatThrownBy(() -> OutputLock.acquire(lockFile)).isInstanceOfSatisfying(LockHeldException.class, e -> {
      assertThat(e.pid()).isEqualTo(Long.toString(ProcessHandle.current().pid()));
      assertThat(e.lockFile()).isEqualTo(lockFile);
      assertThat(e.getMessage()).contains("pid " + ProcessHandle.current().pid());
    });
    first.close();
    try (OutputLock again = OutputLock.acquire(lockFile)) {
      assertThat(again.file()).isEqualTo(lockFile);
    }
  }

  @Test
  void aLockFileLeftByADeadRunIsNotStale() throws IOException {
    Path lockFile = Files.writeString(dir.resolve("out.jsonl.lock"), "999999999\n");
    try (OutputLock lock = OutputLock.acquire(lockFile)) {
      assertThat(Files.readString(lockFile).strip()).isEqualTo(Long.toString(ProcessHandle.current().pid()));
    }
  }

  @Test
  void theLockFileSaysWhatItsHolderWritesAndARefusalPassesItOn() throws IOException {
    Path lockFile = dir.resolve("crawl.lock");
    try (OutputLock first = OutputLock.acquire(lockFile, "data/results-2026-11-23.jsonl")) {
      assertThat(Files.readAllLines(lockFile))
          .containsExactly(Long.toString(ProcessHandle.current().pid()), "data/results-2026-11-23.jsonl");
      assertThatThrownBy(() -> OutputLock.acquire(lockFile, "data/results-2026-11-24.jsonl"))
          .isInstanceOfSatisfying(LockHeldException.class,
              e -> assertThat(e.holding()).isEqualTo("data/results-2026-11-23.jsonl"));
    }
    try (OutputLock unsaid = OutputLock.acquire(lockFile)) {
      assertThat(Files.readAllLines(lockFile)).containsExactly(Long.toString(ProcessHandle.current().pid()));
      assertThatThrownBy(() -> OutputLock.acquire(lockFile, "b"))
          .isInstanceOfSatisfying(LockHeldException.class, e -> assertThat(e.holding()).isNull());
    }
  }

  @Test
  void aPidThatCannotBeWrittenNamesTheLockFileWhichIsRemovedIfThisRunCreatedIt() throws IOException {
    OutputLock.OwnerWriter fullDisk = (channel, text) -> {
      throw new IOException("No space left on device");
    };
    Path lockFile = dir.resolve("small/r2.jsonl.lock");
    assertThatThrownBy(() -> OutputLock.acquire(lockFile, "r2.jsonl", false, fullDisk))
        .isInstanceOfSatisfying(FileSystemException.class, e -> {
          assertThat(e.getFile()).isEqualTo(lockFile.toString());
          assertThat(FileProblems.describe(e)).isEqualTo("no space left on device");
        });
    assertThat(lockFile).doesNotExist();
    Path earlier = Files.writeString(dir.resolve("kept.lock"), "4242\n");
    assertThatThrownBy(() -> OutputLock.acquire(earlier, null, false, fullDisk)).isInstanceOf(FileSystemException.class);
    assertThat(earlier).as("a lock file an earlier run made stays").exists();
    try (OutputLock again = OutputLock.acquire(lockFile)) {
      assertThat(again.file()).isEqualTo(lockFile);
    }
  }

  @Test
  void aLockTakenButNotYetWrittenLeavesItsFileAsItWasAndRemovesOneItCreated() throws IOException {
    Path earlier = Files.writeString(dir.resolve("crawl.lock"), "4242\nyesterday.jsonl\n");
    try (OutputLock taken = OutputLock.take(earlier, "today.jsonl", true)) {
      assertThat(Files.readString(earlier)).isEqualTo("4242\nyesterday.jsonl\n");
      assertThatThrownBy(() -> OutputLock.acquire(earlier, "other.jsonl")).isInstanceOf(LockHeldException.class);
    }
    assertThat(Files.readString(earlier)).isEqualTo("4242\nyesterday.jsonl\n");
    Path fresh = dir.resolve("fresh.lock");
    OutputLock.take(fresh, "today.jsonl", false).close();
    assertThat(fresh).doesNotExist();
    try (OutputLock taken = OutputLock.take(fresh, "today.jsonl", false)) {
      taken.writeOwner();
      assertThat(Files.readAllLines(fresh)).containsExactly(Long.toString(ProcessHandle.current().pid()), "today.jsonl");
    }
    assertThat(fresh).exists();
  }

  @Test
  void aLockFileReplacedBetweenOpeningAndLockingIsLockedAgainAtItsName() throws IOException {
    Path lockFile = dir.resolve("r.jsonl.lock");
    int[] replaced = {0};
    Runnable replaceOnce = () -> {
      if (replaced[0]++ > 0) return;
      try {  // as a refused run removing the lock file it created, and another run making a new one
        Files.delete(lockFile);
        Files.writeString(lockFile, "");
      } catch (IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    };
    try (OutputLock taken = OutputLock.take(lockFile, "r.jsonl", false, LockFileText::write, replaceOnce);
        FileChannel now = FileChannel.open(lockFile, StandardOpenOption.WRITE)) {
      assertThat(replaced[0]).isEqualTo(2);
      assertThatThrownBy(now::tryLock).as("the file now at the name is the one held")
          .isInstanceOf(OverlappingFileLockException.class);
    }
  }
}
