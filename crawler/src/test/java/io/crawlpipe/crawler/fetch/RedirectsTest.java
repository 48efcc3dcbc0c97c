package io.crawlpipe.crawler.fetch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.crawlpipe.store.ErrorType;
import java.time.Instant;
import java.util.Map;
import okhttp3.HttpUrl;
import org.junit.jupiter.api.Test;

/** Where a redirect leads, as both clients and the scheduler follow it. */
class RedirectsTest {
  private static final HttpUrl FROM = HttpUrl.get("http://a.test/dir/page");

  private static FetchResult redirect(String from, String location) {
    return new FetchResult(from, from, 302, null, Map.of("location", location), new byte[0], Instant.EPOCH, 1, 1);
  }

  @Test
  void aLocationsUserInfoIsDroppedAndItsFragmentKept() {
    assertThat(Redirects.resolve(FROM, "http://bob:hunter2@b.test/x?q#top")).hasToString("http://b.test/x?q#top");
    assertThat(Redirects.resolve(FROM, "//bob@b.test:8080/x")).hasToString("http://b.test:8080/x");
    assertThat(Redirects.resolve(HttpUrl.get("http://bob:pw@a.test/dir/page"), "other")).hasToString("http://a.test/dir/other");
    assertThat(Redirects.resolve(FROM, "ftp://b.test/x")).isNull();
  }

  @Test
  void aLocationsFragmentHasItsSpacesQuotesAnglesBackticksAndControlsPercentEncoded() {
    assertThat(Redirects.resolve(FROM, "/o k?a b#f g")).hasToString("http://a.test/o%20k?a%20b#f%20g");
    assertThat(Redirects.resolve(FROM, "/x#a\"b<c>d`e\u0001f\u007fg")).hasToString("http://a.test/x#a%22b%3Cc%3Ed%60e%01f%7Fg");
    assertThat(Redirects.resolve(FROM, "http://bob@b.test/x#f g")).as("with user info").hasToString("http://b.test/x#f%20g");
    assertThat(Redirects.resolve(FROM, "/x#kept%20as/is?{}|")).hasToString("http://a.test/x#kept%20as/is?{}|");
  }

  @Test
  void aLocationsFragmentHasItsNonAsciiCharactersPercentEncodedAsUtf8() {
    assertThat(Redirects.resolve(FROM, "/cl#a\u0085b\u2028c")).hasToString("http://a.test/cl#a%C2%85b%E2%80%A8c");
    assertThat(Redirects.resolve(FROM, "/x#café")).hasToString("http://a.test/x#caf%C3%A9");
    assertThat(Redirects.resolve(FROM, "/x#\ud83d\ude00\u00a0")).as("a pair is one code point").hasToString("http://a.test/x#%F0%9F%98%80%C2%A0");
    assertThat(Redirects.resolve(FROM, "/x#caf%C3%A9-é")).as("escapes kept").hasToString("http://a.test/x#caf%C3%A9-%C3%A9");
  }

  @Test
  void anUnusableLocationIsNamedWithoutItsUserInfo() {
    assertThat(Redirects.unusable("http://a.test/", "ftp://bob:hunter2@files.test/x"))
        .hasMessage("redirect to an unusable location: ftp://files.test/x");
    assertThat(Redirects.withoutUserInfo("http://bob@x@/x?a@b")).isEqualTo("http:///x?a@b");
    assertThat(Redirects.withoutUserInfo("//bob:pw@[bad/x")).isEqualTo("//[bad/x");
    assertThat(Redirects.withoutUserInfo("http:bob:pw@h/x")).as("http without //").isEqualTo("http:h/x");
    assertThat(Redirects.withoutUserInfo("HTTPS:/bob:pw@h/x")).isEqualTo("HTTPS:/h/x");
    for (String kept : new String[] {"mailto:bob@b.test", "/a://bob@b.test", "1a://bob@b.test", "ftp://files.test/a@b",
        "javascript:alert(1)"}) {
      assertThat(Redirects.withoutUserInfo(kept)).as(kept).isEqualTo(kept);
    }
  }

  @Test
  void aRedirectToAnAddressWrittenAsANumberLeadsToItsDottedQuad() throws FetchException {
    assertThat(Redirects.target("http://127.0.0.1/a", redirect("http://127.0.0.1/a", "http://0x7f.1:8080/b?q")))
        .isEqualTo("http://127.0.0.1:8080/b?q");
    assertThat(Redirects.target("http://a.test/", redirect("http://a.test/", "//2130706433/"))).isEqualTo("http://127.0.0.1/");
    assertThat(Redirects.resolve(FROM, "http://bob:pw@0x7f.1/")).as("both rules at once").hasToString("http://127.0.0.1/");
  }

  @Test
  void aRedirectToAHostThatEndsInANumberButIsNoAddressIsUnusable() {
    assertThatThrownBy(() -> Redirects.target("http://a.test/", redirect("http://a.test/", "http://256.1.1.1/x")))
        .isInstanceOfSatisfying(FetchException.class, e -> assertThat(e.type()).isEqualTo(ErrorType.IO))
        .hasMessage("redirect to an unusable location: http://256.1.1.1/x");
  }

  @Test
  void aLocationTooLongToFollowIsKeptCutWithoutSplittingAPairAndRefusedByItsLength() {
    String tooLong = "/a" + "\uD83D\uDE00".repeat(40_000); // a high surrogate falls at the cut
    FetchResult hop = redirect("http://a.test/", tooLong);
    String kept = hop.headers().get("location");
    assertThat(kept).hasSize(FetchResult.MAX_LOCATION_CHARS + 2).isEqualTo(tooLong.substring(0, kept.length()));
    assertThatThrownBy(() -> Redirects.target("http://a.test/", hop))
        .isInstanceOfSatisfying(FetchException.class, e -> assertThat(e.type()).isEqualTo(ErrorType.IO))
        .hasMessage("redirect to an unusable location (longer than 65536 characters)");
    String longest = "/" + "a".repeat(FetchResult.MAX_LOCATION_CHARS - 1 - "http://a.test".length());
    assertThat(Redirects.resolve(FROM, longest)).as("a URL exactly at the limit").hasToString("http://a.test" + longest);
    assertThat(Redirects.resolve(FROM, longest + "a")).as("a URL past it").isNull();
    assertThatThrownBy(() -> Redirects.target("http://a.test/", redirect("http://a.test/", longest + "a")))
        .hasMessage("redirect to an unusable location (longer than 65536 characters)");
  }

  @Test
  void aLocationsLeadingAndTrailingControlsAndSpacesAreStrippedAsABrowserStripsThem() throws FetchException {
    assertThat(Redirects.resolve(FROM, "\u0001http://bob:pw@b.test/x")).hasToString("http://b.test/x");
    assertThat(Redirects.resolve(FROM, "http://bob:pw@b.test/y\u0001")).hasToString("http://b.test/y");
    assertThat(Redirects.resolve(FROM, "/page/ctl\u0001")).hasToString("http://a.test/page/ctl");
    assertThat(Redirects.resolve(FROM, "/x#frag\u001b")).hasToString("http://a.test/x#frag");
    assertThat(Redirects.target("http://a.test/", redirect("http://a.test/", "\u0001\u000b"))).as("blank").isNull();
    assertThat(Redirects.unusable("http://a.test/", "\u0001ftp://bob:pw@files.test/x"))
        .hasMessage("redirect to an unusable location: ftp://files.test/x");
  }

  @Test
  void aLocationTooLongOfControlsOnlyIsRefusedByItsLengthNotTakenForNoLocation() throws FetchException {
    String padded = "\u0001".repeat(66_000) + "/x"; // cut by FetchResult to 65,537 controls
    assertThatThrownBy(() -> Redirects.target("http://a.test/", redirect("http://a.test/", padded)))
        .isInstanceOfSatisfying(FetchException.class, e -> assertThat(e.type()).isEqualTo(ErrorType.IO))
        .hasMessage("redirect to an unusable location (longer than 65536 characters)");
  }

  @Test
  void aLocationOfOtherWhiteSpaceThanControlsAndSpacesIsFollowedNotTakenForABlankOne() throws FetchException {
    assertThat(Redirects.target("http://a.test/", redirect("http://a.test/", "\u2003"))).isEqualTo("http://a.test/%E2%80%83");
    assertThat(Redirects.target("http://a.test/", redirect("http://a.test/", "\u00a0"))).isEqualTo("http://a.test/%C2%A0");
  }

  @Test
  void aLocationThatGrowsPastTheLimitOnceResolvedAndEncodedIsRefusedByItsLength() throws FetchException {
    String growing = "/page/" + "\u00e9".repeat(30_000); // 30,006 characters, 180,006 once percent-encoded
    assertThat(Redirects.resolve(FROM, growing)).isNull();
    assertThatThrownBy(() -> Redirects.target("http://a.test/", redirect("http://a.test/", growing)))
        .isInstanceOfSatisfying(FetchException.class, e -> assertThat(e.type()).isEqualTo(ErrorType.IO))
        .hasMessage("redirect to an unusable location (longer than 65536 characters)");
    String fitting = "/page/" + "\u00e9".repeat(4_000);
    assertThat(Redirects.target("http://a.test/", redirect("http://a.test/", fitting)))
        .isEqualTo("http://a.test/page/" + "%C3%A9".repeat(4_000));
  }
}
