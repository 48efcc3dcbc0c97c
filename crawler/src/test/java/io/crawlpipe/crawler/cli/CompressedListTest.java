package io.crawlpipe.crawler.cli;

import static io.crawlpipe.crawler.cli.ListInputTest.gzip;
import static org.assertj.core.api.Assertions.assertThat;

import io.crawlpipe.store.AtomicFileSink;
import java.io.ByteArrayInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(60)
class CompressedListTest {
  @TempDir Path dir;
  private final MockWebServer server = new MockWebServer();
  private final CliRunner cli = new CliRunner();

  @BeforeEach
  void start() throws IOException {
    PathTitles.serve(server);
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private int run(InputStream stdin, String... args) {
    return cli.run(stdin, args);
  }

  private String stderr() {
    return cli.stderr();
  }

  private static String lines(List<String> lines) {
    return String.join("\n", lines) + "\n";
  }

  @Test
  void aGzipListIsCrawledLikeAPlainOne() throws IOException {
    String a = server.url("/a").toString();
    Path list = Files.write(dir.resolve("urls.txt.gz"), gzip(lines(List.of(a, server.url("/b").toString(), a))));
    Path results = dir.resolve("r.jsonl");

    assertThat(run(InputStream.nullInputStream(), "-o", results.toString(), list.toString())).isEqualTo(0);
    assertThat(Files.readAllLines(results)).hasSize(2).allMatch(l -> l.contains("\"ok\":true"))
        .anyMatch(l -> l.contains("\"title\":\"/b\""));
  }

  @Test
  void aGzipListOnStdinIsCrawled() throws IOException {
    byte[] list = gzip(lines(List.of(server.url("/x").toString())));

    assertThat(run(new ByteArrayInputStream(list), "-q", "--out", "-", "-")).isEqualTo(0);
    assertThat(cli.stdout().lines().toList()).singleElement().asString()
        .contains("\"title\":\"/x\"");
  }

  /** 3,000 lines that do not compress much, cut in the middle: the lines before the cut get results. */
  @Test
  void aTruncatedGzipListIsCrawledUpToTheBreakAndExitsTwo() throws IOException {
    Random random = new Random(7);
    List<String> urls = new ArrayList<>();
    for (int i = 0; i < 3_000; i++) {
      byte[] token = new byte[16];
      random.nextBytes(token);
      urls.add("not-a-url-" + HexFormat.of().formatHex(token));
    }
    byte[] whole = gzip(lines(urls));

    int crawled = crawlCutAt(urls, whole.length / 2, "Unexpected end of ZLIB input stream");

    assertThat(crawled).isBetween(100, 2_900);
  }

  @Test
  void aTruncatedGzipListOnStdinIsCrawledUpToTheBreakAndExitsTwo() throws IOException {
    List<String> urls = new ArrayList<>();
    for (int i = 0; i < 20_000; i++) urls.add("not-a-url-" + i);

    assertThat(crawlCutAt(urls, gzip(lines(urls)).length / 2, "Unexpected end of ZLIB input stream", true))
        .isBetween(100, 19_900);
  }

  @Test
  void aBinaryListOnStdinIsRefusedLeavingTheEarlierResultsAsTheyWere() throws IOException {
    Path results = Files.writeString(dir.resolve("r.jsonl"), "{\"url\":\"http://a.test/\",\"ok\":true}\n");

    assertThat(run(new ByteArrayInputStream(new byte[100_000]), "-o", results.toString(), "-")).isEqualTo(2);
    assertThat(stderr().lines()).singleElement().asString()
        .isEqualTo("crawl: cannot read URL file '-': it is not text (a NUL byte at offset 0); crawlpipe reads a text"
            + " list, plain or gzip-compressed; nothing was crawled and '" + results + "' was left as it was");
    assertThat(results).hasContent("{\"url\":\"http://a.test/\",\"ok\":true}");
    assertThat(AtomicFileSink.partialFile(results)).doesNotExist();
  }

  @Test
  void aListWhoseFirstReadFailsIsRefusedLeavingTheEarlierResultsAsTheyWere() throws IOException {
    Path results = Files.writeString(dir.resolve("r.jsonl"), "{\"url\":\"http://a.test/\",\"ok\":true}\n");
    InputStream directory = CliRunner.directoryOnStdin();

    assertThat(run(directory, "-o", results.toString(), "-")).isEqualTo(2);
    assertThat(stderr().lines()).singleElement().asString().isEqualTo("crawl: cannot read URL file '-': is a"
        + " directory; nothing was crawled and '" + results + "' was left as it was");
    assertThat(results).hasContent("{\"url\":\"http://a.test/\",\"ok\":true}");
    assertThat(AtomicFileSink.partialFile(results)).doesNotExist();

    InputStream commentsThenAFailure = new java.io.SequenceInputStream(
        new ByteArrayInputStream("# nightly list\n\n".getBytes(StandardCharsets.US_ASCII)), CliRunner.directoryOnStdin());
    assertThat(run(commentsThenAFailure, "-o", results.toString(), "-")).isEqualTo(2);
    assertThat(stderr()).contains("nothing was crawled and '" + results + "' was left as it was");
    assertThat(results).hasContent("{\"url\":\"http://a.test/\",\"ok\":true}");
  }

  /** Cut within the first few kilobytes of text: the reader's first buffer must not be lost with the failing read. */
  @Test
  void aListCutWithinItsFirstReadKeepsTheLinesBeforeTheCut() throws IOException {
    List<String> urls = new ArrayList<>();
    for (int i = 0; i < 1_000; i++) urls.add("not-a-url-" + i);

    assertThat(crawlCutAt(urls, 500, "Unexpected end of ZLIB input stream")).isPositive();
  }

  @Test
  void aListCutInItsGzipTrailerHasEveryLineCrawled() throws IOException {
    List<String> urls = List.of("not-a-url-1", "not-a-url-2");
    byte[] whole = gzip(lines(urls));

    assertThat(crawlCutAt(urls, whole.length - 4, "it ends too early \\(cut short\\?\\)")).isEqualTo(2);
  }

  /**
   * A list of two members cut in the second's header ({@code gzip -dc}: "unexpected end of file"):
   * the first member's lines are crawled and the run says the list ends too early, not that it is whole.
   */
  @Test
  void aListCutInsideALaterMembersHeaderIsCrawledUpToTheCutAndExitsTwo() throws IOException {
    byte[] first = gzip(lines(List.of("not-a-url-1", "not-a-url-2")));
    byte[] cutHeader = Arrays.copyOf(gzip(lines(List.of("not-a-url-3"))), 5);
    Path list = Files.write(dir.resolve("urls.txt.gz"), concat(first, cutHeader));
    Path results = dir.resolve("r.jsonl");

    assertThat(run(InputStream.nullInputStream(), "-o", results.toString(), list.toString())).isEqualTo(2);
    assertThat(stderr()).startsWith("crawl: cannot read URL file '" + list + "' after line 2: it ends too early"
        + " (cut short?); crawled the lines before it: 2 URLs");
    assertThat(Files.readAllLines(results)).hasSize(2);
  }

  private static byte[] concat(byte[] first, byte[] second) {
    byte[] both = Arrays.copyOf(first, first.length + second.length);
    System.arraycopy(second, 0, both, first.length, second.length);
    return both;
  }

  /**
   * Crawls the gzip of {@code urls} cut after {@code cutBytes} bytes and checks the run: exit 2, one
   * line saying after which line the list broke and why, one result for each line before it (as
   * many as gunzipping the cut list yields whole) and none for any other, the results file completed.
   *
   * @return the number of lines crawled
   */
  private int crawlCutAt(List<String> urls, int cutBytes, String reason) throws IOException {
    return crawlCutAt(urls, cutBytes, reason, false);
  }

  /** As above, the cut list given as a file or, with {@code onStdin}, on stdin (read on the list's own thread). */
  private int crawlCutAt(List<String> urls, int cutBytes, String reason, boolean onStdin) throws IOException {
    byte[] cut = Arrays.copyOf(gzip(lines(urls)), cutBytes);
    String list = onStdin ? "-" : Files.write(dir.resolve("urls.txt.gz"), cut).toString();
    Path results = dir.resolve("r.jsonl");
    InputStream stdin = onStdin ? new ByteArrayInputStream(cut) : InputStream.nullInputStream();

    assertThat(run(stdin, "-o", results.toString(), list)).isEqualTo(2);

    Matcher message = Pattern.compile("crawl: cannot read URL file '" + Pattern.quote(list)
        + "' after line (\\d+): " + reason + "; crawled the lines before it: \\1 URLs, 0 ok, \\1 failed"
        + " .*; results in " + Pattern.quote(results.toString()) + "; once the list is whole, --resume crawls the rest")
        .matcher(stderr().strip());
    assertThat(message.matches()).as(stderr()).isTrue();
    int crawled = Integer.parseInt(message.group(1));
    assertThat(crawled).isEqualTo(wholeLinesIn(cut));
    List<String> written = Files.readAllLines(results);
    assertThat(written).allMatch(l -> l.contains("\"invalid_url\""));
    assertThat(written.stream().map(l -> l.substring(l.indexOf("\"url\":\"") + 7, l.indexOf("\",\"final_url\""))))
        .containsExactlyInAnyOrderElementsOf(urls.subList(0, crawled));
    assertThat(dir.resolve("r.jsonl.partial")).doesNotExist();
    return crawled;
  }

  /** How many whole lines gunzipping {@code cut} byte by byte yields before it fails. */
  private static int wholeLinesIn(byte[] cut) {
    int lines = 0;
    try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(cut))) {
      for (int b; (b = in.read()) >= 0; ) if (b == '\n') lines++;
    } catch (IOException expected) {
      // the cut
    }
    return lines;
  }

  /** A list on stdin is first read once the run is set up: its lock is taken before the wait for a slow producer. */
  @Test
  void aListOnAPipeIsReadOnlyOnceTheRunHoldsItsLock() throws IOException {
    Path results = dir.resolve("r.jsonl");
    Path lock = dir.resolve("r.jsonl.lock");
    AtomicBoolean lockedAtFirstRead = new AtomicBoolean();
    InputStream list = new ByteArrayInputStream(lines(List.of(server.url("/p").toString())).getBytes(StandardCharsets.UTF_8));
    InputStream stdin = new FilterInputStream(list) {
      private boolean first = true;

      @Override
      public int read(byte[] bytes, int offset, int length) throws IOException {
        if (first) lockedAtFirstRead.set(Files.exists(lock));
        first = false;
        return super.read(bytes, offset, length);
      }
    };

    assertThat(run(stdin, "-o", results.toString(), "-")).isEqualTo(0);
    assertThat(lockedAtFirstRead).isTrue();
    assertThat(Files.readAllLines(results)).singleElement().asString().contains("\"title\":\"/p\"");
  }

  /** {@code list} (file contents) is refused with one line naming it and {@code reason}, exit 2, no results file. */
  private void assertRefusedBeforeAnythingIsWritten(String name, byte[] list, String reason) throws IOException {
    Path file = Files.write(dir.resolve(name), list);
    Path results = dir.resolve("r.jsonl");

    assertThat(run(InputStream.nullInputStream(), "-o", results.toString(), file.toString())).isEqualTo(2);
    assertThat(stderr().strip()).isEqualTo("crawl: cannot read URL file '" + file + "': " + reason
        + "; crawlpipe reads a text list, plain or gzip-compressed");
    assertThat(results).doesNotExist();
  }

  @Test
  void anXzListIsRefusedBeforeAnythingIsWritten() throws IOException {
    byte[] xz = {(byte) 0xfd, '7', 'z', 'X', 'Z', 0, 0, 4};
    assertRefusedBeforeAnythingIsWritten("urls.txt.xz", xz, "it is xz-compressed");
  }

  @Test
  void aBinaryFileIsRefusedAsNotTextInsteadOfReadForEver() throws IOException {
    assertRefusedBeforeAnythingIsWritten("zeros", new byte[100_000], "it is not text (a NUL byte at offset 0)");
  }

  /** Its byte-order mark ({@code FF FE 00 00}) was taken for UTF-16's, and each line read as junk. */
  @Test
  void aUtf32ListIsRefusedByNameBeforeAnythingIsWritten() throws IOException {
    Path file = Files.write(dir.resolve("u32.txt"), ("\ufeff" + server.url("/u") + "\n").getBytes("UTF-32LE"));
    Path results = dir.resolve("r.jsonl");

    assertThat(run(InputStream.nullInputStream(), "-o", results.toString(), file.toString())).isEqualTo(2);
    assertThat(stderr().strip()).isEqualTo("crawl: cannot read URL file '" + file + "': it is UTF-32 text;"
        + " crawlpipe reads a list in UTF-8 or UTF-16, plain or gzip-compressed");
    assertThat(results).doesNotExist();
  }

  @Test
  void aUtf16ListSavedByWindowsIsCrawled() throws IOException {
    String list = "\ufeff" + server.url("/u") + "\r\n";

    assertThat(run(new ByteArrayInputStream(list.getBytes(StandardCharsets.UTF_16LE)), "-q", "--out", "-", "-")).isEqualTo(0);
    assertThat(cli.stdout().lines().toList()).singleElement().asString()
        .contains("\"title\":\"/u\"");
  }

  /**
   * The JDK's decoder took the {@code \n} after an unpaired high surrogate with it, so two lines
   * became one. Now it reads as U+FFFD (an invalid_url result, hence exit 1), the next line is
   * crawled, and another unpaired surrogate in the same place gives the same line, recorded once.
   */
  @Test
  void unpairedHighSurrogateBeforeNewlineKeepsBothLines() throws IOException {
    String a = server.url("/a") + "?";
    String list = "\ufeff" + a + "\ud800\n" + server.url("/b") + "\n" + a + "\udbff\n";
    Path file = Files.write(dir.resolve("urls.txt"), Utf16ReaderTest.units(list, false));

    assertThat(run(InputStream.nullInputStream(), "-q", "--out", "-", file.toString())).as(cli.stderr()).isEqualTo(1);
    assertThat(cli.stdout().lines().toList()).hasSize(2)
        .anyMatch(l -> l.contains("\"url\":\"" + a + "\ufffd\"") && l.contains("invalid_url"))
        .anyMatch(l -> l.contains("\"title\":\"/b\""));
  }

  /** Read from a file and from stdin (through its reader thread), the message names the list's encoding. */
  @Test
  void aUtf16ListsUndecodableUnitIsExplainedAsUtf16() throws IOException {
    String line = server.url("/a") + "?\udc00";
    byte[] list = Utf16ReaderTest.units("\ufeff" + line + "\n", true);
    Path file = Files.write(dir.resolve("urls.txt"), list);
    String expected = "\"message\":\"not a valid URL: contains U+FFFD, which is what an unpaired surrogate or an odd last"
        + " byte of a UTF-16 list reads as\"";

    assertThat(run(InputStream.nullInputStream(), "-q", "--out", "-", file.toString())).as(cli.stderr()).isEqualTo(1);
    assertThat(cli.stdout().lines().toList()).singleElement().asString().contains("invalid_url").contains(expected);
    CliRunner stdin = new CliRunner(); // one runner per run
    assertThat(stdin.run(new ByteArrayInputStream(list), "-q", "--out", "-", "-")).as(stdin.stderr()).isEqualTo(1);
    assertThat(stdin.stdout().lines().toList()).singleElement().asString().contains("invalid_url").contains(expected);
  }
}
