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
}
