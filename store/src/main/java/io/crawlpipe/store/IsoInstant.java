package io.crawlpipe.store;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.ValueSerializer;

/**
 * Formats an {@link Instant} as ISO-8601 UTC with a fixed precision: seconds and always six
 * fraction digits (microseconds, truncated, never rounded), then {@code Z} — {@code
 * 2026-11-22T10:15:30.123456Z}, {@code 2026-11-22T10:15:30.000000Z}. Every text of years 0000 to
 * 9999 has the same length, so texts sort as their instants, and Python's {@code %f}, Spark and
 * BigQuery read them. The same text as {@link DateTimeFormatterBuilder#appendInstant(int)
 * appendInstant(6)}, but with a few arithmetic steps instead of a formatter for years 0000 to
 * 9999; any other instant is handed to that formatter ({@code +10000-01-01T00:00:00.000000Z}).
 * Stateless.
 */
public final class IsoInstant {
  /** 0000-01-01T00:00:00Z. */
  private static final long FIRST_SECOND = -62_167_219_200L;
  /** 9999-12-31T23:59:59Z. */
  private static final long LAST_SECOND = 253_402_300_799L;
  private static final int LENGTH = "9999-12-31T23:59:59.999999Z".length();
  /** Formats the instants outside years 0000 to 9999; immutable. */
  private static final DateTimeFormatter OTHER_YEARS = new DateTimeFormatterBuilder().appendInstant(6).toFormatter();

  private IsoInstant() {}

  /** The ISO-8601 text of {@code instant} with six fraction digits, as described above. */
  public static String format(Instant instant) {
    long second = instant.getEpochSecond();
    if (second < FIRST_SECOND || second > LAST_SECOND) return OTHER_YEARS.format(instant);
    char[] text = new char[LENGTH];
    format(second, instant.getNano(), text);
    return new String(text);
  }

  /**
   * Writes the text of the instant {@code second}/{@code nano} into {@code text}, which it fills.
   * The second must be within years 0000 to 9999.
   */
  private static void format(long second, int nano, char[] text) {
    LocalDate date = LocalDate.ofEpochDay(Math.floorDiv(second, 86_400L));
    int ofDay = (int) Math.floorMod(second, 86_400L);
    digits(date.getYear(), 4, text, 0);
    text[4] = '-';
    digits(date.getMonthValue(), 2, text, 5);
    text[7] = '-';
    digits(date.getDayOfMonth(), 2, text, 8);
    text[10] = 'T';
    digits(ofDay / 3600, 2, text, 11);
    text[13] = ':';
    digits(ofDay / 60 % 60, 2, text, 14);
    text[16] = ':';
    digits(ofDay % 60, 2, text, 17);
    text[19] = '.';
    digits(nano / 1_000, 6, text, 20);
    text[26] = 'Z';
  }

  /** Writes {@code value} (non-negative) as {@code width} zero-padded digits from {@code from}. */
  private static void digits(int value, int width, char[] text, int from) {
    for (int i = from + width - 1; i >= from; i--) {
      text[i] = (char) ('0' + value % 10);
      value /= 10;
    }
  }

  /**
   * Writes an {@link Instant} as {@link #format} does, for JSON written by databind (the {@code
   * --stats} file's times: {@code @JsonSerialize(using = IsoInstant.Serializer.class)}). Stateless.
   */
  public static final class Serializer extends ValueSerializer<Instant> {
    @Override
    public void serialize(Instant value, JsonGenerator gen, SerializationContext ctxt) {
      gen.writeString(format(value));
    }
  }
}
