package io.crawlpipe.crawler.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.crawlpipe.store.LockHeldException;
import io.crawlpipe.store.OutputLock;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LockClashTest {
  @TempDir Path dir;

  @Test
  void aLockHeldByOtherCodeOfThisProcessIsNotCalledAnotherRun() throws IOException {
    Path out = dir.resolve("r.jsonl");
    Path lockFile = OutputLock.besides(out);
    Files.createFile(lockFile);
    try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.WRITE);
        FileLock ignored = channel.lock()) {
      LockHeldException e = catchThrowableOfType(LockHeldException.class, () -> OutputLock.acquire(lockFile));

      assertThat(LockClash.message(e, out.toString()))
          .isEqualTo("lock file " + lockFile + " is locked by other code in this process (pid "
              + ProcessHandle.current().pid() + "); not starting '" + out + "'")
          .doesNotContain("another run");
    }
  }

  @Test
  void aLockHeldByAnotherRunNamesItsPidAndWhatItWrites() {
    Path out = dir.resolve("r.jsonl");
    LockHeldException e = new LockHeldException(OutputLock.besides(out), "4242", out.toAbsolutePath().toString());

    assertThat(LockClash.message(e, out.toString()))
        .isEqualTo("another run (pid 4242) is writing '" + out + "' (lock " + OutputLock.besides(out) + "); not starting");
  }

  @Test
  void aHolderWritingToStandardOutputIsSaidToBeSo() {
    Path lock = dir.resolve("c.lock");
    LockHeldException e = new LockHeldException(lock, "1240", "-");

    assertThat(LockClash.message(e, dir.resolve("r.jsonl").toString()))
        .isEqualTo("another run (pid 1240) is writing to standard output (lock " + lock + "); not starting");
  }
}
