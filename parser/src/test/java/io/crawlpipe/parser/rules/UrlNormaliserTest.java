package io.crawlpipe.parser.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Expected values are what a browser's {@code new URL(...).href} gives (WHATWG URL Standard). */
class UrlNormaliserTest {

  private static void assertNormalised(Map<String, String> cases) {
    cases.forEach((url, expected) -> assertThat(UrlNormaliser.normalise(url)).as(url).isEqualTo(expected));
  }

  @Test
  void spacesControlsAndNonAsciiArePercentEncodedAsUtf8() {
    assertNormalised(Map.of(
        "http://h/My Doc.html", "http://h/My%20Doc.html",
        "http://h/caf\u00e9/\u4e2d", "http://h/caf%C3%A9/%E4%B8%AD",
        "http://h/a\u0001b\u007fc", "http://h/a%01b%7Fc",
        "http://h/\ud83d\ude00", "http://h/%F0%9F%98%80",
        "http://h/lone\ud800", "http://h/lone%EF%BF%BD"));
  }

  @Test
  void pathAndQueryEachEncodeTheirOwnSetOfAsciiCharacters() {
    assertNormalised(Map.of(
        "http://h/p\"<>`{}'!$", "http://h/p%22%3C%3E%60%7B%7D'!$",
        "http://h/?q=\"<>`{}|^' \u00e9?", "http://h/?q=%22%3C%3E`{}|^%27%20%C3%A9?",
        "http://h/a b?c d#e f`", "http://h/a%20b?c%20d#e%20f%60"));
  }

  @Test
  void caretAndVerticalBarInThePathAreEncodedAsTheCrawlersFinalUrlHasThem() {
    assertNormalised(Map.of(
        "http://h/a^b", "http://h/a%5Eb",
        "http://h/a|b", "http://h/a%7Cb",
        "http://h/a%5Eb", "http://h/a%5Eb",
        "http://h/^|?q=^|", "http://h/%5E%7C?q=^|"));
  }

  @Test
  void escapesAlreadyThereAreKeptAsTheyAre() {
    assertNormalised(Map.of(
        "http://h/a%20b%zz%", "http://h/a%20b%zz%",
        "http://h/%e4%b8%ad?q=%C3%A9", "http://h/%e4%b8%ad?q=%C3%A9"));
  }

  @Test
  void schemeAndHostAreLowerCasedAndTheDefaultPortDropped() {
    assertNormalised(Map.of(
        "HTTP://H:80/Path", "http://h/Path",
        "HTTPS://Example.COM:443/", "https://example.com/",
        "http://h:443/", "http://h:443/",
        "https://h:0080/", "https://h:80/",
        "http://h:/", "http://h/",
        "http://h", "http://h/",
        "http://h?q", "http://h/?q"));
  }

  @Test
  void internationalHostsBecomePunycode() {
    assertNormalised(Map.of(
        "http://B\u00fccher.example/x", "http://xn--bcher-kva.example/x",
        "http://b%C3%BCcher.example/", "http://xn--bcher-kva.example/",
        "http://\u4f8b\u3002\u30c6\u30b9\u30c8/", "http://xn--fsq.xn--zckzah/"));
  }

  @Test
  void deviationCharactersStayInTheHostAsTheCrawlerWritesIt() {
    assertNormalised(Map.of(
        "http://Stra\u00dfe.example/", "http://xn--strae-oqa.example/",
        "http://STRA\u1e9eE.example/", "http://xn--strae-oqa.example/",
        "http://stra\u00dfe\u00e9.example/", "http://xn--strae-oqa5e.example/",
        "http://\u03c3\u03bf\u03c6\u03cc\u03c2.example/", "http://xn--0xagbn4a.example/",
        "http://a\u200db.example/", "http://xn--ab-m1t.example/",
        "http://\u0915\u094d\u200c\u0937.example/", "http://xn--11b2ezcs70k.example/",
        "http://\u00df/", "http://xn--zca/"));
  }

  @Test
  void dotSegmentsAreRemovedWrittenPlainOrEscaped() {
    assertNormalised(Map.of(
        "http://h/a/../b", "http://h/b",
        "http://h/a/./b/.", "http://h/a/b/",
        "http://h/a/b/..", "http://h/a/",
        "http://h/../../x", "http://h/x",
        "http://h/a/%2e%2E/b/%2e/c", "http://h/b/c",
        "http://h/a//b/", "http://h/a//b/",
        "http://h/a\\b/..\\c", "http://h/a/c",
        "http://h/a/..?q=/../", "http://h/?q=/../"));
  }

  @Test
  void ipAddressesAreWrittenInTheirCanonicalForm() {
    assertNormalised(Map.of(
        "http://0x7F.1/", "http://127.0.0.1/",
        "http://192.168.0.1./", "http://192.168.0.1/",
        "http://[0:0:0:0:0:0:0:1]:8080/", "http://[::1]:8080/",
        "http://[2001:DB8:0:0:1:0:0:1]/", "http://[2001:db8::1:0:0:1]/",
        "http://[::1.2.3.4]/", "http://[::102:304]/",
        "http://[::ffff:0:1.2.3.4]/", "http://[::ffff:0:102:304]/"));
  }

  @Test
  void anIpv4MappedIpv6AddressIsWrittenAsItsIpv4AddressAsTheCrawlerWritesIt() {
    assertNormalised(Map.of(
        "http://[::ffff:1.2.3.4]/", "http://1.2.3.4/",
        "http://[::FFFF:102:304]:81/", "http://1.2.3.4:81/",
        "http://[0:0:0:0:0:ffff:7f00:1]/", "http://127.0.0.1/"));
  }

  @Test
  void userInfoIsKeptEncoded() {
    assertNormalised(Map.of(
        "http://us er:p@ss@h/", "http://us%20er:p%40ss@h/",
        "http://:@h/", "http://h/"));
  }

  @Test
  void aUrlWithoutAValidHostOrPortIsNull() {
    for (String url : List.of("http://h:65536/", "http://h:8o/", "http:///", "http://exa mple/", "http://a<b/",
        "http://h%zz/", "http://1.2.3.256/", "http://0x100000000/", "http://[::1/", "http://[1::2::3]/",
        "http://[fe80::1%25eth0]/", "http://\ufffd.example/", "http:h/x")) {
      assertThat(UrlNormaliser.normalise(url)).as(url).isNull();
    }
  }

  @Test
  void aHostOrPortTheCrawlerRefusesAsInvalidUrlIsNull() {
    for (String url : List.of("http://a..b/", "http://.a.b/", "http://a.b../", "http://./", "http://\u3002/",
        "http://xn--/", "http://a.xn--.b/", "http://a.b:0/", "http://a.b:000/")) {
      assertThat(UrlNormaliser.normalise(url)).as(url).isNull();
    }
    assertNormalised(Map.of("http://a.b./", "http://a.b./", "http://xn--a/", "http://xn--a/",
        "http://a.b:00081/", "http://a.b:81/"));
  }

  @Test
  void urlsOfOtherSchemesAreLeftAsTheyAre() {
    for (String url : List.of("mailto:Me@Example.com", "javascript:void(0) ", "file:/tmp/a b.html", "")) {
      assertThat(UrlNormaliser.normalise(url)).isSameAs(url);
    }
  }
}
