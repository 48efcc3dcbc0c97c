package io.crawlpipe.store;

import java.time.Instant;
import java.time.LocalDate;

/**
 * Formats an {@link Instant} exactly as {@link Instant#toString()} (that is,
 * {@link java.time.format.DateTimeFormatter#ISO_INSTANT}) does — {@code 2026-11-22T10:15:30.123Z}:
 * seconds always written, the fraction in groups of three digits (none, 3, 6 or 9) with no
 * trailing group of zeros, UTC with a {@code Z} — but with a few arithmetic steps instead of a
 * formatter. Years 0000 to 9999 take this path; any other instant is handed to
 * {@link Instant#toString()}, so the output is the same for every instant. Stateless.
 */
final class IsoInstant {
  /** 0000-01-01T00:00:00Z. */
  private static final long FIRST_SECOND = -62_167_219_200L;
  /** 9999-12-31T23:59:59Z. */
  private static final long LAST_SECOND = 253_402_300_799L;
  private static final int LONGEST = "9999-12-31T23:59:59.999999999Z".length();

  private IsoInstant() {}

  /** The ISO-8601 text of {@code instant}, as {@link Instant#toString()} writes it. */
  static String format(Instant instant) {
    long second = instant.getEpochSecond();
    if (second < FIRST_SECOND || second > LAST_SECOND) return instant.toString();
    char[] text = new char[LONGEST];
    int length = format(second, instant.getNano(), text);
    return new String(text, 0, length);
  }

  /**
   * Writes the text of the instant {@code second}/{@code nano} into {@code text} and returns its
   * length. The second must be within years 0000 to 9999.
   */
  private static int format(long second, int nano, char[] text) {
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
    int at = 19;
    if (nano != 0) {
      text[at++] = '.';
      if (nano % 1_000_000 == 0) {
        at = digits(nano / 1_000_000, 3, text, at);
      } else if (nano % 1_000 == 0) {
        at = digits(nano / 1_000, 6, text, at);
      } else {
        at = digits(nano, 9, text, at);
      }
    }
    text[at++] = 'Z';
    return at;
  }

  /** Writes {@code value} (non-negative) as {@code width} zero-padded digits; returns the end. */
  private static int digits(int value, int width, char[] text, int from) {
    int end = from + width;
    for (int i = end - 1; i >= from; i--) {
      text[i] = (char) ('0' + value % 10);
      value /= 10;
    }
    return end;
  }
}
