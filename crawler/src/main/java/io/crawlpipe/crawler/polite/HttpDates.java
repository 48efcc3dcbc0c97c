package io.crawlpipe.crawler.polite;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads an HTTP date in the three forms RFC 9110 §5.6.7 says a recipient must accept: the
 * preferred IMF-fixdate ({@code Sun, 06 Nov 1994 08:49:37 GMT}), the obsolete RFC 850 form
 * ({@code Sunday, 06-Nov-94 08:49:37 GMT}) and C's asctime form ({@code Sun Nov  6 08:49:37 1994}).
 * The weekday of the obsolete forms is not checked. Stateless.
 */
final class HttpDates {
  private static final Pattern RFC_850 =
      Pattern.compile("[A-Za-z]+, (\\d{2})-([A-Za-z]{3})-(\\d{2}) (\\d{2}):(\\d{2}):(\\d{2}) GMT");
  private static final Pattern ASCTIME =
      Pattern.compile("[A-Za-z]{3} ([A-Za-z]{3}) ([ \\d]\\d) (\\d{2}):(\\d{2}):(\\d{2}) (\\d{4})");
  private static final List<String> MONTHS =
      List.of("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec");

  private HttpDates() {}

  /**
   * The instant {@code value} names, or null when it is in none of the three forms. {@code now}
   * places an RFC 850 two-digit year: one that would be more than 50 years ahead is the most
   * recent past year with those digits (RFC 9110).
   */
  static Instant parse(String value, Instant now) {
    try {
      return ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
    } catch (DateTimeParseException notImfFixdate) {
      // one of the obsolete forms, or no date
    }
    try {
      Matcher rfc850 = RFC_850.matcher(value);
      if (rfc850.matches()) {
        int year = fullYear(Integer.parseInt(rfc850.group(3)), now.atZone(ZoneOffset.UTC).getYear());
        return at(year, rfc850.group(2), rfc850.group(1), rfc850, 4);
      }
      Matcher asctime = ASCTIME.matcher(value);
      if (asctime.matches()) {
        return at(Integer.parseInt(asctime.group(6)), asctime.group(1), asctime.group(2).strip(), asctime, 3);
      }
    } catch (DateTimeException invalid) { // 31 Feb, hour 25, an unknown month
      return null;
    }
    return null;
  }

  /** {@code twoDigits} as the year closest to {@code thisYear} that is not more than 50 years ahead. */
  static int fullYear(int twoDigits, int thisYear) {
    int year = thisYear - Math.floorMod(thisYear, 100) + twoDigits;
    return year > thisYear + 50 ? year - 100 : year;
  }

  /** The UTC instant of the date given, its hours, minutes and seconds in {@code m}'s groups from {@code hourGroup}. */
  private static Instant at(int year, String month, String day, Matcher m, int hourGroup) {
    int monthIndex = MONTHS.indexOf(month.toLowerCase(Locale.ROOT));
    if (monthIndex < 0) throw new DateTimeException("unknown month " + month);
    return LocalDateTime.of(year, monthIndex + 1, Integer.parseInt(day), Integer.parseInt(m.group(hourGroup)),
        Integer.parseInt(m.group(hourGroup + 1)), Integer.parseInt(m.group(hourGroup + 2))).toInstant(ZoneOffset.UTC);
  }
}
