package io.crawlpipe.parser.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.crawlpipe.parser.Page;
import io.crawlpipe.parser.ParsedPage;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

class UrlMatchingTest {

  @Test
  void globStarMatchesAnyRunIncludingSlashesAndQueries() {
    UrlPattern board = UrlPattern.parse("https://maoyan.com/board/*");
    assertThat(board.matches("https://maoyan.com/board/4")).isTrue();
    assertThat(board.matches("https://maoyan.com/board/4?offset=10")).isTrue();
    assertThat(board.matches("https://maoyan.com/board/")).isTrue();
    assertThat(board.matches("https://maoyan.com/films/1203")).isFalse();
    assertThat(board.matches("http://maoyan.com/board/4")).isFalse();
  }

  @Test
  void globTreatsQuestionMarkAndDotLiterally() {
    UrlPattern search = UrlPattern.parse("glob:https://example.com/search?q=*");
    assertThat(search.matches("https://example.com/search?q=jsoup")).isTrue();
    assertThat(search.matches("https://example.com/searchXq=jsoup")).isFalse();
    assertThat(UrlPattern.parse("https://*.example.com/*").matches("https://www.exampleXcom/")).isFalse();
  }

  @Test
  void globMustMatchTheWholeUrl() {
    assertThat(UrlPattern.parse("https://example.com/").matches("https://example.com/more")).isFalse();
  }

  @Test
  void regexPatternMustMatchTheWholeUrl() {
    UrlPattern numbered = UrlPattern.parse("regex:https://maoyan\\.com/board/\\d+");
    assertThat(numbered.matches("https://maoyan.com/board/4")).isTrue();
    assertThat(numbered.matches("https://maoyan.com/board/4?offset=10")).isFalse();
    assertThat(numbered.matches("https://maoyan.com/board/top")).isFalse();
  }

  @Test
  void aGlobWithAnInternationalHostMatchesTheHostsAsciiForm() {
    assertThat(UrlPattern.parse("http://b\u00fccher.example/*").matches("http://xn--bcher-kva.example/a")).isTrue();
    assertThat(UrlPattern.parse("https://*.B\u00dcCHER.example:8443/*").matches("https://www.xn--bcher-kva.example:8443/"))
        .isTrue();
    assertThat(UrlPattern.parse("*.\u4f8b\u3002\u30c6\u30b9\u30c8/*").matches("http://a.xn--fsq.xn--zckzah/")).isTrue();
  }

  @Test
  void aGlobWithSharpSInItsHostMatchesTheCrawlersNonTransitionalForm() {
    assertThat(UrlPattern.parse("http://Stra\u00dfe.example/*").matches("http://xn--strae-oqa.example/a")).isTrue();
  }

  @Test
  void aGlobsHostIsMatchedInLowerCaseAndTheRestAsWritten() {
    UrlPattern pattern = UrlPattern.parse("https://Example.COM/Path/*");
    assertThat(pattern.matches("https://example.com/Path/x")).isTrue();
    assertThat(pattern.matches("https://example.com/path/x")).isFalse();
  }

  @Test
  void aGlobsSpacesAndNonAsciiPathAndQueryMatchTheirPercentEncodedForm() {
    UrlPattern pattern = UrlPattern.parse("https://example.com/stra\u00dfe/*?q=\u00e9 *");
    assertThat(pattern.matches("https://example.com/stra%C3%9Fe/1?q=%C3%A9%20x")).isTrue();
    assertThat(pattern.matches("https://example.com/stra\u00dfe/1?q=\u00e9 x")).isFalse();
    assertThat(UrlPattern.parse("*/go?to=http://B\u00fccher/*").matches("https://a/go?to=http://B%C3%BCcher/x")).isTrue();
    assertThat(UrlPattern.parse("https://a/%C3%A9/*").matches("https://a/%C3%A9/x")).isTrue();
  }

  @Test
  void aGlobsPathAndQueryAreEncodedAsTheFinalUrlsPathAndQueryAre() {
    UrlPattern pattern = UrlPattern.parse("https://a/x^y|z`{w}/*?q='{|}^'*");
    assertThat(pattern.matches("https://a/x%5Ey%7Cz%60%7Bw%7D/1?q=%27{|}^%27")).isTrue();
    assertThat(pattern.matches("https://a/x^y|z`{w}/1?q='{|}^'")).isFalse();
  }

  @Test
  void aGlobsPortIsMatchedAsTheFinalUrlWritesIt() {
    assertThat(UrlPattern.parse("http://h.example:80/*").matches("http://h.example/a")).as("http's default port").isTrue();
    assertThat(UrlPattern.parse("https://h.example:443/*").matches("https://h.example/a")).isTrue();
    assertThat(UrlPattern.parse("https://h.example:80/*").matches("https://h.example:80/a")).as("not https's").isTrue();
    assertThat(UrlPattern.parse("http://127.0.0.1:08000/*").matches("http://127.0.0.1:8000/a")).isTrue();
    assertThat(UrlPattern.parse("http://h.example:*/*").matches("http://h.example:8000/a")).isTrue();
    assertThatThrownBy(() -> UrlPattern.parse("http://h.example:99999/*"))
        .hasMessage("url pattern \"http://h.example:99999/*\": port 99999 is above 65535; no URL has it");
  }

  @Test
  void aGlobsIpHostIsMatchedAsTheFinalUrlWritesIt() {
    for (String pattern : List.of("http://[0:0::1]:18081/*", "http://[0:0:0:0:0:0:0:1]:18081/*", "http://[::1]:18081/*")) {
      assertThat(UrlPattern.parse(pattern).matches("http://[::1]:18081/x")).as(pattern).isTrue();
    }
    for (String pattern : List.of("http://[::FFFF:127.0.0.1]:18081/*", "http://127.1:18081/*", "http://2130706433:18081/*",
        "http://0x7F.1:018081/*", "http://127.0.0.1.:18081/*")) {
      assertThat(UrlPattern.parse(pattern).matches("http://127.0.0.1:18081/y")).as(pattern).isTrue();
    }
    assertThat(UrlPattern.parse("http://[2001:DB8::0:1]/*").matches("http://[2001:db8::1]/")).isTrue();
    assertThat(UrlPattern.parse("http://127.0.0.*:18081/*").matches("http://127.0.0.1:18081/y")).as("a * host as written")
        .isTrue();
  }

  @Test
  void aGlobWhoseHostIsNoValidIpAddressIsRefusedWithTheHostNamed() {
    assertThatThrownBy(() -> UrlPattern.parse("http://[::1/*"))
        .hasMessage("url pattern \"http://[::1/*\": host \"[::1\" is not a valid host: [ ] must hold an IPv6 address"
            + " and be closed, as [::1] is");
    assertThatThrownBy(() -> UrlPattern.parse("http://[::g]:8080/*")).hasMessageStartingWith(
        "url pattern \"http://[::g]:8080/*\": host \"[::g]\" is not a valid host: [ ] must hold an IPv6 address");
    assertThatThrownBy(() -> UrlPattern.parse("http://[1.2.3.4]/*")).hasMessageContaining("host \"[1.2.3.4]\" is not");
    assertThatThrownBy(() -> UrlPattern.parse("http://256.1.1.1/*")).hasMessage("url pattern \"http://256.1.1.1/*\":"
        + " host \"256.1.1.1\" is not a valid host: it ends in a number but is not an IPv4 address");
    assertThatThrownBy(() -> UrlPattern.parse("http://a..b/*"))
        .hasMessageStartingWith("url pattern \"http://a..b/*\": host \"a..b\" is not a valid host: ");
  }

  @Test
  void firstMatchingRuleWinsAndOthersAreNotApplied() {
    String rules = """
        {"rules": [
          {"name": "numbered", "url": "regex:https://example\\\\.com/item/\\\\d+", "fields": {"which": {"regex": "(numbered)", "all": false}}},
          {"name": "any-item", "url": "https://example.com/item/*", "fields": {"which": {"regex": "(any)", "all": false}}},
          {"name": "everything", "url": "*", "fields": {"other": {"builtin": "title"}}}
        ]}""";
    RulesPageParser parser = RulesPageParser.builder(RuleSet.parse(rules, "rules.json")).build();
    String body = "numbered any <title>t</title>";

    assertThat(parse(parser, "https://example.com/item/42").data()).isEqualTo(Map.of("which", "numbered"));
    assertThat(parse(parser, "https://example.com/item/new").data()).isEqualTo(Map.of("which", "any"));
    assertThat(parse(parser, "https://example.com/other").data()).isEqualTo(Map.of("other", "t"));
    assertThat(parser.rules().firstMatch("https://example.com/item/42").orElseThrow().name()).isEqualTo("numbered");
  }

  @Test
  void pageMatchingNoRuleGetsTheDefaultExtractionOnly() {
    String rules = "{\"rules\": [{\"name\": \"r\", \"url\": \"https://example.com/a/*\", \"fields\": {\"h\": {\"css\": \"h1\"}}}]}";
    RulesPageParser parser = RulesPageParser.builder(RuleSet.parse(rules, "rules.json")).build();

    ParsedPage parsed = parse(parser, "https://example.com/b/1");

    assertThat(parsed.data()).isEmpty();
    assertThat(parsed.title()).isEqualTo("t");
    assertThat(parsed.charset()).isEqualTo("UTF-8");
  }

  private static ParsedPage parse(RulesPageParser parser, String url) {
    byte[] body = "numbered any <title>t</title><h1>h</h1>".getBytes(StandardCharsets.UTF_8);
    return parser.parse(new Page(url, "text/html", body));
  }

  @Test
  void everyDocumentedFormOfPatternLoads() {
    List<String> patterns = List.of("*", "https://maoyan.com/board/*", "glob:https://example.com/search?q=*",
        "regex:https://maoyan\\.com/board/\\d+", "http*://example.com/*", "*.example.com/*", "glob:*",
        "regex:.*", "regex:^https?://a\\.test/.*", "regex:(?i)HTTPS://A\\.TEST/.*", "regex:(http|https)://a/",
        "regex:\\Qhttps://a.test/\\E.*", "regex:[a-z]+://a/.*", "regex:h.*", "https://example.com/");
    for (String pattern : patterns) assertThat(UrlPattern.parse(pattern).spec()).isEqualTo(pattern);
  }

  @Test
  void aPatternThatCanMatchNoHttpUrlIsRefused() {
    for (String pattern : List.of("127.0.0.1:8000/board/*", "glob:maoyan.com/*", "regex:maoyan\\.com/.*",
        "HTTPS://maoyan.com/*", "ftp://example.com/*", "/board/*", "regex:https:/a")) {
      assertThatThrownBy(() -> UrlPattern.parse(pattern))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageStartingWith("url pattern \"" + pattern + "\" matches no http or https URL: ");
    }
  }

  @Test
  void aGlobWithNoPathAfterItsHostIsRefusedWithThePatternMeant() {
    assertThatThrownBy(() -> UrlPattern.parse("http://127.0.0.1:18732"))
        .hasMessage("url pattern \"http://127.0.0.1:18732\" matches no URL: URLs always have a path after the host,"
            + " \"/\" at least: try 'http://127.0.0.1:18732/'");
    assertThatThrownBy(() -> UrlPattern.parse("glob:https://host?q=*")).hasMessageEndingWith(": try 'glob:https://host/?q=*'");
    assertThatThrownBy(() -> UrlPattern.parse("http://host#top")).hasMessageEndingWith(": try 'http://host/#top'");
  }

  @Test
  void aGlobWrittenAsARegexIsRefusedWithTheRegexPatternMeant() {
    assertThatThrownBy(() -> UrlPattern.parse(".*"))
        .hasMessage("url pattern \".*\" matches no http or https URL: a pattern without 'regex:' is a glob"
            + " (* stands for any text), and this one reads as a regex: try 'regex:https?://.*'");
    assertThatThrownBy(() -> UrlPattern.parse("glob:^.*example\\.com/.*")).hasMessageEndingWith(": try 'regex:^https?://.*example\\.com/.*'");
    assertThatThrownBy(() -> UrlPattern.parse(".*://host/.*")).hasMessageEndingWith(": try 'regex:.*://host/.*'");
    assertThat(UrlPattern.parse("regex:https?://.*").matches("http://x/")).as("the pattern the hint gives matches").isTrue();
  }

  @Test
  void aGlobWhoseStarsCanStandForThePathLoads() {
    assertThat(UrlPattern.parse("http://127.0.0.1:*").matches("http://127.0.0.1:8000/")).isTrue();
    assertThat(UrlPattern.parse("http*://host").matches("http://x/a://host")).isTrue();
    assertThat(UrlPattern.parse("*host").matches("http://x/?q=host")).isTrue();
    assertThat(UrlPattern.parse("http://host/").matches("http://host/")).isTrue();
  }

  @Test
  void pagesParsedAndMatchedAreCountedAcrossThreads() throws Exception {
    String rules = "{\"rules\": [{\"name\": \"r\", \"url\": \"https://example.com/a/*\", \"fields\": {}}]}";
    RulesPageParser parser = RulesPageParser.builder(RuleSet.parse(rules, "rules.json")).build();
    try (ExecutorService threads = Executors.newFixedThreadPool(4)) {
      List<Future<ParsedPage>> parses = IntStream.range(0, 400)
          .mapToObj(i -> threads.submit(() -> parse(parser, "https://example.com/" + (i % 4 == 0 ? "a/" : "b/") + i)))
          .toList();
      for (Future<ParsedPage> parse : parses) parse.get();
    }

    assertThat(parser.pagesParsed()).isEqualTo(400);
    assertThat(parser.pagesMatched()).isEqualTo(100);
  }

  @Test
  void eachPageLogsAtDebugWhichRuleMatchedOrThatNoneDid() {
    String rules = "{\"rules\": [{\"name\": \"board\", \"url\": \"https://maoyan.com/board/*\", \"fields\": {}}]}";
    RulesPageParser parser = RulesPageParser.builder(RuleSet.parse(rules, "rules.json")).build();
    Logger logger = (Logger) LoggerFactory.getLogger(RulesPageParser.class);
    ListAppender<ILoggingEvent> events = new ListAppender<>();
    events.start();
    logger.addAppender(events);
    Level level = logger.getLevel();
    try {
      parse(parser, "https://maoyan.com/board/4");
      parse(parser, "http://127.0.0.1:8000/board/4");
      logger.setLevel(Level.DEBUG);
      parse(parser, "https://maoyan.com/board/4");
      parse(parser, "http://127.0.0.1:8000/board/4");
    } finally {
      logger.setLevel(level);
      logger.detachAppender(events);
    }

    assertThat(events.list).extracting(ILoggingEvent::getFormattedMessage).containsExactly(
        "rule \"board\" (https://maoyan.com/board/*) matches https://maoyan.com/board/4",
        "no rule matches http://127.0.0.1:8000/board/4 (url patterns: https://maoyan.com/board/*): data is empty");
  }
}
