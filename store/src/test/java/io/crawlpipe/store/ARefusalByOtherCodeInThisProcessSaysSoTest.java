package io.crawlpipe.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A lock file that code of this process other than {@link OutputLock} has locked is refused with
 * a message that says so, not one that blames "another run" with this process's own PID.
 */
class ARefusalByOtherCodeInThisProcessSaysSoTest {
  private static final String PID = Long.toString(ProcessHandle.current().pid());

  @TempDir Path dir;

  @Test
  void theRefusalSaysOtherCodeInThisProcessHoldsTheLock() throws Exception {
    Path lockFile = Files.createFile(dir.resolve("other.lock"));
    try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.WRITE); FileLock other = channel.lock()) {
      assertThatThrownBy(() -> OutputLock.acquire(lockFile)).isInstanceOfSatisfying(LockHeldException.class, e -> {
        assertThat(e.getMessage()).isEqualTo("lock file " + lockFile + " is locked by other code in this process (pid "
            + PID + ")");
        assertThat(e.byOtherCodeInThisProcess()).isTrue();
        assertThat(e.pid()).isEqualTo(PID);
        assertThat(e.holding()).isNull();
      });
    }
  }

  @Test
  void aRunHoldingTheLockIsStillAnotherRun() throws Exception {
    Path lockFile = dir.resolve("run.lock");
    try (OutputLock held = OutputLock.acquire(lockFile, "r.jsonl")) {
      assertThatThrownBy(() -> OutputLock.acquire(lockFile)).isInstanceOfSatisfying(LockHeldException.class, e -> {
        assertThat(e.getMessage()).isEqualTo("another run (pid " + PID + ") holds the lock " + lockFile + ", writing r.jsonl");
        assertThat(e.byOtherCodeInThisProcess()).isFalse();
      });
    }
  }
}
