package io.crawlpipe.crawler.cli;

import java.util.Locale;
import java.util.regex.Pattern;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * {@code --fail-on}: when failed URLs (results with {@code ok=false}) make the exit code 1. {@code
 * any} (the default): one failure is enough; {@code none}: never; {@code ratio:R}: when more than
 * the fraction R (0 to 1) of the results failed.
 *
 * @param spec the text given, for messages
 * @param maxRatio the largest failed fraction that still exits 0
 */
record FailOn(String spec, double maxRatio) {
  FailOn {
    if (!(maxRatio >= 0 && maxRatio <= 1)) throw new IllegalArgumentException("ratio must be in [0, 1], was " + maxRatio);
  }

  static FailOn any() {
    return new FailOn("any", 0);
  }

  /** True when {@code failed} of {@code total} results is too many. */
  boolean fails(long failed, long total) {
    if ("none".equals(spec)) return false;
    return total > 0 && (double) failed / total > maxRatio;
  }

  /** The text given; picocli shows it as the default, and a record's generated toString costs a call-site link at start-up. */
  @Override
  public String toString() {
    return spec;
  }

  /** A plain decimal number, as the docs write R: digits with at most one point (no sign, exponent, hex or suffix). */
  private static final Pattern DECIMAL = Pattern.compile("[0-9]+(?:\\.[0-9]*)?|\\.[0-9]+");

  static FailOn parse(String value) {
    String v = value.strip().toLowerCase(Locale.ROOT);
    if (v.equals("any")) return any();
    if (v.equals("none")) return new FailOn("none", 1);
    if (v.startsWith("ratio:") && DECIMAL.matcher(v).region("ratio:".length(), v.length()).matches()) {
      double ratio = Double.parseDouble(v.substring("ratio:".length()));
      if (ratio <= 1) return new FailOn(v, ratio);
    }
    throw new IllegalArgumentException("'" + value + "' is not none, any or ratio:R with R from 0 to 1 (e.g. ratio:0.2)");
  }

  /** The picocli converter. */
  static final class Converter implements ITypeConverter<FailOn> {
    @Override
    public FailOn convert(String value) {
      try {
        return parse(value);
      } catch (IllegalArgumentException e) {
        throw new TypeConversionException(e.getMessage());
      }
    }
  }
}
