package io.crawlpipe.crawler.cli;

import java.util.Locale;
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

  static FailOn parse(String value) {
    String v = value.strip().toLowerCase(Locale.ROOT);
    if (v.equals("any")) return any();
    if (v.equals("none")) return new FailOn("none", 1);
    if (v.startsWith("ratio:")) {
      try {
        double ratio = Double.parseDouble(v.substring("ratio:".length()));
        if (ratio >= 0 && ratio <= 1) return new FailOn(v, ratio);
      } catch (NumberFormatException e) {
        // falls through to the message below
      }
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
