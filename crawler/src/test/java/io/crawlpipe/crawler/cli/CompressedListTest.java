package io.crawlpipe.crawler.cli;

import static io.crawlpipe.crawler.cli.ListInputTest.gzip;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
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
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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
    Path list = Files.write(dir.resolve("urls.txt.gz"), Arrays.copyOf(whole, whole.length / 2));
    Path results = dir.resolve("r.jsonl");

    assertThat(run(InputStream.nullInputStream(), "-o", results.toString(), list.toString())).isEqualTo(2);

    assertThat(stderr().strip().lines()).hasSize(1);
    Matcher message = Pattern.compile("crawl: cannot read URL file '" + Pattern.quote(list.toString())
        + "' at line (\\d+): Unexpected end of ZLIB input stream; crawled the lines before it: (\\d+) URLs, 0 ok, \\2 failed"
        + " .*; results in " + Pattern.quote(results.toString()) + "; once the list is whole, --resume crawls the rest")
        .matcher(stderr().strip());
    assertThat(message.matches()).as(stderr()).isTrue();
    int crawled = Integer.parseInt(message.group(2));
    assertThat(Integer.parseInt(message.group(1))).isEqualTo(crawled + 1);
    assertThat(crawled).isBetween(100, 2_900);
    List<String> written = Files.readAllLines(results);
    assertThat(written).hasSize(crawled);
    assertThat(written).allMatch(l -> l.contains("\"invalid_url\""));
    assertThat(written.stream().map(l -> l.substring(l.indexOf("not-a-url-"), l.indexOf("not-a-url-") + 42)))
        .containsExactlyInAnyOrderElementsOf(urls.subList(0, crawled));
    assertThat(dir.resolve("r.jsonl.partial")).doesNotExist();
  }

  @Test
  void anXzListIsRefusedBeforeAnythingIsWritten() throws IOException {
    byte[] xz = {(byte) 0xfd, '7', 'z', 'X', 'Z', 0, 0, 4};
    Path list = Files.write(dir.resolve("urls.txt.xz"), xz);
    Path results = dir.resolve("r.jsonl");

    assertThat(run(InputStream.nullInputStream(), "-o", results.toString(), list.toString())).isEqualTo(2);
    assertThat(stderr().strip()).isEqualTo("crawl: cannot read URL file '" + list
        + "': it is xz-compressed; crawlpipe reads a text list, plain or gzip-compressed");
    assertThat(results).doesNotExist();
  }

  @Test
  void aBinaryFileIsRefusedAsNotTextInsteadOfReadForEver() throws IOException {
    Path list = Files.write(dir.resolve("zeros"), new byte[100_000]);
    Path results = dir.resolve("r.jsonl");

    assertThat(run(InputStream.nullInputStream(), "-o", results.toString(), list.toString())).isEqualTo(2);
    assertThat(stderr().strip()).isEqualTo("crawl: cannot read URL file '" + list
        + "': it is not text (a NUL byte at offset 0); crawlpipe reads a text list, plain or gzip-compressed");
    assertThat(results).doesNotExist();
  }

  @Test
  void aUtf16ListSavedByWindowsIsCrawled() throws IOException {
    String list = "\ufeff" + server.url("/u") + "\r\n";

    assertThat(run(new ByteArrayInputStream(list.getBytes(StandardCharsets.UTF_16LE)), "-q", "--out", "-", "-")).isEqualTo(0);
    assertThat(cli.stdout().lines().toList()).singleElement().asString()
        .contains("\"title\":\"/u\"");
  }
}
