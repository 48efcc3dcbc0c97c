package io.crawlpipe.crawler.cli;

import java.math.BigInteger;
import java.util.regex.Pattern;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * Reads the {@code int} and {@code long} options ({@code --concurrency N}) as picocli's own
 * converters do ({@link Integer#valueOf}, {@link Long#valueOf}), but says what is wrong with a
 * number out of the type's range ({@code '99999999999' is too large (at most 2147483647)}) where
 * picocli said it is not an int. Registered for every command by {@link Main}. Stateless.
 */
final class WholeNumbers {
  private static final Pattern DIGITS = Pattern.compile("[+-]?[0-9]+");

  /** For {@code int} and {@link Integer} options. */
  static final ITypeConverter<Integer> INT = value -> (int) read(value, Integer.MIN_VALUE, Integer.MAX_VALUE, "an int");

  /** For {@code long} and {@link Long} options. */
  static final ITypeConverter<Long> LONG = value -> read(value, Long.MIN_VALUE, Long.MAX_VALUE, "a long");

  private WholeNumbers() {}

  private static long read(String value, long min, long max, String type) {
    if (!DIGITS.matcher(value).matches()) throw new TypeConversionException("'" + value + "' is not " + type);
    BigInteger number = new BigInteger(value);
    if (number.compareTo(BigInteger.valueOf(max)) > 0) {
      throw new TypeConversionException("'" + value + "' is too large (at most " + max + ")");
    }
    if (number.compareTo(BigInteger.valueOf(min)) < 0) {
      throw new TypeConversionException("'" + value + "' is too small (at least " + min + ")");
    }
    return number.longValueExact();
  }
}
