package io.crawlpipe.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class IsoInstantTest {
  /** The JDK's ISO instant with exactly six fraction digits: the text to match. */
  private static final DateTimeFormatter MICROS = new DateTimeFormatterBuilder().appendInstant(6).toFormatter();

  @Test
  void alwaysWritesSixFractionDigits() {
    assertThat(IsoInstant.format(Instant.parse("2026-11-22T10:15:30Z"))).isEqualTo("2026-11-22T10:15:30.000000Z");
    assertThat(IsoInstant.format(Instant.parse("2026-11-22T10:15:30.100Z"))).isEqualTo("2026-11-22T10:15:30.100000Z");
    assertThat(IsoInstant.format(Instant.parse("2026-11-22T10:15:30.000120Z")))
        .isEqualTo("2026-11-22T10:15:30.000120Z");
    assertThat(IsoInstant.format(Instant.parse("2026-11-25T11:26:34.884739Z")))
        .isEqualTo("2026-11-25T11:26:34.884739Z");
  }

  @Test
  void truncatesNanosecondsToMicroseconds() {
    assertThat(IsoInstant.format(Instant.parse("2026-11-22T10:15:30.000000001Z")))
        .isEqualTo("2026-11-22T10:15:30.000000Z");
    assertThat(IsoInstant.format(Instant.parse("2026-11-25T11:26:43.868045068Z")))
        .isEqualTo("2026-11-25T11:26:43.868045Z");
    assertThat(IsoInstant.format(Instant.parse("2026-12-31T23:59:59.999999999Z")))
        .isEqualTo("2026-12-31T23:59:59.999999Z");
  }

  @Test
  void writesSecondsEvenWhenTheyAreZero() {
    assertThat(IsoInstant.format(Instant.EPOCH)).isEqualTo("1970-01-01T00:00:00.000000Z");
    assertThat(IsoInstant.format(Instant.parse("2000-02-29T23:00:00.5Z"))).isEqualTo("2000-02-29T23:00:00.500000Z");
  }

  @Test
  void textsOfTheSameLengthSortAsTheirInstants() {
    Instant a = Instant.parse("2026-11-25T11:26:34.884739Z");
    Instant b = a.plusNanos(1_000);
    Instant c = a.plusSeconds(1);
    assertThat(IsoInstant.format(a)).isLessThan(IsoInstant.format(b));
    assertThat(IsoInstant.format(b)).isLessThan(IsoInstant.format(c));
    assertThat(IsoInstant.format(a)).hasSameSizeAs(IsoInstant.format(c.truncatedTo(java.time.temporal.ChronoUnit.SECONDS)));
  }

  @Test
  void matchesTheJdkAtTheEdgesOfEveryRange() {
    Instant[] edges = {
        Instant.MIN, Instant.MAX, Instant.EPOCH, Instant.ofEpochSecond(-1), Instant.ofEpochSecond(-1, 999_999_999),
        Instant.parse("0000-01-01T00:00:00Z"), Instant.parse("0000-01-01T00:00:00Z").minusNanos(1),
        Instant.parse("0001-01-01T00:00:00Z"), Instant.parse("0999-12-31T23:59:59.999Z"),
        Instant.parse("1600-02-29T12:00:00Z"), Instant.parse("1969-12-31T23:59:59.000001Z"),
        Instant.parse("9999-12-31T23:59:59.999999999Z"), Instant.parse("+10000-01-01T00:00:00Z"),
        Instant.parse("+123456-06-15T01:02:03.4Z"), Instant.parse("-0001-12-31T23:59:59Z"),
    };
    for (Instant at : edges) assertThat(IsoInstant.format(at)).as("%s", at).isEqualTo(MICROS.format(at));
  }

  @Test
  void matchesTheJdkForRandomInstantsOfEveryPrecision() {
    SplittableRandom random = new SplittableRandom(20261122);
    for (int i = 0; i < 20_000; i++) {
      long second = random.nextLong(-70_000_000_000L, 260_000_000_000L);
      int nano = switch (i % 4) {
        case 0 -> 0;
        case 1 -> random.nextInt(1_000) * 1_000_000;
        case 2 -> random.nextInt(1_000_000) * 1_000;
        default -> random.nextInt(1_000_000_000);
      };
      Instant at = Instant.ofEpochSecond(second, nano);
      assertThat(IsoInstant.format(at)).as("%s", at).isEqualTo(MICROS.format(at));
    }
  }

  @Test
  void readsBackAsTheInstantTruncatedToMicroseconds() {
    Instant at = Instant.parse("2026-11-25T11:26:43.868045068Z");
    assertThat(Instant.parse(IsoInstant.format(at))).isEqualTo(at.truncatedTo(java.time.temporal.ChronoUnit.MICROS));
  }
}
