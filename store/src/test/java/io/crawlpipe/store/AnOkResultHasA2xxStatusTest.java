package io.crawlpipe.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;

/** {@link CrawlResult#ok()} is true exactly for a page fetched with a 2xx status and no error. */
class AnOkResultHasA2xxStatusTest {
  private static final Instant AT = Instant.parse("2026-11-23T08:00:00Z");

  private static CrawlResult result(Integer status, boolean ok) {
    return new CrawlResult("http://a.test/", "http://a.test/", status, ok, "text/html", 5, null, null, AT, 1, 1, null, null);
  }

  @Test
  void anOkResultWithoutA2xxStatusIsRefusedNamingItsUrl() {
    for (Integer status : new Integer[] {404, 199, 300, null}) {
      assertThatThrownBy(() -> result(status, true)).as(String.valueOf(status))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage("ok result must have a 2xx status, not " + status + ": http://a.test/");
    }
    assertThat(result(200, true).ok()).isTrue();
    assertThat(result(299, true).ok()).isTrue();
    assertThat(result(404, false).ok()).isFalse();
  }

  @Test
  void anErrorCannotBeReplacedByNone() {
    CrawlResult ok = result(200, true);
    assertThatThrownBy(() -> ok.withError(null)).isInstanceOf(NullPointerException.class).hasMessage("error");
    CrawlResult failed = ok.withError(new ResultError(ErrorType.EXTRACT_ERROR, "bad rule"));
    assertThat(failed.ok()).isFalse();
    assertThat(failed.status()).isEqualTo(200);
  }
}
