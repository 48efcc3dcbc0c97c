package io.crawlpipe.crawler.polite;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class HttpDatesTest {
  private static final Instant NOW = Instant.parse("2026-11-22T10:00:00Z");
  private static final Instant RFC_EXAMPLE = Instant.parse("1994-11-06T08:49:37Z");

  @Test
  void readsTheThreeFormsRfc9110AsksRecipientsToAccept() {
    assertThat(HttpDates.parse("Sun, 06 Nov 1994 08:49:37 GMT", NOW)).isEqualTo(RFC_EXAMPLE);
    assertThat(HttpDates.parse("Sunday, 06-Nov-94 08:49:37 GMT", NOW)).isEqualTo(RFC_EXAMPLE);
    assertThat(HttpDates.parse("Sun Nov  6 08:49:37 1994", NOW)).isEqualTo(RFC_EXAMPLE);
    assertThat(HttpDates.parse("Sun Nov 16 08:49:37 1994", NOW)).isEqualTo(Instant.parse("1994-11-16T08:49:37Z"));
  }

  @Test
  void anRfc850YearMoreThanFiftyYearsAheadIsInThePastCentury() {
    assertThat(HttpDates.parse("Monday, 23-Nov-26 10:00:08 GMT", NOW)).isEqualTo(Instant.parse("2026-11-23T10:00:08Z"));
    assertThat(HttpDates.parse("Thursday, 01-Jan-76 00:00:00 GMT", NOW)).isEqualTo(Instant.parse("2076-01-01T00:00:00Z"));
    assertThat(HttpDates.parse("Wednesday, 01-Jan-77 00:00:00 GMT", NOW)).isEqualTo(Instant.parse("1977-01-01T00:00:00Z"));
  }

  @Test
  void anythingElseIsNoDate() {
    assertThat(HttpDates.parse("tomorrow", NOW)).isNull();
    assertThat(HttpDates.parse("Sunday, 31-Feb-94 08:49:37 GMT", NOW)).isNull();
    assertThat(HttpDates.parse("Sun Foo  6 08:49:37 1994", NOW)).isNull();
    assertThat(HttpDates.parse("Sun Nov 6 08:49:37 1994", NOW)).as("asctime pads the day with a space").isNull();
  }
}
