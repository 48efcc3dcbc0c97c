package io.crawlpipe.crawler.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.Headers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * How an {@code @FILE} argument file is split into arguments (docs/CLI.md): white space and line
 * ends separate them, {@code '…'} or {@code "…"} hold one with white space or quotes, a backslash
 * escapes only inside quotes, and {@code #} is an ordinary character (a key or password may hold one).
 */
@Timeout(60)
class ArgumentFileContentsTest {
  @TempDir Path dir;
  private final MockWebServer site = new MockWebServer();

  @BeforeEach
  void start() throws IOException {
    site.start(InetAddress.getLoopbackAddress(), 0);
  }

  @AfterEach
  void stop() {
    site.close();
  }

  /** The headers of the one request a crawl of {@code /} with the arguments in {@code argumentFile} sent. */
  private Headers sentWith(String argumentFile) throws Exception {
    site.enqueue(new MockResponse.Builder().setHeader("Content-Type", "text/html").body("<title>ok</title>").build());
    Path args = Files.writeString(dir.resolve("run.args"), argumentFile);
    Path urls = Files.write(dir.resolve("urls.txt"), List.of(site.url("/").toString()));
    CliRunner cli = new CliRunner();
    assertThat(cli.run("-q", "--ignore-robots", "--out", dir.resolve("r.jsonl").toString(), "@" + args, urls.toString()))
        .as(cli.stderr()).isZero();
    RecordedRequest request = site.takeRequest(5, TimeUnit.SECONDS);
    assertThat(request).isNotNull();
    return request.getHeaders();
  }

  @Test
  void aHashInAnArgumentFileIsPartOfTheArgumentNotAComment() throws Exception {
    Headers sent = sentWith("-H\nX-Api-Key:abc#123\n-H X-Note:#not-a-comment\n");
    assertThat(sent.get("X-Api-Key")).isEqualTo("abc#123");
    assertThat(sent.get("X-Note")).isEqualTo("#not-a-comment");
  }

  @Test
  void quotesHoldWhiteSpaceAndABackslashEscapesOnlyInsideThem() throws Exception {
    Headers sent = sentWith("--user-agent 'My Bot/1.0 (+http://bot.example/#about)'\n"
        + "-H \"X-Quote: it's \\\"here\\\"\" -H X-Plain:a\\b -H \"X-Quoted: c\\\\d e\\q\"\n");
    assertThat(sent.get("User-Agent")).isEqualTo("My Bot/1.0 (+http://bot.example/#about)");
    assertThat(sent.get("X-Quote")).isEqualTo("it's \"here\"");
    assertThat(sent.get("X-Plain")).isEqualTo("a\\b");
    assertThat(sent.get("X-Quoted")).isEqualTo("c\\d eq");
  }
}
