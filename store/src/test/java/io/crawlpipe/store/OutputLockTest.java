package io.crawlpipe.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
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
}
