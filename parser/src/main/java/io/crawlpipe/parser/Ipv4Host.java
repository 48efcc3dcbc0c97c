package io.crawlpipe.parser;

/**
 * The WHATWG URL Standard's rule for hosts written as numbers, which browsers follow and OkHttp
 * does not: a host that <em>ends in a number</em> (its last label, a trailing dot aside, is
 * decimal digits or {@code 0x} and hex digits) must be an IPv4 address, and is then that address
 * as a dotted quad. Each of its one to four dot-separated parts is decimal, hex after {@code 0x},
 * or octal after a leading {@code 0}; every part but the last is one byte, and the last fills the
 * bytes left: {@code 127.1}, {@code 2130706433}, {@code 0177.0.0.1} and {@code 0x7f.1} are all
 * {@code 127.0.0.1}. A host that ends in a number but is no address ({@code 1.2.3.4.5}, {@code
 * 256.1.1.1}, {@code example.123}) is not a valid host. The one reading of such hosts: the
 * crawler's URLs, hosts and {@code no_proxy}, and the URLs extraction rules write. Stateless and
 * thread-safe.
 */
public final class Ipv4Host {
  private static final long NOT_A_NUMBER = -1;
  private static final long INVALID = -2;

  private Ipv4Host() {}

  /**
   * {@code host} (lower case, IPv6 without brackets, as a URL parser gives it; not null)
   * as its dotted quad when it ends in a number, else as it is; the same instance when unchanged.
   * Null when it ends in a number but is not an IPv4 address ({@link #problem} says so).
   */
  public static String canonical(String host) {
    if (isDottedQuad(host)) return host; // the usual form, without a parse
    long address = parse(host);
    if (address == NOT_A_NUMBER) return host;
    return address == INVALID ? null : (address >>> 24) + "." + (address >>> 16 & 0xff) + "." + (address >>> 8 & 0xff)
        + "." + (address & 0xff);
  }

  /** Why {@code host}, for which {@link #canonical} is null, is not a valid host: one line naming it. */
  public static String problem(String host) {
    return "host " + host + " ends in a number but is not a valid IPv4 address";
  }

  /** The four bytes of {@code text} when it is an IPv4 address however written, else null. */
  public static byte[] address(String text) {
    long address = text.indexOf(':') >= 0 ? NOT_A_NUMBER : parse(text);
    if (address < 0) return null;
    return new byte[] {(byte) (address >>> 24), (byte) (address >>> 16), (byte) (address >>> 8), (byte) address};
  }

  /** The address {@code host} is, or {@link #NOT_A_NUMBER} when it does not end in a number, or {@link #INVALID}. */
  private static long parse(String host) {
    if (host.indexOf(':') >= 0) return NOT_A_NUMBER; // IPv6
    int end = host.length();
    if (end > 1 && host.charAt(end - 1) == '.') end--; // one trailing dot, as in "example.com."
    if (!endsInANumber(host, end)) return NOT_A_NUMBER;
    long address = 0;
    int parts = 0;
    for (int start = 0; start <= end; parts++) {
      int dot = host.indexOf('.', start);
      int partEnd = dot < 0 || dot > end ? end : dot;
      long value = number(host, start, partEnd);
      boolean last = partEnd == end;
      if (value < 0 || parts == 3 && !last || !last && value > 255) return INVALID;
      if (last) return value >= 1L << (8 * (4 - parts)) ? INVALID : address << (8 * (4 - parts)) | value;
      address = address << 8 | value;
      start = partEnd + 1;
    }
    return INVALID;
  }

  /** True when the last label before {@code end} is decimal digits, or {@code 0x} and hex digits (maybe none). */
  private static boolean endsInANumber(String host, int end) {
    int start = host.lastIndexOf('.', end - 1) + 1;
    if (start == end) return false;
    return allDigits(host, start, end, 10) || isHexPrefix(host, start, end) && allDigits(host, start + 2, end, 16);
  }

  private static boolean allDigits(String host, int from, int to, int radix) {
    for (int i = from; i < to; i++) {
      if (!isDigit(host.charAt(i), radix)) return false;
    }
    return true;
  }

  /** The number between {@code from} and {@code to}, decimal, hex after 0x or octal after 0; -1 if it is none or over 32 bits. */
  private static long number(String host, int from, int to) {
    if (from == to) return -1;
    int radix = 10;
    if (isHexPrefix(host, from, to)) {
      radix = 16;
      from += 2;
    } else if (to - from > 1 && host.charAt(from) == '0') {
      radix = 8;
      from++;
    }
    long value = 0;
    for (int i = from; i < to; i++) {
      char c = host.charAt(i);
      if (!isDigit(c, radix)) return -1;
      value = value * radix + Character.digit(c, radix);
      if (value > 0xffff_ffffL) return -1;
    }
    return value;
  }

  private static boolean isHexPrefix(String host, int from, int to) {
    return to - from >= 2 && host.charAt(from) == '0' && (host.charAt(from + 1) == 'x' || host.charAt(from + 1) == 'X');
  }

  private static boolean isDigit(char c, int radix) {
    return c < 128 && Character.digit(c, radix) >= 0;
  }

  /** Four decimal numbers up to 255 without leading zeros: the canonical form. */
  private static boolean isDottedQuad(String host) {
    int parts = 0;
    int start = 0;
    int value = 0;
    for (int i = 0; i <= host.length(); i++) {
      char c = i < host.length() ? host.charAt(i) : '.';
      if (c != '.') {
        if (c < '0' || c > '9' || i - start > 2) return false;
        value = value * 10 + (c - '0');
        continue;
      }
      int length = i - start;
      if (length == 0 || length > 1 && host.charAt(start) == '0' || value > 255 || ++parts > 4) return false;
      start = i + 1;
      value = 0;
    }
    return parts == 4;
  }
}
