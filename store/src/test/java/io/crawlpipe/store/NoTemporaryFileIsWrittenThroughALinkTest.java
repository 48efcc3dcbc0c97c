package io.crawlpipe.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A symbolic link planted at the name of one of crawlpipe's own files (OUT.partial, the rewrite's
 * OUT.resume, the lock OUT.lock) never makes a run write the file it points to.
 */
class NoTemporaryFileIsWrittenThroughALinkTest {
  private static final String PRECIOUS = "precious\n";
  @TempDir Path dir;

  private Path precious(String name) throws IOException {
    return Files.writeString(dir.resolve(name), PRECIOUS);
  }

  @Test
  void aLinkAtThePartialNameIsReplacedAndTheRenameMovesNoLinkOntoTheTarget() throws IOException {
    Path v1 = precious("v1.txt");
    Path target = dir.resolve("x.jsonl");
    Files.createSymbolicLink(AtomicFileSink.partialFile(target), v1.getFileName());
    try (AtomicFileSink sink = AtomicFileSink.create(target)) {
      sink.write(AtomicFileSinkTest.ok("http://a.test/"));
      sink.commit();
    }
    assertThat(v1).hasContent(PRECIOUS);
    assertThat(Files.isSymbolicLink(target)).isFalse();
    assertThat(Files.readAllLines(target)).singleElement().asString().contains("a.test");
  }

  @Test
  void resumeRefusesALinkAtThePartialName() throws IOException {
    Path v1 = precious("v1.txt");
    Path partial = Files.createSymbolicLink(AtomicFileSink.partialFile(dir.resolve("x.jsonl")), v1.getFileName());
    assertThatThrownBy(() -> AtomicFileSink.resume(dir.resolve("x.jsonl")))
        .isInstanceOfSatisfying(FileSystemException.class, e -> {
          assertThat(e.getFile()).isEqualTo(partial.toString());
          assertThat(FileProblems.describe(e)).isEqualTo("is a symbolic link, not a file crawlpipe wrote");
        });
    assertThat(v1).hasContent(PRECIOUS);
    assertThat(Files.isSymbolicLink(partial)).isTrue();
  }

  @Test
  void aLinkAtTheRewritesTemporaryNameIsReplaced() throws IOException {
    Path v2 = precious("v2.txt");
    String kept = ResultFileRepairTest.line("http://a/", true, null);
    Path f = Files.writeString(dir.resolve("r.jsonl"), kept + ResultFileRepairTest.line("http://b/", false, "cancelled"));
    Files.createSymbolicLink(ResultFileRepair.temporaryFile(f), v2.getFileName());
    List<String> urls = new ArrayList<>();
    new ResultFileRepair().prepare(f, f, urls::add, w -> { });
    assertThat(v2).hasContent(PRECIOUS);
    assertThat(f).hasContent(kept);
    assertThat(Files.isSymbolicLink(f)).isFalse();
  }

  @Test
  void aLinkAtALockFileIsRefusedUnlessToBeFollowed() throws IOException {
    Path v3 = precious("v3.txt");
    Path lockFile = Files.createSymbolicLink(OutputLock.besides(dir.resolve("x.jsonl")), v3.getFileName());
    assertThatThrownBy(() -> OutputLock.acquire(lockFile, "x.jsonl"))
        .isInstanceOfSatisfying(FileSystemException.class, e -> {
          assertThat(e.getFile()).isEqualTo(lockFile.toString());
          assertThat(FileProblems.describe(e)).isEqualTo("is a symbolic link, which is not followed to a lock file");
        });
    assertThat(v3).hasContent(PRECIOUS);
    try (OutputLock followed = OutputLock.acquire(lockFile, "x.jsonl", true)) {
      assertThat(Files.readAllLines(v3)).containsExactly(Long.toString(ProcessHandle.current().pid()), "x.jsonl");
    }
  }
}
