package io.crawlpipe.crawler.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.NotLinkException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IoProblemsTest {
  @TempDir Path dir;

  @Test
  void aFileSystemExceptionWithoutAReasonSaysWhatIsWrongWithItsFile() {
    assertThat(IoProblems.describe(new NotDirectoryException("/tmp/list.txt"))).isEqualTo("/tmp/list.txt is not a directory");
    assertThat(IoProblems.describe(new FileAlreadyExistsException("/tmp/list.txt")))
        .isEqualTo("/tmp/list.txt exists and is not a directory");
    assertThat(IoProblems.describe(new DirectoryNotEmptyException("/tmp/out")))
        .isEqualTo("/tmp/out is a directory that is not empty");
    assertThat(IoProblems.describe(new NotLinkException("/tmp/l"))).isEqualTo("/tmp/l cannot be used (NotLinkException)");
  }

  @Test
  void missingAndForbiddenFilesKeepTheirShortPhrases() {
    assertThat(IoProblems.describe(new NoSuchFileException("/tmp/nope.txt"))).isEqualTo("no such file or directory");
    assertThat(IoProblems.describe(new AccessDeniedException("/root/x"))).isEqualTo("permission denied");
  }

  @Test
  void aMissingOrForbiddenFileOtherThanTheNamedOneIsNamed() {
    assertThat(IoProblems.describe(new AccessDeniedException("/data/out"), Path.of("/data/out/sub/x.jsonl")))
        .isEqualTo("permission denied for '/data/out'");
    assertThat(IoProblems.describe(new AccessDeniedException("/data/r.jsonl.partial"), Path.of("/data/r.jsonl")))
        .isEqualTo("permission denied for '/data/r.jsonl.partial'");
    assertThat(IoProblems.describe(new NoSuchFileException("/mnt/gone"), "/mnt/gone/urls.txt"))
        .isEqualTo("'/mnt/gone' does not exist");
  }

  @Test
  void theNamedFileItselfIsNotRepeated() {
    assertThat(IoProblems.describe(new NoSuchFileException("nope.txt"), "./nope.txt")).isEqualTo("no such file or directory");
    assertThat(IoProblems.describe(new AccessDeniedException(dir + "/x"), dir.resolve("x"))).isEqualTo("permission denied");
    assertThat(IoProblems.describe(new NotDirectoryException("/tmp/list.txt"), "/tmp/list.txt/x"))
        .isEqualTo("/tmp/list.txt is not a directory");
  }

  @Test
  void anExceptionWithoutAFileGivesTheProblemAlone() {
    assertThat(IoProblems.describe(new NotDirectoryException(null))).isEqualTo("is not a directory");
    assertThat(IoProblems.describe(new DirectoryNotEmptyException(null))).isEqualTo("is a directory that is not empty");
  }

  @Test
  void aReasonGivenIsUsedInLowerCase() {
    assertThat(IoProblems.describe(new FileSystemException("/tmp/x", null, "Read-only file system")))
        .isEqualTo("read-only file system");
    assertThat(IoProblems.describe(new FileAlreadyExistsException("/tmp/x", null, "Is a directory")))
        .isEqualTo("is a directory");
    assertThat(IoProblems.describe(new IOException("is a directory"))).isEqualTo("is a directory");
    assertThat(IoProblems.describe(new IOException("Is a directory"))).as("reading a directory on stdin")
        .isEqualTo("is a directory");
    assertThat(IoProblems.describe(new IOException())).isEqualTo("IOException");
  }

  @Test
  void creatingDirectoriesUnderAFileIsDescribedAsTheFileNotBeingADirectory() throws IOException {
    Path file = Files.writeString(dir.resolve("list.txt"), "x");
    IOException e = catchThrowableOfType(IOException.class, () -> Files.createDirectories(file));
    assertThat(IoProblems.describe(e)).isEqualTo(file + " exists and is not a directory");
  }
}
