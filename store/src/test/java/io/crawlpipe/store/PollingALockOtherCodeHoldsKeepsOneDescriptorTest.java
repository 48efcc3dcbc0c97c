package io.crawlpipe.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * A refused acquire must keep the channel that met another lock of this process open (closing it
 * would drop that lock), but a program polling {@code acquire} must not open one more each time.
 */
@EnabledOnOs(OS.LINUX)
class PollingALockOtherCodeHoldsKeepsOneDescriptorTest {
  private static final int ATTEMPTS = 20;

  @TempDir Path dir;

  @Test
  void pollingKeepsAtMostOneDescriptorAndTheLockIsTakenOnceOtherCodeLetsGo() throws Exception {
    Path lockFile = Files.createFile(dir.resolve("polled.lock"));
    try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.WRITE)) {
      FileLock other = channel.lock();
      long baseline = descriptorsOn(lockFile);
      for (int i = 0; i < ATTEMPTS; i++) {
        assertThatThrownBy(() -> OutputLock.acquire(lockFile, "poller")).isInstanceOf(LockHeldException.class);
      }
      assertThat(descriptorsOn(lockFile)).as("descriptors on the lock file after %d refusals", ATTEMPTS)
          .isLessThanOrEqualTo(baseline + 1);
      other.release();
      try (OutputLock taken = OutputLock.acquire(lockFile, "poller")) {
        assertThat(Files.readAllLines(lockFile)).containsExactly(Long.toString(ProcessHandle.current().pid()), "poller");
        assertThat(descriptorsOn(lockFile)).isLessThanOrEqualTo(baseline + 1);
      }
    }
    try (OutputLock again = OutputLock.acquire(lockFile, "again")) {
      assertThat(Files.readAllLines(lockFile)).containsExactly(Long.toString(ProcessHandle.current().pid()), "again");
    }
  }

  /** How many of this process's open descriptors are on {@code file}. */
  private static long descriptorsOn(Path file) throws IOException {
    Path real = file.toRealPath();
    try (Stream<Path> fds = Files.list(Path.of("/proc/self/fd"))) {
      return fds.filter(fd -> real.equals(target(fd))).count();
    }
  }

  private static Path target(Path fd) {
    try {
      return Files.readSymbolicLink(fd);
    } catch (IOException e) {
      return null;  // a descriptor closed since the listing (the listing's own, say)
    }
  }
}
