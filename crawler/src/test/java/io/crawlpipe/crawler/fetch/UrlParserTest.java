package io.crawlpipe.crawler.fetch;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Random;
import okhttp3.HttpUrl;
import org.junit.jupiter.api.Test;

class UrlParserTest {
  private final UrlParser parser = new UrlParser(16);

  @Test
  void parsesEveryTrickyUrlExactlyAsOkHttpDoes() {
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

  private void assertSameAsOkHttp(String url) {
    HttpUrl expected = HttpUrl.parse(url);
    HttpUrl actual = parser.parse(url);
    assertThat(actual).as(url).isEqualTo(expected);
    if (expected != null) assertThat(actual.toString()).as(url).isEqualTo(expected.toString());
  }
}
