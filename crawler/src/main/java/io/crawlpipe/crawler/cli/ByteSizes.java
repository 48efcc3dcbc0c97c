package io.crawlpipe.crawler.cli;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * Parses sizes as {@code 1048576}, {@code 512k}, {@code 10m}/{@code 10MiB}, {@code 1g}: binary
 * units. A size beyond what a {@code long} holds is refused naming the option's own largest value,
 * as the option's check names it for a smaller one too large ({@code '99999999999g' is too large
 * (at most 1g)}). Stateless.
 */
final class ByteSizes implements ITypeConverter<Long> {
  private static final Pattern FORM = Pattern.compile("(\\d+)\\s*(b|k|kb|kib|m|mb|mib|g|gb|gib)?");
  private final String tooLarge;

  /** For an option whose sizes are at most {@code max} bytes. */
  ByteSizes(long max) {
    this.tooLarge = "' is too large (at most " + OptionChecks.size(max) + ")";
  }

  @Override
  public Long convert(String value) {
    Matcher m = FORM.matcher(value.strip().toLowerCase(Locale.ROOT));
    if (!m.matches()) {
      throw new TypeConversionException("'" + value + "' is not a size (e.g. 65536, 512k, 10m, 1g)");
    }
    if (m.group(1).length() > 18) throw new TypeConversionException("'" + value + tooLarge);
    long amount = Long.parseLong(m.group(1));
    String unit = m.group(2) == null ? "b" : m.group(2).substring(0, 1);
    int shift = switch (unit) {
      case "k" -> 10;
      case "m" -> 20;
      case "g" -> 30;
      default -> 0;
    };
    if (amount > (Long.MAX_VALUE >> shift)) throw new TypeConversionException("'" + value + tooLarge);
    return amount << shift;
  }
}
