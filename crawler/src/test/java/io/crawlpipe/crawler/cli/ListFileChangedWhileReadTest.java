package io.crawlpipe.crawler.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.crawlpipe.crawler.CrawlControl;
import io.crawlpipe.crawler.UrlSource;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A list file that changes while it is read (still being written, emptied, rewritten) ends as a
 * list that breaks off: where the change is seen, with a failure saying how it changed; a last line
 * without a line end is then not taken as a URL. The file is changed between the source's reads.
 */
@Timeout(60)
class ListFileChangedWhileReadTest {
  @TempDir Path dir;

  /** The list {@code path} as a run opens it ({@link UrlList#open}), as lines. */
  private static UrlSource open(Path path) {
    RunSettings settings = new RunSettings(false, false, null, Duration.ofSeconds(5), null, FailOn.any(), null, null);
    RunRequest request = new RunRequest(path.toString(), false, "r.jsonl", false, settings, null, List.of());
    return new UrlSource(UrlList.open(request, InputStream.nullInputStream(), CrawlControl.unstopped()));
  }

  private static List<String> drain(UrlSource source) {
    List<String> lines = new ArrayList<>();
    for (String line; (line = source.next()) != null; ) lines.add(line);
    return lines;
  }

  private static void append(Path path, String text) throws IOException {
    Files.writeString(path, text, StandardOpenOption.APPEND);
  }

  /** The detail of the source's read failure, which must be a change. */
  private static String change(UrlSource source) {
    assertThat(source.readFailure()).isNotNull();
    assertThat(source.readFailure().cause()).isInstanceOf(WatchedListFile.Changed.class);
    return ((WatchedListFile.Changed) source.readFailure().cause()).detail();
  }

  @Test
  void aLastLineWithoutALineEndIsDroppedWhenTheListGrewWhileRead() throws IOException {
    Path whole = Files.writeString(dir.resolve("whole.txt"), "http://a.test/first\nhttp://a.test/last");
    try (UrlSource source = open(whole)) {
      assertThat(drain(source)).containsExactly("http://a.test/first", "http://a.test/last");
      assertThat(source.readFailure()).isNull();
    }

    Path growing = Files.writeString(dir.resolve("grow.txt"), "http://a.test/first\n");
    try (UrlSource source = open(growing)) {
      assertThat(source.next()).isEqualTo("http://a.test/first");
      append(growing, "http://a.test/lo"); // the writer is in the middle of its next line

      assertThat(drain(source)).isEmpty();
      assertThat(change(source)).isEqualTo("20 bytes at the start, 36 now");
      assertThat(source.readFailure().line()).isEqualTo(2);
    }
  }

  @Test
  void wholeLinesAddedWhileReadAreReadAndTheListStillEndsBroken() throws IOException {
    Path list = Files.writeString(dir.resolve("urls.txt"), "http://a.test/1\n");
    try (UrlSource source = open(list)) {
      assertThat(source.next()).isEqualTo("http://a.test/1");
      append(list, "http://a.test/2\nhttp://a.test/3\n");

      assertThat(drain(source)).containsExactly("http://a.test/2", "http://a.test/3");
      assertThat(change(source)).isEqualTo("16 bytes at the start, 48 now");
      assertThat(source.readFailure().line()).isEqualTo(4);
    }
  }

  /** A list emptied mid-read ({@code : > urls.txt}): the lines read are whole, the cut one is not a line. */
  @Test
  void aListEmptiedWhileReadEndsWhereItsReadBytesEndWithoutACutLine() throws IOException {
    List<String> urls = IntStream.range(0, 50_000).mapToObj(i -> "http://a.test/page/" + i).toList();
    Path list = Files.write(dir.resolve("urls.txt"), urls);
    long size = Files.size(list);
    try (UrlSource source = open(list)) {
      assertThat(source.next()).isEqualTo(urls.getFirst());
      try (FileChannel channel = FileChannel.open(list, StandardOpenOption.WRITE)) {
        channel.truncate(0);
      }

      List<String> read = drain(source);
      assertThat(read).hasSizeLessThan(urls.size() - 1).isEqualTo(urls.subList(1, read.size() + 1));
      assertThat(source.duplicates()).isZero();
      assertThat(change(source)).isEqualTo(size + " bytes at the start, 0 now");
      assertThat(source.readFailure().line()).isEqualTo(read.size() + 2);
    }
  }

  @Test
  void aListReplacedByARenameIsReadAsItWasButOneModifiedInPlaceEndsBroken() throws IOException {
    Path list = Files.writeString(dir.resolve("urls.txt"), "http://a.test/1\nhttp://a.test/2\n");
    try (UrlSource source = open(list)) {
      assertThat(source.next()).isEqualTo("http://a.test/1");
      Path next = Files.writeString(dir.resolve("urls.txt.new"), "http://a.test/3\n");
      Files.move(next, list, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);

      assertThat(drain(source)).containsExactly("http://a.test/2");
      assertThat(source.readFailure()).isNull();
    }

    try (UrlSource source = open(list)) {
      FileTime opened = Files.getLastModifiedTime(list);
      Files.writeString(list, "http://a.test/4\n", StandardOpenOption.WRITE); // same size, in place
      Files.setLastModifiedTime(list, FileTime.fromMillis(opened.toMillis() + 60_000));

      assertThat(drain(source)).containsExactly("http://a.test/3"); // read at the open, before the change
      assertThat(change(source)).isEqualTo("its modification time changed: written in place or touched, 16 bytes as at the start");
    }
  }

  /** The change is seen where the gzip stream ends, which reads past the last member for another. */
  @Test
  void aGzipListModifiedInPlaceWhileReadEndsBroken() throws IOException {
    Path list = Files.write(dir.resolve("urls.txt.gz"), ListInputTest.gzip("http://a.test/1\nhttp://a.test/2\n"));
    try (UrlSource source = open(list)) {
      FileTime opened = Files.getLastModifiedTime(list);
      assertThat(source.next()).isEqualTo("http://a.test/1");
      Files.write(list, ListInputTest.gzip("http://a.test/3\nhttp://a.test/4\n"), StandardOpenOption.WRITE);
      Files.setLastModifiedTime(list, FileTime.fromMillis(opened.toMillis() + 60_000));

      assertThat(drain(source)).containsExactly("http://a.test/2");
      assertThat(change(source)).startsWith("its modification time changed");
    }
  }

  @Test
  void aSysfsFileThatReportsAPageButServesLessIsReadWhole() throws IOException {
    Path sysfs = Path.of("/sys/class/net/lo/address");
    Assumptions.assumeTrue(Files.isReadable(sysfs) && Files.size(sysfs) > Files.readAllBytes(sysfs).length,
        "no /sys file that reports more bytes than it serves");
    try (UrlSource source = open(sysfs)) {
      assertThat(drain(source)).containsExactly(Files.readString(sysfs).strip());
      assertThat(source.readFailure()).isNull();
    }
  }
}
