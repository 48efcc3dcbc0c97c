package io.crawlpipe.crawler.fetch;

import static org.assertj.core.api.Assertions.assertThat;

import okhttp3.HttpUrl;
import org.junit.jupiter.api.Test;

/** Where a redirect leads, as both clients and the scheduler follow it. */
class RedirectsTest {
  private static final HttpUrl FROM = HttpUrl.get("http://a.test/dir/page");

  @Test
  void aLocationsUserInfoIsDroppedAndItsFragmentKept() {
    assertThat(Redirects.resolve(FROM, "http://bob:hunter2@b.test/x?q#top")).hasToString("http://b.test/x?q#top");
    assertThat(Redirects.resolve(FROM, "//bob@b.test:8080/x")).hasToString("http://b.test:8080/x");
    assertThat(Redirects.resolve(HttpUrl.get("http://bob:pw@a.test/dir/page"), "other")).hasToString("http://a.test/dir/other");
    assertThat(Redirects.resolve(FROM, "ftp://b.test/x")).isNull();
  }

  @Test
  void anUnusableLocationIsNamedWithoutItsUserInfo() {
    assertThat(Redirects.unusable("http://a.test/", "ftp://bob:hunter2@files.test/x"))
        .hasMessage("redirect to an unusable location: ftp://files.test/x");
    assertThat(Redirects.withoutUserInfo("http://bob@x@/x?a@b")).isEqualTo("http:///x?a@b");
    assertThat(Redirects.withoutUserInfo("//bob:pw@[bad/x")).isEqualTo("//[bad/x");
    for (String kept : new String[] {"mailto:bob@b.test", "/a://bob@b.test", "1a://bob@b.test", "ftp://files.test/a@b",
        "javascript:alert(1)"}) {
      assertThat(Redirects.withoutUserInfo(kept)).as(kept).isEqualTo(kept);
    }
  }
}
