package io.crawlpipe.crawler;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class UrlValidatorTest {
  private static final String NO_SCHEME = "not an absolute URL: no scheme (expected http:// or https://)";

  @Test
  void aLineWithAnotherSchemeIsRefusedNamingItButAHostAndPortHasNoScheme() {
    assertThat(UrlValidator.problem("mailto:a@b.c")).isEqualTo("unsupported scheme 'mailto' (only http and https)");
    assertThat(UrlValidator.problem("javascript:alert(1)"))
        .isEqualTo("unsupported scheme 'javascript' (only http and https)");
    assertThat(UrlValidator.problem("FTP://x")).isEqualTo("unsupported scheme 'ftp' (only http and https)");
    for (String line : new String[] {"example.org/page", "www.example.com", "localhost:8080/x", "127.0.0.1:80",
        "a.test:81?q", "[::1]:80/", "//a.test/x"}) {
      assertThat(UrlValidator.problem(line)).as(line).isEqualTo(NO_SCHEME);
    }
  }

  @Test
  void httpNotFollowedByTwoSlashesIsRefusedSayingSo() {
    assertThat(UrlValidator.problem("http:/127.0.0.1/")).isEqualTo("not a valid URL: http: must be followed by //");
    assertThat(UrlValidator.problem("http:127.0.0.1")).isEqualTo("not a valid URL: http: must be followed by //");
    assertThat(UrlValidator.problem("HTTPS:\\\\a.test/")).isEqualTo("not a valid URL: https: must be followed by //");
  }

  @Test
  void anInvisibleFormattingCharacterInAUrlIsRefusedAndShownAsAnEscape() {
    String zeroWidth = "not a valid URL: contains the invisible formatting character \\u200b";
    assertThat(UrlValidator.problem("http://a.test/zw\u200bx")).isEqualTo(zeroWidth);
    assertThat(UrlValidator.problem("\u200bhttp://a.test/")).isEqualTo(zeroWidth);
    assertThat(UrlValidator.problem("http://a\u2060.test/")).endsWith("character \\u2060");
    assertThat(UrlValidator.problem("http://a.test/\u200f")).endsWith("character \\u200f");
    assertThat(UrlValidator.problem("http://a.test/\udb40\udc01")).endsWith("character \\udb40\\udc01");
  }

  @Test
  void messagesShowCharactersThatAreNotPrintableAsEscapes() {
    assertThat(UrlValidator.printable("\u200bhttp é\u00a0\u0007\ue000\ud800")).isEqualTo(
        "\\u200bhttp é\\u00a0\\u0007\\ue000\\ud800");
    assertThat(UrlValidator.problem("h\ue000ttp://a.test/"))
        .isEqualTo("unsupported scheme 'h\\ue000ttp' (only http and https)");
  }

  @Test
  void aBackslashFollowedByUIsEscapedSoThatTheTextOfAnEscapeDoesNotReadAsOne() {
    assertThat(UrlValidator.printable("a\\u000ab\n")).isEqualTo("a\\u005cu000ab\\u000a");
    assertThat(UrlValidator.printable("\\d+ C:\\x \\\\u \\")).isEqualTo("\\d+ C:\\x \\\\u005cu \\");
    assertThat(UrlValidator.problem("h\\u0041\ue000ttp://a.test/"))
        .isEqualTo("unsupported scheme 'h\\u005cu0041\\ue000ttp' (only http and https)");
  }

  @Test
  void theUnescapedProblemQuotesTheLineAsItIs() {
    assertThat(UrlValidator.unescapedProblem("h\ue000ttp://a.test/"))
        .isEqualTo("unsupported scheme 'h\ue000ttp' (only http and https)");
    assertThat(UrlValidator.unescapedProblem("http://a.test/zw\u200bx"))
        .isEqualTo("not a valid URL: contains the invisible formatting character \u200b");
    assertThat(UrlValidator.unescapedProblem("https://a.test/")).isNull();
  }

  @Test
  void aUrlWithUserInfoIsRefusedWithoutQuotingIt() {
    String userInfo = "user info (user:password@) in a URL is not supported: crawlpipe sends no credentials";
    assertThat(UrlValidator.problem("http://user:s3cret@127.0.0.1:8080/ui")).isEqualTo(userInfo);
    assertThat(UrlValidator.problem("https://user@a.test")).isEqualTo(userInfo);
    assertThat(UrlValidator.problem("HTTP://@a.test/")).isEqualTo(userInfo);
    assertThat(UrlValidator.problem("http://u:p@ss@a.test?q")).isEqualTo(userInfo);
    for (String fine : new String[] {"http://a.test/x@y", "http://a.test?to=a@b.test", "http://a.test#@x",
        "http://a.test\\x@y/"}) {
      assertThat(UrlValidator.problem(fine)).as(fine).isNull();
    }
  }

  @Test
  void aUrlWithNothingBetweenTheSlashesAndThePathHasNoHost() {
    for (String line : new String[] {"http:///path", "HTTP:///127.0.0.1:8080/x", "http://\\a.test/", "http://?q=1",
        "http://#top", "http://"}) {
      assertThat(UrlValidator.problem(line)).as(line).isEqualTo("not a valid URL: no host after http://");
    }
    assertThat(UrlValidator.problem("https:///x")).isEqualTo("not a valid URL: no host after https://");
  }

  @Test
  void aHostThatEndsInANumberMustBeAnIpv4Address() {
    for (String fine : new String[] {"http://127.1:8080/", "http://2130706433/", "http://0177.0.0.1/", "http://0x7f.1/"}) {
      assertThat(UrlValidator.problem(fine)).as(fine).isNull();
    }
    assertThat(UrlValidator.problem("http://256.1.1.1/"))
        .isEqualTo("not a valid URL: host 256.1.1.1 ends in a number but is not a valid IPv4 address");
    assertThat(UrlValidator.problem("https://1.2.3.4.5:8443/x"))
        .isEqualTo("not a valid URL: host 1.2.3.4.5 ends in a number but is not a valid IPv4 address");
    assertThat(UrlValidator.problem("http://www.example.123/")).endsWith("is not a valid IPv4 address");
  }

  @Test
  void aReplacementCharacterIsExplainedForTheListsEncoding() {
    assertThat(UrlValidator.problem("http://a.test/\ufffd", StandardCharsets.UTF_16)).isEqualTo("not a valid URL: contains"
        + " U+FFFD, which is what an unpaired surrogate or an odd last byte of a UTF-16 list reads as");
    assertThat(UrlValidator.problem("http://a.test/\ufffd", StandardCharsets.UTF_8))
        .isEqualTo("not a valid URL: contains U+FFFD, which is what a byte that is not UTF-8 reads as");
    assertThat(UrlValidator.problem("http://a.test/\ufffd", StandardCharsets.ISO_8859_1))
        .endsWith("which is what bytes that are not valid ISO-8859-1 read as");
  }
}
