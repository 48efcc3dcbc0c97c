package io.crawlpipe.store;

import static io.crawlpipe.store.OtherProcessLockProbe.heldForOtherProcesses;
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
 * OS locks belong to the process and closing any descriptor of a locked file drops them: a refused
 * acquire in this JVM must not free the holder's lock for other processes (checked from a second JVM).
 */
class ALockHeldInThisJvmStaysHeldForOtherProcessesTest {
  @TempDir Path dir;

  @Test
  void closingALockTwiceLeavesTheNextHoldersLockAlone() throws Exception {
    Path lockFile = dir.resolve("out.lock");
    OutputLock first = OutputLock.acquire(lockFile, "first");
    first.close();
    try (OutputLock second = OutputLock.acquire(lockFile, "second")) {
      first.close();
      assertThatThrownBy(() -> OutputLock.acquire(lockFile, "third")).isInstanceOfSatisfying(LockHeldException.class,
          e -> assertThat(e.holding()).isEqualTo("second"));
      assertThat(heldForOtherProcesses(lockFile)).isTrue();
    }
    assertThat(heldForOtherProcesses(lockFile)).isFalse();
  }

  @Test
  void aHeldLockFileReachedThroughALinkIsRefusedAsHeld() throws Exception {
    Path real = dir.resolve("real.lock");
    Path symbolic = Files.createSymbolicLink(dir.resolve("symbolic.lock"), real.getFileName());
    try (OutputLock held = OutputLock.acquire(real, "real")) {
      Path hard = Files.createLink(dir.resolve("hard.lock"), real);
      assertThatThrownBy(() -> OutputLock.acquire(symbolic, "by symbolic link", true))
          .isInstanceOfSatisfying(LockHeldException.class, e -> assertThat(e.holding()).isEqualTo("real"));
      assertThatThrownBy(() -> OutputLock.acquire(hard, "by hard link"))
          .isInstanceOfSatisfying(LockHeldException.class, e -> assertThat(e.holding()).isEqualTo("real"));
      assertThat(heldForOtherProcesses(real)).isTrue();
    }
    try (OutputLock again = OutputLock.acquire(symbolic, "by symbolic link", true)) {
      assertThat(Files.readAllLines(real)).containsExactly(Long.toString(ProcessHandle.current().pid()), "by symbolic link");
    }
  }

  @Test
  void aLockOtherCodeInThisJvmHoldsIsRefusedAndKept() throws Exception {
    Path lockFile = Files.createFile(dir.resolve("other.lock"));
    try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.WRITE); FileLock other = channel.lock()) {
      assertThatThrownBy(() -> OutputLock.acquire(lockFile)).isInstanceOfSatisfying(LockHeldException.class,
          e -> assertThat(e.pid()).isEqualTo(Long.toString(ProcessHandle.current().pid())));
      assertThat(heldForOtherProcesses(lockFile)).isTrue();
    }
  }
}
