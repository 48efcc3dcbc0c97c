package io.crawlpipe.crawler.cli;

import java.math.BigInteger;
import java.util.regex.Pattern;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * Reads the {@code int} and {@code long} options ({@code --concurrency N}) as picocli's own
 * converters do ({@link Integer#valueOf}, {@link Long#valueOf}), but says what is wrong with a
 * number out of the type's range ({@code '99999999999' is too large (at most 2147483647)}) where
 * picocli said it is not an int. Registered for every command by {@link Main}; an option with a
 * range of its own ({@code --workers}, 1..256) declares {@link #intIn} instead, one with only a
 * least value ({@code --concurrency}, 1 or more) {@link #atLeast}, so that a number out of the int
 * range is refused naming the option's range, not the int's. Stateless.
 */
final class WholeNumbers {
  private static final Pattern DIGITS = Pattern.compile("[+-]?[0-9]+");

  /** For {@code int} and {@link Integer} options. */
  static final ITypeConverter<Integer> INT = value -> (int) read(value, Integer.MIN_VALUE, Integer.MAX_VALUE, "an int");

  /** For {@code long} and {@link Long} options. */
  static final ITypeConverter<Long> LONG = value -> read(value, Long.MIN_VALUE, Long.MAX_VALUE, "a long");

  private WholeNumbers() {}

  /**
   * For an {@code int} option whose values are {@code min..max}: reads any int (the option's own
   * check refuses one out of its range, {@code must be 1..256, was 257}), and refuses a number
   * out of the int range naming {@code min} or {@code max} ({@code '99999999999' is too large (at most 256)}).
   */
  static ITypeConverter<Integer> intIn(int min, int max) {
    if (min > max) throw new IllegalArgumentException("min " + min + " > max " + max);
    return value -> (int) read(value, Integer.MIN_VALUE, Integer.MAX_VALUE, "an int", min, max);
  }

  /**
   * For an {@code int} option whose values are {@code min} or more ({@code --concurrency}, 1 or
   * more): as {@link #intIn}, so a number below the int range is refused naming {@code min}
   * ({@code '-99999999999' is too small (at least 1)}), not the int's least value.
   */
  static ITypeConverter<Integer> atLeast(int min) {
    return intIn(min, Integer.MAX_VALUE);
  }

  private static long read(String value, long min, long max, String type) {
    return read(value, min, max, type, min, max);
  }

  /** Reads {@code value} from {@code min..max}; one beyond them is refused naming {@code shownMin} or {@code shownMax}. */
  private static long read(String value, long min, long max, String type, long shownMin, long shownMax) {
    if (!DIGITS.matcher(value).matches()) throw new TypeConversionException("'" + value + "' is not " + type);
    BigInteger number = new BigInteger(value);
    if (number.compareTo(BigInteger.valueOf(max)) > 0) {
      throw new TypeConversionException("'" + value + "' is too large (at most " + shownMax + ")");
    }
    if (number.compareTo(BigInteger.valueOf(min)) < 0) {
      throw new TypeConversionException("'" + value + "' is too small (at least " + shownMin + ")");
    }
    return number.longValueExact();
  }
}
