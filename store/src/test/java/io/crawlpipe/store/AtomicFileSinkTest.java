package io.crawlpipe.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFileSinkTest {
  private static final Instant AT = Instant.parse("2026-11-22T10:15:30Z");
  @TempDir Path dir;

  static CrawlResult ok(String url) {
    return new CrawlResult(url, url, 200, true, "text/html", 10, "t", "UTF-8", AT, 5, 1, null, null);
  }

  @Test
  void linesGoToThePartialFileUntilCommitRenamesItOntoTheTarget() throws IOException {
    Path target = dir.resolve("sub/out.jsonl");
    try (AtomicFileSink sink = AtomicFileSink.create(target)) {
      sink.write(ok("http://a.test/"));
      sink.write(ok("http://b.test/"));
      assertThat(target).doesNotExist();
      assertThat(Files.readAllLines(sink.partial())).hasSize(2);
      sink.commit();
    }
    assertThat(Files.readAllLines(target)).hasSize(2).allMatch(l -> l.startsWith("{\"url\":\"http://"));
    assertThat(AtomicFileSink.partialFile(target)).doesNotExist();
  }

  @Test
  void closingWithoutCommitKeepsThePartialFileAndTheOldTarget() throws IOException {
    Path target = Files.writeString(dir.resolve("out.jsonl"), "{\"url\":\"old\"}\n");
    try (AtomicFileSink sink = AtomicFileSink.create(target)) {
      sink.write(ok("http://a.test/"));
    }
    assertThat(Files.readString(target)).isEqualTo("{\"url\":\"old\"}\n");
    assertThat(Files.readAllLines(AtomicFileSink.partialFile(target))).singleElement().asString().contains("a.test");
  }

  @Test
  void writesAfterCloseFailAndAddNothing() throws IOException {
    Path target = dir.resolve("out.jsonl");
    AtomicFileSink sink = AtomicFileSink.create(target);
    sink.write(ok("http://a.test/"));
    sink.close();
    assertThatThrownBy(() -> sink.write(ok("http://b.test/"))).isInstanceOf(StoreException.class)
        .hasMessageContaining("closed");
    assertThat(Files.readAllLines(sink.partial())).hasSize(1);
  }

  @Test
  void resumeAppendsToThePartialFileAndCreateStartsItAfresh() throws IOException {
    Path target = dir.resolve("out.jsonl");
    try (AtomicFileSink first = AtomicFileSink.create(target)) {
      first.write(ok("http://a.test/"));
    }
    try (AtomicFileSink resumed = AtomicFileSink.resume(target)) {
      resumed.write(ok("http://b.test/"));
      resumed.commit();
    }
    assertThat(Files.readAllLines(target)).hasSize(2);
    try (AtomicFileSink fresh = AtomicFileSink.create(target)) {
      fresh.write(ok("http://c.test/"));
      fresh.commit();
    }
    assertThat(Files.readAllLines(target)).singleElement().asString().contains("c.test");
  }

  @Test
  void aWriterWhoseThreadIsInterruptedWritesItsLineAndTheFileStaysOpenForTheNext() throws IOException {
    Path target = dir.resolve("out.jsonl");
    try (AtomicFileSink sink = AtomicFileSink.create(target)) {
      Thread.currentThread().interrupt();
      try {
        sink.write(ok("http://a.test/"));
        assertThat(Thread.currentThread().isInterrupted()).as("the interrupt status is kept").isTrue();
      } finally {
        Thread.interrupted();
      }
      sink.write(ok("http://b.test/"));
      Thread.currentThread().interrupt();
      try {
        sink.commit();
        assertThat(Thread.currentThread().isInterrupted()).as("the interrupt status is kept").isTrue();
      } finally {
        Thread.interrupted();
      }
    }
    assertThat(Files.readAllLines(target)).hasSize(2);
    assertThat(AtomicFileSink.partialFile(target)).doesNotExist();
  }

  @Test
  void commitOntoADirectoryFailsWithAStoreExceptionAndKeepsThePartialFile() throws IOException {
    Path target = Files.createDirectories(dir.resolve("taken"));
    Files.writeString(target.resolve("x"), "x");
    AtomicFileSink sink = AtomicFileSink.create(target);
    sink.write(ok("http://a.test/"));
    assertThatThrownBy(sink::commit).isInstanceOf(StoreException.class)
        .hasMessage("cannot move '" + sink.partial() + "' onto '" + target + "': is a directory");
    assertThat(Files.readAllLines(AtomicFileSink.partialFile(target))).hasSize(1);
    assertThat(List.of(target.toFile().list())).containsExactly("x");
  }

  @Test
  void aRenameTheDirectoryRefusesSaysPermissionDeniedAndKeepsThePartialFile() throws IOException {
    Path locked = Files.createDirectories(dir.resolve("locked"));
    Path target = locked.resolve("out.jsonl");
    AtomicFileSink sink = AtomicFileSink.create(target);
    sink.write(ok("http://a.test/"));
    Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("r-xr-xr-x"));
    try {
      assumeFalse(Files.isWritable(locked), "root ignores the directory's permissions");
      assertThatThrownBy(sink::commit).isInstanceOf(StoreException.class)
          .hasMessage("cannot move '" + sink.partial() + "' onto '" + target + "': permission denied");
      assertThat(Files.readAllLines(sink.partial())).hasSize(1);
    } finally {
      Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("rwxr-xr-x"));
    }
  }

  @Test
  void aGuardListsTheNewTemporaryFileUntilItsFirstLine() throws IOException {
    List<String> events = new java.util.ArrayList<>();
    TemporaryFileGuard guard = new TemporaryFileGuard() {
      @Override
      public java.nio.channels.FileChannel create(Path file, Opener opener) throws IOException {
        events.add("create " + file.getFileName());
        return opener.open(file);
      }

      @Override
      public void release(Path file) {
        events.add("release " + file.getFileName());
      }
    };
    try (AtomicFileSink sink = AtomicFileSink.create(dir.resolve("out.jsonl"), guard)) {
      assertThat(sink.partial()).isEmptyFile();
      assertThat(events).containsExactly("create out.jsonl.partial");
      sink.write(ok("http://a.test/"));
      sink.write(ok("http://b.test/"));
    }
    assertThat(events).containsExactly("create out.jsonl.partial", "release out.jsonl.partial");
  }
}
