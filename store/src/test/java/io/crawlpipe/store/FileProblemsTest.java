package io.crawlpipe.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import org.junit.jupiter.api.Test;

class FileProblemsTest {
  @Test
  void aRefusedRenameSaysPermissionDeniedNotItsTwoPaths() {
    // What Files.move throws for EACCES: no reason, and a message that is only "source -> target".
    AccessDeniedException e = new AccessDeniedException("/tmp/x/r.jsonl.partial", "/tmp/x/r.jsonl", null);
    assertThat(e.getMessage()).isEqualTo("/tmp/x/r.jsonl.partial -> /tmp/x/r.jsonl");
    assertThat(FileProblems.describe(e)).isEqualTo("permission denied");
    assertThat(FileProblems.describe(new NoSuchFileException("/tmp/x/r.jsonl.partial", "/tmp/x/r.jsonl", null)))
        .isEqualTo("no such file or directory");
  }

  @Test
  void theOsReasonIsKeptInLowerCaseAndAPlainMessageAsItIs() {
    assertThat(FileProblems.describe(new FileSystemException("/a", "/b", "Read-only file system")))
        .isEqualTo("read-only file system");
    assertThat(FileProblems.describe(new IOException("No space left on device"))).isEqualTo("No space left on device");
    assertThat(FileProblems.describe(new IOException())).isEqualTo("IOException");
  }

  @Test
  void aFileStreamsMissingFileSaysItsReasonNotItsPathAndReason() {
    // What new FileOutputStream("l/x.log") throws once l/ is gone: "PATH (Reason)".
    assertThat(FileProblems.describe(new FileNotFoundException("l/x.log (No such file or directory)")))
        .isEqualTo("no such file or directory");
    assertThat(FileProblems.describe(new FileNotFoundException("/a (b)/x.log (Permission denied)")))
        .isEqualTo("permission denied");
    assertThat(FileProblems.describe(new FileNotFoundException("l/x.log"))).isEqualTo("l/x.log");
  }
}
