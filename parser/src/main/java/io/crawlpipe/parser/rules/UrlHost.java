package io.crawlpipe.parser.rules;

import io.crawlpipe.parser.Ipv4Host;
import java.io.ByteArrayOutputStream;
import java.net.IDN;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The host of an http(s) URL read and written out as a browser's URL parser (WHATWG URL Standard)
 * does: percent escapes decoded, a domain name lower-cased and converted to its ASCII form
 * ({@code bücher.example} is {@code xn--bcher-kva.example}), an IPv4 address in dotted decimal
 * ({@code 0x7f.1} is {@code 127.0.0.1}) and an IPv6 address compressed in lower case, but for an
 * IPv4-mapped one ({@code [::ffff:1.2.3.4]}), which is its IPv4 address ({@code 1.2.3.4}) as
 * OkHttp, and so the crawler's final URL, writes it. The ASCII
 * conversion is {@link IDN#toASCII}'s IDNA 2003, but for a label holding {@code ß}, {@code ς},
 * ZWNJ or ZWJ, which is converted as OkHttp's non-transitional UTS 46 does (they stay, and the
 * label is Punycode-encoded), so that the host is the crawler's. No name is
 * ever looked up. Stateless and thread-safe.
 */
final class UrlHost {
  /** The ASCII characters a domain may not hold, beside controls and DEL. */
  private static final String FORBIDDEN = " #%/:<>?@[\\]^|";
  /** The full stops IDNA separates labels at: ASCII, ideographic, full-width, halfwidth. */
  private static final Pattern IDNA_DOTS = Pattern.compile("[.\u3002\uff0e\uff61]");
  /** The deviation characters UTS 46 keeps and IDNA 2003 maps: ß, final sigma, ZWNJ, ZWJ. */
  private static final Pattern NONTRANSITIONAL = Pattern.compile("[\u00df\u03c2\u200c\u200d]");

  private UrlHost() {}

  /** The host serialised, or null when {@code input} is empty or not a valid host. */
  static String serialise(String input) {
    if (input.startsWith("[")) {
      return input.endsWith("]") ? ipv6(input.substring(1, input.length() - 1)) : null;
    }
    String domain = toAscii(input.indexOf('%') < 0 ? input : percentDecode(input));
    if (domain == null || domain.isEmpty()) return null;
    for (int i = 0; i < domain.length(); i++) {
      char c = domain.charAt(i);
      if (c <= 0x20 || c >= 0x7f || FORBIDDEN.indexOf(c) >= 0) return null;
    }
    return hasValidLabels(domain) ? Ipv4Host.canonical(domain) : null;
  }

  /**
   * Whether OkHttp, and so the crawler, takes the domain's labels: none empty but the last
   * ({@code a.b.} is taken, {@code a..b} and {@code .} are not), and no {@code xn--} label with
   * nothing after the prefix.
   */
  private static boolean hasValidLabels(String domain) {
    String[] labels = domain.split("\\.", -1);
    for (int i = 0; i < labels.length; i++) {
      boolean last = i == labels.length - 1 && i > 0;
      if (labels[i].isEmpty() && !last || labels[i].equals("xn--")) return false;
    }
    return true;
  }

  /** The domain in ASCII lower case ({@link #domainToAscii}), or null when IDNA refuses it. */
  private static String toAscii(String domain) {
    try {
      return domainToAscii(domain);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  /**
   * The domain lower-cased, each label that holds other characters than ASCII converted to IDNA
   * ASCII on its own (so empty labels stay, as in a browser, and other labels are left as they are).
   *
   * @throws IllegalArgumentException from {@link IDN#toASCII} when IDNA refuses a label
   */
  static String domainToAscii(String domain) {
    if (domain.chars().allMatch(c -> c < 0x80)) return domain.toLowerCase(Locale.ROOT);
    String[] labels = labels(domain);
    for (int i = 0; i < labels.length; i++) {
      if (labels[i].chars().allMatch(c -> c < 0x80)) continue;
      String lower = lowerCase(labels[i]);
      labels[i] = NONTRANSITIONAL.matcher(lower).find() ? nonTransitional(lower) : IDN.toASCII(labels[i], IDN.ALLOW_UNASSIGNED);
    }
    return String.join(".", labels).toLowerCase(Locale.ROOT);
  }

  /**
   * A label holding a deviation character UTS 46 keeps but IDNA 2003 maps ({@code ß}, {@code ς},
   * ZWNJ, ZWJ) as OkHttp writes it: the runs between them mapped by IDNA 2003 (which checks them),
   * the label NFC-normalised and Punycode-encoded, {@code straße} is {@code xn--strae-oqa}.
   *
   * @throws IllegalArgumentException from {@link IDN#toASCII} when IDNA refuses a run
   */
  private static String nonTransitional(String label) {
    StringBuilder mapped = new StringBuilder();
    Matcher deviation = NONTRANSITIONAL.matcher(label);
    int from = 0;
    while (deviation.find()) {
      mapped.append(mapRun(label.substring(from, deviation.start()))).append(deviation.group());
      from = deviation.end();
    }
    mapped.append(mapRun(label.substring(from)));
    return "xn--" + Punycode.encode(Normalizer.normalize(mapped, Normalizer.Form.NFC));
  }

  private static String mapRun(String run) {
    return run.isEmpty() ? run : IDN.toUnicode(IDN.toASCII(run, IDN.ALLOW_UNASSIGNED), IDN.ALLOW_UNASSIGNED);
  }

  /** Each code point lower-cased on its own ({@code Σ} is always {@code σ}, as in UTS 46). */
  private static String lowerCase(String label) {
    StringBuilder out = new StringBuilder(label.length());
    label.codePoints().forEach(c -> out.appendCodePoint(Character.toLowerCase(c)));
    return out.toString();
  }

  /** The labels of a domain, split at each full stop IDNA knows. */
  static String[] labels(String domain) {
    return IDNA_DOTS.split(domain, -1);
  }

  /** {@code %XX} escapes decoded as UTF-8 (a byte sequence that is not UTF-8 reads as U+FFFD). */
  private static String percentDecode(String text) {
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    ByteArrayOutputStream out = new ByteArrayOutputStream(bytes.length);
    for (int i = 0; i < bytes.length; i++) {
      int high = i + 2 < bytes.length && bytes[i] == '%' ? Character.digit(bytes[i + 1], 16) : -1;
      int low = high < 0 ? -1 : Character.digit(bytes[i + 2], 16);
      if (low < 0) {
        out.write(bytes[i]);
      } else {
        out.write(high << 4 | low);
        i += 2;
      }
    }
    return out.toString(StandardCharsets.UTF_8);
  }

  /**
   * The bracketed IPv6 address text {@code literal} compressed, in brackets, or an IPv4-mapped one
   * as its IPv4 address in dotted decimal; null when it is not one.
   */
  private static String ipv6(String literal) {
    if (!literal.contains(":") || !literal.chars().allMatch(c -> c == ':' || c == '.' || Character.digit(c, 16) >= 0)) {
      return null;
    }
    InetAddress address;
    try {
      address = Inet6Address.ofLiteral(literal); // parses the text only: never a lookup
    } catch (IllegalArgumentException e) {
      return null;
    }
    byte[] bytes = new byte[16];
    byte[] parsed = address.getAddress();
    if (address instanceof Inet4Address) { // ::ffff:a.b.c.d, which Java hands back as IPv4
      bytes[10] = (byte) 0xff;
      bytes[11] = (byte) 0xff;
    }
    System.arraycopy(parsed, 0, bytes, 16 - parsed.length, parsed.length);
    return isIpv4Mapped(bytes) ? (bytes[12] & 0xff) + "." + (bytes[13] & 0xff) + "." + (bytes[14] & 0xff) + "."
        + (bytes[15] & 0xff) : "[" + compressed(bytes) + "]";
  }

  /** Whether the address is {@code ::ffff:a.b.c.d}, which OkHttp, and so the crawler, writes as {@code a.b.c.d}. */
  private static boolean isIpv4Mapped(byte[] bytes) {
    for (int i = 0; i < 10; i++) {
      if (bytes[i] != 0) return false;
    }
    return bytes[10] == (byte) 0xff && bytes[11] == (byte) 0xff;
  }

  /** The eight pieces in lower-case hex, the first longest run of two or more zero pieces as {@code ::}. */
  private static String compressed(byte[] bytes) {
    int[] pieces = new int[8];
    for (int i = 0; i < 8; i++) pieces[i] = (bytes[2 * i] & 0xff) << 8 | bytes[2 * i + 1] & 0xff;
    int start = -1;
    int length = 1;
    for (int i = 0; i < 8; i++) {
      int end = i;
      while (end < 8 && pieces[end] == 0) end++;
      if (end - i > length) {
        start = i;
        length = end - i;
      }
    }
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < 8; i++) {
      if (i == start) {
        out.append(i == 0 ? "::" : ":");
        i += length - 1;
        continue;
      }
      out.append(Integer.toHexString(pieces[i])).append(i < 7 ? ":" : "");
    }
    return out.toString();
  }
}
