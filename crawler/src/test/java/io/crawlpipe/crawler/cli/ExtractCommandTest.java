package io.crawlpipe.crawler.cli;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** {@code crawl extract} prints, without fetching, the line a crawl would write for a saved page. */
class ExtractCommandTest {
  @TempDir Path dir;
  private final JsonMapper json = JsonMapper.builder().build();
  private final CliRunner cli = new CliRunner();
  private Path rules;
  private Path page;

  @BeforeEach
  void files() throws IOException {
    rules = Files.writeString(dir.resolve("rules.json"), """
        {"rules": [{"name": "news", "url": "https://news.test/*", "fields": {
          "headline": {"css": "h1"},
          "links": {"css": "a", "value": "abs:href", "all": true}}}]}""");
    page = Files.writeString(dir.resolve("story.html"),
        "<title>Story</title><h1> Big\n  news </h1><a href=\"/more\">more</a><a href=\"next\">next</a>");
  }

  @Test
  void extractsWhatACrawlWouldWriteForASavedPageFromTheUrlGiven() {
    assertThat(cli.run("extract", "--rules", rules.toString(), "--url", "https://news.test/a/1", page.toString()))
        .isZero();

    JsonNode line = json.readTree(cli.stdout());
    assertThat(line.get("url").asString()).isEqualTo("https://news.test/a/1");
    assertThat(line.get("status").asInt()).isEqualTo(200);
    assertThat(line.get("ok").asBoolean()).isTrue();
    assertThat(line.get("content_type").asString()).isEqualTo("text/html");
    assertThat(line.get("title").asString()).isEqualTo("Story");
    assertThat(line.get("attempts").asInt()).isZero();
    assertThat(line.get("data").toString())
        .isEqualTo("{\"headline\":\"Big news\",\"links\":[\"https://news.test/more\",\"https://news.test/a/next\"]}");
    assertThat(line.get("error").isNull()).isTrue();
    assertThat(cli.stderr().strip()).isEqualTo("crawl: " + page + ": rule \"news\" (https://news.test/*)");
  }

  @Test
  void theUrlGivenIsNormalisedAsACrawlsFinalUrlIsBeforeTheRulesMatchIt() {
    assertThat(cli.run("extract", "--rules", rules.toString(), "--url", "HTTPS://News.TEST:443/b/../a/1", page.toString()))
        .isZero();

    JsonNode line = json.readTree(cli.stdout());
    assertThat(line.get("url").asString()).isEqualTo("HTTPS://News.TEST:443/b/../a/1");
    assertThat(line.get("final_url").asString()).isEqualTo("https://news.test/a/1");
    assertThat(line.get("data").get("links").toString()).isEqualTo("[\"https://news.test/more\",\"https://news.test/a/next\"]");
    assertThat(cli.stderr()).contains("rule \"news\"");
  }

  @Test
  void stdinGivenTwiceIsRefused() {
    assertThat(cli.run(new ByteArrayInputStream("<title>x</title>".getBytes(UTF_8)),
        "extract", "-", "-")).isEqualTo(2);
    assertThat(cli.stdout()).isEmpty();
    assertThat(cli.stderr().strip()).isEqualTo("crawl: '-' given twice: stdin holds one page");
  }

  @Test
  void withoutAUrlNoRuleMatchesAndTheWarningSaysToGiveOne() {
    assertThat(cli.run("extract", "--rules", rules.toString(), page.toString())).isZero();

    JsonNode line = json.readTree(cli.stdout());
    assertThat(line.get("url").asString()).startsWith("file:/").endsWith("/story.html");
    assertThat(line.get("data").isEmpty()).isTrue();
    assertThat(line.get("title").asString()).isEqualTo("Story");
    assertThat(cli.stderr()).contains("crawl: warning: " + page + ": no rule matches file:/")
        .contains("give the URL the page came from with --url");
  }

  @Test
  void aPagesDefaultUrlHasNoDotSegmentsButKeepsItsSymbolicLinksUnresolved() throws IOException {
    Files.createDirectory(dir.resolve("sub"));
    Path link = Files.createSymbolicLink(dir.resolve("sub/link.html"), page);
    Path fromHere = Path.of("").toAbsolutePath().relativize(dir); // ../.. up from the working directory

    assertThat(cli.run("extract", fromHere.resolve("sub/../story.html").toString(),
        fromHere.resolve("./sub/./link.html").toString())).isZero();

    String[] lines = cli.stdout().split("\n");
    assertThat(json.readTree(lines[0]).get("url").asString()).isEqualTo(page.toUri().toString());
    assertThat(json.readTree(lines[0]).get("final_url").asString()).isEqualTo(page.toUri().toString());
    assertThat(json.readTree(lines[1]).get("url").asString()).isEqualTo(link.toUri().toString()).endsWith("/sub/link.html");
  }

  @Test
  void aRuleThatFailsOnThePageGivesItsLineTheErrorAndExitsOne() throws IOException {
    Path jsonRules = Files.writeString(dir.resolve("api.json"), """
        {"rules": [{"name": "api", "url": "https://api.test/*", "fields": {"id": {"json": "/id"}}}]}""");
    Path notJson = Files.writeString(dir.resolve("reply.json"), "{\"id\": 7,}");
    Path good = Files.writeString(dir.resolve("good.json"), "{\"id\": 8}");

    assertThat(cli.run("extract", "--rules", jsonRules.toString(), "--url", "https://api.test/x", notJson.toString(),
        good.toString())).isEqualTo(1);

    String[] lines = cli.stdout().split("\n");
    assertThat(lines).hasSize(2);
    JsonNode failed = json.readTree(lines[0]);
    assertThat(failed.get("content_type").asString()).isEqualTo("application/json");
    assertThat(failed.get("error").get("type").asString()).isEqualTo("extract_error");
    assertThat(failed.get("ok").asBoolean()).isFalse();
    assertThat(json.readTree(lines[1]).get("data").get("id").asInt()).isEqualTo(8);
  }

  @Test
  void aPageWhoseTypeIsNotTextIsUnsupportedWithNoBytesCountedAsACrawlDoesNotReadItsBody() throws IOException {
    Path image = Files.write(dir.resolve("logo.png"), new byte[] {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10});
    assertThat(cli.run("extract", "--content-type", "image/png", "--url", "https://news.test/logo.png",
        image.toString())).isEqualTo(1);

    JsonNode line = json.readTree(cli.stdout());
    assertThat(line.get("content_type").asString()).isEqualTo("image/png");
    assertThat(line.get("error").get("type").asString()).isEqualTo("unsupported_content");
    assertThat(line.get("error").get("message").asString()).endsWith("; body not read");
    assertThat(line.get("bytes").asInt()).isZero();
  }

  @Test
  void aPageWhoseTypeIsNotTextIsSaidNotToBeReadNotToHaveHadTheMatchingRuleApplied() throws IOException {
    Path image = Files.write(dir.resolve("logo.png"), new byte[] {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10});
    assertThat(cli.run("extract", "--rules", rules.toString(), "--content-type", "image/png", "--url",
        "https://news.test/logo.png", image.toString(), page.toString())).isEqualTo(1);

    JsonNode line = json.readTree(cli.stdout().split("\n")[0]);
    assertThat(line.get("error").get("type").asString()).isEqualTo("unsupported_content");
    assertThat(line.get("data").isEmpty()).isTrue();
    assertThat(cli.stderr()).isEqualTo("crawl: " + image + ": not read (its type, image/png, is not text), so no rule"
        + " applied\ncrawl: " + page + ": not read (its type, image/png, is not text), so no rule applied\n");
  }

  @Test
  void aPageThatCannotBeReadIsOneLineAndExitTwoBeforeAnythingIsPrinted() {
    assertThat(cli.run("extract", page.toString(), dir.resolve("gone.html").toString())).isEqualTo(2);
    assertThat(cli.stdout()).isEmpty();
    assertThat(cli.stderr().strip()).isEqualTo("crawl: cannot read page '" + dir.resolve("gone.html")
        + "': no such file or directory");
  }

  @Test
  void badRulesOrABadUrlAreExitTwo() throws IOException {
    Path bad = Files.writeString(dir.resolve("bad.json"), "{\"rules\": [{\"name\": \"x\"}]}");
    assertThat(cli.run("extract", "--rules", bad.toString(), page.toString())).isEqualTo(2);
    assertThat(cli.stderr().strip()).startsWith("crawl: " + bad).doesNotContain("Exception");
    CliRunner ftp = new CliRunner();
    assertThat(ftp.run("extract", "--url", "ftp://news.test/", page.toString())).isEqualTo(2);
    assertThat(ftp.stderr().strip()).isEqualTo("crawl: invalid option --url: 'ftp://news.test/': unsupported scheme"
        + " 'ftp' (only http and https)");
    assertThat(ftp.stdout()).isEmpty();
  }

  @Test
  void aVeryLongBadUrlIsQuotedByItsStartAndEndWithItsLengthAsLongRulesAreQuoted() {
    String url = "http://x/" + "a".repeat(100_000) + "z";

    assertThat(cli.run("extract", "--url", url, page.toString())).isEqualTo(2);

    assertThat(cli.stderr()).isEqualTo("crawl: invalid option --url: '" + url.substring(0, 80) + "…" + "a".repeat(29)
        + "z' (100,010 characters): not a URL: longer than 65536 characters\n");
    assertThat(cli.stdout()).isEmpty();
  }

  @Test
  void aUrlWithUserInfoIsRefusedWithoutRepeatingItsPassword() {
    assertThat(cli.run("extract", "--url", "http://bob:hunter2@news.test/a", page.toString())).isEqualTo(2);
    assertThat(cli.stderr().strip()).isEqualTo("crawl: invalid option --url: 'http://news.test/a': user info"
        + " (user:password@) in a URL is not supported: crawlpipe sends no credentials");
    CliRunner noSlashes = new CliRunner();
    assertThat(noSlashes.run("extract", "--url", "http:bob:hunter2@news.test/a", page.toString())).isEqualTo(2);
    assertThat(noSlashes.stderr()).startsWith("crawl: invalid option --url: 'http:news.test/a': ").doesNotContain("hunter2");
  }

  @Test
  void readsAPageFromStdinDecodedByTheContentTypeGiven() {
    Charset cyrillic = Charset.forName("windows-1251");
    byte[] body = "<title>Привет</title>".getBytes(cyrillic);
    assertThat(cli.run(new ByteArrayInputStream(body), "extract", "--content-type", "text/html; charset=windows-1251",
        "-")).isZero();

    JsonNode line = json.readTree(cli.stdout());
    assertThat(line.get("title").asString()).isEqualTo("Привет");
    assertThat(line.get("charset").asString()).isEqualTo("windows-1251");
    assertThat(line.get("bytes").asInt()).isEqualTo(body.length);
  }

  @Test
  void aSavedFeedIsXmlByItsExtensionDecodedAsItsDeclarationSaysWithNoTitle() throws IOException {
    byte[] feed = "<?xml version=\"1.0\" encoding=\"windows-1251\"?><rss><channel><title>Привет</title></channel></rss>"
        .getBytes(Charset.forName("windows-1251"));
    Path rss = Files.write(dir.resolve("feed.rss"), feed);
    Path feedRules = Files.writeString(dir.resolve("feed-rules.json"), """
        {"rules": [{"name": "feed", "url": "*", "fields": {"channel": {"css": "channel > title"}}}]}""");
    assertThat(cli.run("extract", "--rules", feedRules.toString(), rss.toString())).isZero();

    JsonNode line = json.readTree(cli.stdout());
    assertThat(line.get("content_type").asString()).isEqualTo("application/rss+xml");
    assertThat(line.get("title").isNull()).isTrue();
    assertThat(line.get("data").toString()).isEqualTo("{\"channel\":\"Привет\"}");
  }

  @Test
  void anUntypedFeedIsSniffedAsXmlDecodedAsItsDeclarationSaysWithNoTitle() {
    byte[] feed = "<?xml version=\"1.0\" encoding=\"windows-1251\"?><rss><channel><title>Привет</title></channel></rss>"
        .getBytes(Charset.forName("windows-1251"));
    assertThat(cli.run(new ByteArrayInputStream(feed), "extract", "-")).isZero();

    JsonNode line = json.readTree(cli.stdout());
    assertThat(line.get("content_type").isNull()).isTrue();
    assertThat(line.get("title").isNull()).isTrue();
    assertThat(line.get("charset").isNull()).isTrue();
  }

  @Test
  void theHelpNamesEveryExtensionATypeIsTakenFrom() {
    assertThat(cli.run("extract", "--help")).isZero();
    String help = cli.stdout().replaceAll("\\s+", " ");
    assertThat(ServedPages.TYPES_BY_EXTENSION.keySet()).allSatisfy(extension ->
        assertThat(help).containsPattern("Default: from the file name \\([^)]*\\." + extension + "[,)]"));
  }

  @Test
  void theHelpListsTheExitCodesOfAStopBySignalToo() {
    assertThat(cli.run("extract", "--help")).isZero();
    assertThat(cli.stdout().replaceAll("\\s+", " ")).contains("130/143 stopped by SIGINT/SIGTERM");
  }

  @Test
  void aLineThatCannotBeWrittenEndsTheRunWithExitThreeAsACrawlToStdoutDoes() {
    PrintStream full = new PrintStream(new OutputStream() {
      @Override
      public void write(int b) throws IOException {
        throw new IOException("No space left on device");
      }
    }, true, UTF_8);
    ByteArrayOutputStream err = new ByteArrayOutputStream();

    int code = Main.run(new String[] {"extract", page.toString(), page.toString()}, new ByteArrayInputStream(new byte[0]),
        full, new PrintStream(err, true, UTF_8));

    assertThat(code).isEqualTo(3);
    assertThat(err.toString(UTF_8))
        .isEqualTo("crawl: cannot write results to stdout: write failed (a closed pipe, or a full disk?)\n");
  }

  @Test
  void linesAreUtf8WhateverTheEncodingOfStdoutAsACrawlsAre() throws IOException {
    Files.writeString(page, "<title>Привет</title>");
    ByteArrayOutputStream out = new ByteArrayOutputStream();

    assertThat(Main.run(new String[] {"extract", page.toString()}, new ByteArrayInputStream(new byte[0]),
        new PrintStream(out, true, StandardCharsets.US_ASCII), new PrintStream(new ByteArrayOutputStream(), true, UTF_8)))
        .isZero();

    assertThat(json.readTree(out.toString(UTF_8)).get("title").asString()).isEqualTo("Привет");
  }
}
