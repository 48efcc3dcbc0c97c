package io.crawlpipe.parser.rules;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The post-processing steps of a field, applied to every string value the field yields (each
 * element of a list), in this fixed order: {@code trim}, {@code strip_prefix}, {@code
 * strip_suffix}, {@code replace} (literal, in file order), {@code trim} again, then {@code to}.
 * Values that are not strings (numbers from JSON, null) pass through unchanged. Immutable.
 *
 * @param trim strip surrounding whitespace, as Python's {@code str.strip()} does
 * @param stripPrefix removed once from the start when present, or null
 * @param stripSuffix removed once from the end when present, or null
 * @param replace literal replacements, applied in order
 * @param toNumber convert to a number, surrounding whitespace ignored: Long for integers, BigInteger
 *     beyond long, else BigDecimal; a string that is not a number, a decimal beyond the finite
 *     double range (one that reads as an infinite double, or as 0 when it is not zero), or a
 *     string longer than {@value #MAX_NUMBER_CHARS} characters, becomes
 *     null (reading and writing a number takes time quadratic in its digits: a page of 3,000,000
 *     digits held a parse thread for minutes; the limit is Jackson's own for numbers it reads)
 */
record PostProcess(boolean trim, String stripPrefix, String stripSuffix, Map<String, String> replace,
    boolean toNumber) {
  static final Set<String> KEYS = Set.of("trim", "strip_prefix", "strip_suffix", "replace", "to");
  static final PostProcess NONE = new PostProcess(false, null, null, Map.of(), false);
  static final int MAX_NUMBER_CHARS = 1_000;
  private static final Pattern INTEGER = Pattern.compile("[+-]?\\d+");

  PostProcess {
    replace = Collections.unmodifiableMap(new LinkedHashMap<>(replace));
  }

  /** The steps named in {@code spec}; {@link #NONE} when it names none. */
  static PostProcess from(Spec spec) {
    String to = spec.optionalString("to");
    if (to != null && !to.equals("number")) {
      throw spec.error("\"to\" must be \"number\", was " + Snippet.quoted(to));
    }
    Map<String, String> replace = spec.stringMap("replace");
    if (replace.containsKey("")) throw spec.error("\"replace\" cannot replace the empty string");
    return new PostProcess(spec.bool("trim", false), spec.optionalString("strip_prefix"),
        spec.optionalString("strip_suffix"), replace, to != null);
  }

  /** The value after the steps: strings are processed, lists element-wise, anything else as is. */
  Object apply(Object value) {
    if (this.equals(NONE)) return value;
    if (value instanceof String s) return applyTo(s);
    if (value instanceof List<?> list) {
      List<Object> out = new ArrayList<>(list.size());
      for (Object element : list) out.add(apply(element));
      return Collections.unmodifiableList(out);
    }
    return value;
  }

  private Object applyTo(String value) {
    String s = trim ? strip(value) : value;
    if (stripPrefix != null && s.startsWith(stripPrefix)) s = s.substring(stripPrefix.length());
    if (stripSuffix != null && s.endsWith(stripSuffix)) s = s.substring(0, s.length() - stripSuffix.length());
    for (Map.Entry<String, String> r : replace.entrySet()) s = s.replace(r.getKey(), r.getValue());
    if (trim) s = strip(s);
    return toNumber ? number(s) : s;
  }

  /**
   * A Long, BigInteger or BigDecimal for a decimal number of at most {@link #MAX_NUMBER_CHARS},
   * else null; surrounding whitespace is ignored, as Python's {@code int()} and {@code float()} do.
   * A BigDecimal is within the finite double range (else null); integers of any size are kept.
   */
  static Number number(String value) {
    String s = strip(value);
    if (s.length() > MAX_NUMBER_CHARS) return null;
    if (INTEGER.matcher(s).matches()) {
      BigInteger big = new BigInteger(s);
      return big.bitLength() < Long.SIZE ? (Number) big.longValue() : big;
    }
    try {
      BigDecimal decimal = new BigDecimal(s);
      return isFiniteDouble(decimal) ? decimal : null;
    } catch (NumberFormatException e) {
      return null;
    }
  }

  /**
   * True when {@code decimal} reads as a finite double and, unless zero, not as 0: consumers of
   * the results file (Python, jq, pandas) read decimals as doubles, and {@code 1E+400} would read
   * as infinity, {@code 1E-400} as 0. The exponent is checked first, so that a decimal such as
   * {@code 1e999999999} costs no conversion.
   */
  private static boolean isFiniteDouble(BigDecimal decimal) {
    if (decimal.signum() == 0) return true;
    long exponent = (long) decimal.precision() - decimal.scale() - 1; // of the leading digit
    if (exponent > 400 || exponent < -400) return false;
    double value = decimal.doubleValue();
    return Double.isFinite(value) && value != 0;
  }

  static String strip(String s) {
    int start = 0;
    int end = s.length();
    while (start < end && isSpace(s.charAt(start))) start++;
    while (end > start && isSpace(s.charAt(end - 1))) end--;
    return s.substring(start, end);
  }

  /**
   * Whitespace as Python's {@code str.strip()}, {@code int()} and {@code float()} see it: the JDK's
   * whitespace (U+001C to U+001F included), the Unicode spaces with the no-break ones, and U+0085.
   * (A page title's {@link io.crawlpipe.parser.Whitespace} leaves out U+001C to U+001F, as browsers do.)
   */
  private static boolean isSpace(char c) {
    return Character.isWhitespace(c) || Character.isSpaceChar(c) || c == '\u0085';
  }
}
