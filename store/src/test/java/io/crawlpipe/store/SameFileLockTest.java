package io.crawlpipe.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SameFileLockTest {
  @TempDir Path dir;

  @Test
  void aFileHeldIsRefusedThroughAHardLinkUntilReleased() throws IOException {
    Path file = Files.writeString(dir.resolve("r.jsonl"), "{}\n");
    Path link = Files.createLink(dir.resolve("h.jsonl"), file);
    SameFileLock first = SameFileLock.take(file, file.toString());
    assertThatThrownBy(() -> SameFileLock.take(link, link.toString())).isInstanceOfSatisfying(LockHeldException.class, e -> {
      assertThat(e.lockFile()).isEqualTo(link);
      assertThat(e.pid()).isEqualTo(Long.toString(ProcessHandle.current().pid()));
    });
    first.close();
    try (SameFileLock again = SameFileLock.take(link, link.toString())) {
      assertThat(Files.readString(file)).isEqualTo("{}\n");
    }
  }

  @Test
  void aFileThatDoesNotExistYetIsLockedOnRenewOnceItDoes() throws IOException {
    Path file = dir.resolve("r.jsonl");
    try (SameFileLock lock = SameFileLock.take(file, file.toString())) {
      assertThat(file).doesNotExist();
      Files.createFile(file);
      lock.renew();
      assertThatThrownBy(() -> SameFileLock.take(file, "b")).isInstanceOf(LockHeldException.class);
    }
  }

  @Test
  void theHolderOfAPosixLockIsReadFromProcLocksByDeviceAndInode() {
    List<String> locks = List.of(
        "1: FLOCK  ADVISORY  WRITE 27568 fe:00:2155624 0 EOF",
        "2: POSIX  ADVISORY  WRITE 1240 fe:00:2155625 0 EOF",
        "2: -> POSIX  ADVISORY  WRITE 1300 fe:00:2155625 0 EOF",
        "3: POSIX  ADVISORY  WRITE 1250 08:01:2155625 0 EOF");
    assertThat(FileLockHolders.pidOf(locks, 0xfe, 0, 2155625)).isEqualTo("1240");
    assertThat(FileLockHolders.pidOf(locks, 8, 1, 2155625)).isEqualTo("1250");
    assertThat(FileLockHolders.pidOf(locks, 0xfe, 0, 2155624)).isNull();
  }
}
