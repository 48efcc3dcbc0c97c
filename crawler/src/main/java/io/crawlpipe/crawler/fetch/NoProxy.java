package io.crawlpipe.crawler.fetch;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import okhttp3.HttpUrl;

/**
 * The hosts that bypass the proxy, as a {@code NO_PROXY} variable lists them: entries separated
 * by commas or spaces; {@code *} alone matches every host; a host name matches itself and its
 * subdomains (a leading {@code .} or {@code *.} and a trailing {@code .} are ignored, on the host
 * too, so {@code example.com}, {@code .example.com} and {@code *.example.com} all match {@code
 * www.example.com.}); an IP address matches the same address however written, and an address
 * with a prefix length ({@code 10.0.0.0/8}, {@code fd00::/8}) every address in that range; {@code
 * :port} after an entry ({@code [fd12::1]:443} for an IPv6 address) limits it to that port. No
 * name is ever looked up: {@code 127.0.0.1} does not match {@code localhost}. Immutable.
 */
public record NoProxy(List<String> entries) {
  public static final NoProxy NONE = new NoProxy(List.of());

  public NoProxy {
    entries = List.copyOf(entries);
  }

  /** The entries of a {@code NO_PROXY} value (null or blank: none). */
  public static NoProxy parse(String value) {
    if (value == null || value.isBlank()) return NONE;
    return new NoProxy(List.of(value.strip().toLowerCase(Locale.ROOT).split("[,\\s]+")));
  }

  /** True when every host bypasses the proxy ({@code *}). */
  public boolean matchesAll() {
    return entries.contains("*");
  }

  /** True when {@code host} (canonical: lower case, IPv6 without brackets) at {@code port} bypasses the proxy. */
  public boolean matches(String host, int port) {
    Objects.requireNonNull(host, "host");
    String name = withoutTrailingDot(host.toLowerCase(Locale.ROOT));
    byte[] address = literal(name);
    for (String entry : entries) {
      if (entry.equals("*")) return true;
      String pattern = entry;
      int portStart = portStart(entry);
      if (portStart >= 0) {
        if (Integer.parseInt(entry.substring(portStart + 1)) != port) continue;
        pattern = entry.substring(0, portStart);
      }
      if (pattern.startsWith("[") && pattern.endsWith("]")) pattern = pattern.substring(1, pattern.length() - 1);
      if (matches(pattern, name, address)) return true;
    }
    return false;
  }

  /** Where an entry's {@code :port} starts, or -1: a bare IPv6 address (several colons, no brackets) has none. */
  private static int portStart(String entry) {
    int colon = entry.lastIndexOf(':');
    if (colon < 0 || !entry.substring(colon + 1).matches("[0-9]{1,5}")) return -1;
    if (entry.startsWith("[")) return entry.lastIndexOf(']') == colon - 1 ? colon : -1;
    return entry.indexOf(':') == colon ? colon : -1;
  }

  private static boolean matches(String pattern, String name, byte[] address) {
    if (pattern.contains("/")) return address != null && inRange(pattern, address);
    byte[] entryAddress = literal(pattern);
    if (entryAddress != null) return Arrays.equals(entryAddress, address);
    String suffix = withoutTrailingDot(pattern.startsWith("*.") ? pattern.substring(2)
        : pattern.startsWith(".") ? pattern.substring(1) : pattern);
    return !suffix.isEmpty() && (name.equals(suffix) || name.endsWith("." + suffix));
  }

  /** {@code address} is within {@code cidr} ({@code address/prefix}). */
  private static boolean inRange(String cidr, byte[] address) {
    int slash = cidr.indexOf('/');
    byte[] network = literal(cidr.substring(0, slash));
    String bits = cidr.substring(slash + 1);
    if (network == null || network.length != address.length || !bits.matches("[0-9]{1,3}")) return false;
    int prefix = Integer.parseInt(bits);
    if (prefix > network.length * 8) return false;
    for (int bit = 0; bit < prefix; bit++) {
      int mask = 0x80 >>> (bit % 8);
      if ((network[bit / 8] & mask) != (address[bit / 8] & mask)) return false;
    }
    return true;
  }

  private static String withoutTrailingDot(String name) {
    return name.endsWith(".") ? name.substring(0, name.length() - 1) : name;
  }

  /**
   * The bytes of an IP address literal (a dotted quad, or IPv6 as OkHttp reads it), or null for
   * anything else. Never a lookup: only a text already known to be an address reaches the JDK.
   */
  static byte[] literal(String text) {
    String address = text;
    if (text.indexOf(':') >= 0) {
      HttpUrl url = HttpUrl.parse("http://[" + text + "]/");
      if (url == null) return null;
      address = url.host(); // canonical IPv6
    } else if (!NameLookup.isIpAddress(text)) {
      return null;
    }
    try {
      return InetAddress.getByName(address).getAddress();
    } catch (UnknownHostException e) {
      return null;
    }
  }
}
