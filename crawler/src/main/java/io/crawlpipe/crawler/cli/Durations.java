package io.crawlpipe.crawler.cli;

import io.crawlpipe.crawler.DurationText;
import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * Parses durations as {@code 500ms}, {@code 5s}, {@code 2m}, {@code 1h}, {@code 1d}; a bare number
 * means seconds. At most {@link #MAX} (366 days), so later arithmetic on a duration cannot overflow.
 * Counted in whole milliseconds, rounded: a duration above 0 that would round to 0 ({@code 0.4ms},
 * {@code 0.0001}) is refused rather than taken as 0.
 */
final class Durations implements ITypeConverter<Duration> {
  /** The longest duration accepted: 366 days. */
  static final Duration MAX = Duration.ofDays(366);
  private static final Pattern FORM = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*(ms|s|m|h|d)?");

  @Override
  public Duration convert(String value) {
    return parse(value);
  }

  static Duration parse(String value) {
    Matcher m = FORM.matcher(value.strip().toLowerCase(Locale.ROOT));
    if (!m.matches()) {
      throw new TypeConversionException("'" + value + "' is not a duration (e.g. 500ms, 5s, 2m, 1h, 1d, or seconds)");
    }
    double amount = Double.parseDouble(m.group(1));
    String unit = m.group(2) == null ? "s" : m.group(2);
    double millis = switch (unit) {
      case "ms" -> amount;
      case "s" -> amount * 1_000;
      case "m" -> amount * 60_000;
      case "h" -> amount * 3_600_000;
      default -> amount * 86_400_000;
    };
    if (!(millis <= MAX.toMillis())) {
      throw new TypeConversionException("'" + value + "' is too long (at most " + DurationText.format(MAX) + ")");
    }
    if (millis > 0 && Math.round(millis) == 0) {
      throw new TypeConversionException("'" + value + "' is shorter than 1ms (durations count whole milliseconds)");
    }
    return Duration.ofMillis(Math.round(millis));
  }
}
