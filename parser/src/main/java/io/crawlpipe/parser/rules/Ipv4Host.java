package io.crawlpipe.parser.rules;

/**
 * The WHATWG URL Standard's IPv4 parser: a host whose last label is a number is an IPv4 address
 * of one to four parts, each decimal, octal ({@code 0177}) or hex ({@code 0x7f}), the last filling
 * the bytes that remain ({@code 127.1} is {@code 127.0.0.1}). Stateless and thread-safe.
 */
final class Ipv4Host {
  private Ipv4Host() {}

  /** The address in dotted decimal, or null when {@code host} is not a valid IPv4 address. */
  static String serialise(String host) {
    String[] parts = host.split("\\.", -1);
    int count = parts.length;
    if (count > 1 && parts[count - 1].isEmpty()) count--;
    if (count > 4) return null;
    long address = 0;
    for (int i = 0; i < count; i++) {
      long n = number(parts[i]);
      boolean last = i == count - 1;
      if (n < 0 || !last && n > 255 || last && n >= 1L << 8 * (5 - count)) return null;
      address += last ? n : n << 8 * (3 - i);
    }
    return (address >> 24) + "." + (address >> 16 & 0xff) + "." + (address >> 8 & 0xff) + "." + (address & 0xff);
  }

  /**
   * One part's value, or -1 when it is not a number (or is empty); a number past {@code 2^32}, too
   * large for any part, is {@link Long#MAX_VALUE}.
   */
  static long number(String part) {
    if (part.isEmpty()) return -1;
    int radix = 10;
    String digits = part;
    if (part.startsWith("0x") || part.startsWith("0X")) {
      radix = 16;
      digits = part.substring(2);
    } else if (part.length() > 1 && part.charAt(0) == '0') {
      radix = 8;
      digits = part.substring(1);
    }
    if (digits.isEmpty()) return 0;
    for (int i = 0; i < digits.length(); i++) {
      char c = digits.charAt(i);
      if (c >= 0x80 || Character.digit(c, radix) < 0) return -1;
    }
    String significant = digits.replaceFirst("^0+(?=.)", "");
    return significant.length() > 12 ? Long.MAX_VALUE : Long.parseLong(significant, radix);
  }
}
