package io.crawlpipe.crawler.fetch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.crawlpipe.store.ErrorType;
import java.util.List;
import java.util.Random;
import okhttp3.HttpUrl;
import org.junit.jupiter.api.Test;

class UrlParserTest {
  private final UrlParser parser = new UrlParser(16);

  @Test
  void parsesEveryTrickyUrlAsOkHttpDoes() {
    List<String> urls = List.of(
        "http://127.0.0.1:8080/page/1", "https://example.com", "https://example.com/", "http://example.com?q=1",
        "http://example.com#top", "http://example.com/a/../b/./c?x=1&y=%zz#f", "http://example.com/a b/é?ü=1",
        "http://example.com:80/x", "https://example.com:443/x", "http://example.com:0080/x",
        "http://example.com:/x", "http://example.com:99999/x", "http://example.com:8080:90/x",
        "http://example.com//evil.test/x", "http://example.com/\\evil.test/x", "http://example.com\\evil.test/",
        "http://example.com/x\t\n", "http://example.com/%2e%2E/x", "http://a..b/x", "http://-a.com/x",
        "http://:80/x", "http:///x", "http://", "HTTP://example.com/x", "http://Example.COM/x",
        "http://user:pw@example.com/x", "http://[::1]:8080/x", "http://xn--nxasmq6b.com/x", "http://bücher.de/x",
        "ftp://example.com/x", "not a url", "", "  http://example.com/x  ", "http://1234/x",
        "http://example.com?//x", "http://example.com#//x", "http://example.com/?a=b c#d e");
    for (String url : urls) {
      assertSameAsOkHttp(url);
      assertSameAsOkHttp(url); // a second time, now from the kept authority
    }
  }

  @Test
  void randomRestsAfterAKeptAuthorityParseAsOkHttpDoes() {
    String alphabet = "/\\?#%.:@ a9Zé\t-_~!$&'()*+,;=[]|^`{}\"<>";
    Random random = new Random(20261123L);
    for (int n = 0; n < 20_000; n++) {
      StringBuilder rest = new StringBuilder();
      int length = random.nextInt(12);
      for (int i = 0; i < length; i++) rest.append(alphabet.charAt(random.nextInt(alphabet.length())));
      String authority = random.nextBoolean() ? "http://site.test:8080" : "https://site.test";
      assertSameAsOkHttp(authority + rest);
    }
  }

  @Test
  void randomNearlyPlainRestsParseAsOkHttpDoes() {
    String plain = "/?.a9Z-_~!$&()*+,;=:@";
    String other = "%#\\' \"é";
    Random random = new Random(20261124L);
    int shortWay = 0;
    for (int n = 0; n < 20_000; n++) {
      StringBuilder rest = new StringBuilder("/");
      int length = random.nextInt(10);
      for (int i = 0; i < length; i++) {
        String from = random.nextInt(20) == 0 ? other : plain;
        rest.append(from.charAt(random.nextInt(from.length())));
      }
      String url = "http://site.test:8080" + rest;
      if (UrlParser.plainRest(url, "http://site.test:8080".length())) shortWay++;
      assertSameAsOkHttp(url);
    }
    assertThat(shortWay).as("URLs that took the short way").isGreaterThan(10_000);
  }

  @Test
  void keepsNoMoreAuthoritiesThanItsLimit() {
    UrlParser small = new UrlParser(2);
    for (int host = 0; host < 5; host++) {
      String url = "http://host" + host + ".test/x";
      assertThat(small.parse(url)).isEqualTo(HttpUrl.parse(url));
    }
    assertThat(small.authorities()).isEqualTo(2);
  }

  @Test
  void findsThePlainAuthorityOnly() {
    assertThat(UrlParser.plainAuthorityEnd("http://a.test:81/x")).isEqualTo("http://a.test:81".length());
    assertThat(UrlParser.plainAuthorityEnd("https://a.test")).isEqualTo("https://a.test".length());
    assertThat(UrlParser.plainAuthorityEnd("http://A.test/x")).isEqualTo(-1);
    assertThat(UrlParser.plainAuthorityEnd("http://u@a.test/x")).isEqualTo(-1);
    assertThat(UrlParser.plainAuthorityEnd("http:///x")).isEqualTo(-1);
    assertThat(UrlParser.plainAuthorityEnd("http://a.test:8x/")).isEqualTo(-1);
  }

  @Test
  void takesTheShortWayForOrdinaryPathsAndQueriesOnly() {
    String url = "http://a.test/page/1?q=x+y&lang=en";
    int end = "http://a.test".length();
    assertThat(UrlParser.plainRest(url, end)).isTrue();
    assertThat(UrlParser.plainRest("http://a.test", end)).isTrue();
    assertThat(UrlParser.plainRest("http://a.test/A-Z_0.9~!$&()*+,;=:@/x?/?:@", end)).isTrue();
    for (String rest : List.of("?q=1", "//b.test/x", "/a/../b", "/a/./b", "/a/..", "/.", "/a/%41", "/a b", "/a#f",
        "/a\\b", "/a?q='1'", "/a?q=\"1\"", "/é", "/a\t")) {
      assertThat(UrlParser.plainRest("http://a.test" + rest, end)).as(rest).isFalse();
    }
    assertThat(UrlParser.plainRest("http://a.test/a/.../b?x=/../", end)).as("dots in a query or a longer segment").isTrue();
  }

  @Test
  void targetOfAPlainUrlIsTheKeptAuthorityAndTheRest() throws FetchException {
    Target target = parser.target("http://a.test:80/page/1?q=2");
    assertThat(target.origin()).isEqualTo(new Origin(false, "a.test", 80));
    assertThat(target.requestTarget()).isEqualTo("/page/1?q=2");
    assertThat(target.url()).isEqualTo("http://a.test/page/1?q=2");
    assertThat(parser.target("https://a.test").requestTarget()).isEqualTo("/");
  }

  @Test
  void targetOfAnInvalidUrlIsAnInvalidUrlFailure() {
    assertThatThrownBy(() -> parser.target("ftp://a.test/x"))
        .isInstanceOfSatisfying(FetchException.class, e -> assertThat(e.type()).isEqualTo(ErrorType.INVALID_URL));
  }

  @Test
  void aRequiredUrlHasItsFragmentPercentEncodedAsARedirectsIs() throws FetchException {
    assertThat(parser.require("http://a.test/é#é")).hasToString("http://a.test/%C3%A9#%C3%A9");
    assertThat(parser.target("http://a.test/x#a\"b<c>`d e%20").url()).isEqualTo("http://a.test/x#a%22b%3Cc%3E%60d%20e%20");
    assertThat(parser.require("http://a.test/x#kept/as?is")).hasToString("http://a.test/x#kept/as?is");
    assertThat(parser.parse("http://a.test/x#é")).as("parse is OkHttp's").hasToString("http://a.test/x#é");
  }

  @Test
  void aHostThatEndsInANumberIsItsDottedQuadOrNotAValidHost() throws FetchException {
    for (int twice = 0; twice < 2; twice++) { // the second time from the kept authority
      assertThat(parser.parse("http://127.1:8080/x?q")).hasToString("http://127.0.0.1:8080/x?q");
      assertThat(parser.parse("http://0X7F.1/x")).hasToString("http://127.0.0.1/x");
      Target target = parser.target("http://2130706433/a");
      assertThat(target.origin()).isEqualTo(new Origin(false, "127.0.0.1", 80));
      assertThat(target.url()).isEqualTo("http://127.0.0.1/a");
      assertThat(parser.target("https://0177.0.0.1/a%20b").url()).isEqualTo("https://127.0.0.1/a%20b");
      assertThat(parser.parse("http://256.1.1.1/")).isNull();
      assertThatThrownBy(() -> parser.target("http://1.2.3.4.5/x")).isInstanceOfSatisfying(FetchException.class,
          e -> assertThat(e.type()).isEqualTo(ErrorType.INVALID_URL))
          .hasMessage("host 1.2.3.4.5 ends in a number but is not a valid IPv4 address");
    }
  }

  /**
   * Both ways through the parser, the long and the short, give what OkHttp gives (with a host that
   * ends in a number read as an IPv4 address, as {@link UrlParser#canonicalHost} reads it, and, for
   * the target, the fragment encoded as {@link Redirects#withFragmentEncoded} encodes it).
   */
  private void assertSameAsOkHttp(String url) {
    HttpUrl expected = UrlParser.canonicalHost(HttpUrl.parse(url));
    HttpUrl actual = parser.parse(url);
    assertThat(actual).as(url).isEqualTo(expected);
    if (expected == null) {
      assertThatThrownBy(() -> parser.target(url)).as(url).isInstanceOf(FetchException.class);
      return;
    }
    assertThat(actual.toString()).as(url).isEqualTo(expected.toString());
    try {
      assertThat(parser.target(url)).as(url).isEqualTo(Target.of(Redirects.withFragmentEncoded(expected)));
    } catch (FetchException e) {
      throw new AssertionError(url + ": " + e, e);
    }
  }
}
