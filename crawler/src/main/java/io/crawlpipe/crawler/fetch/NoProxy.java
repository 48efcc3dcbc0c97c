package io.crawlpipe.crawler.fetch;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * The hosts that bypass the proxy, as a {@code NO_PROXY} variable lists them, read as curl reads
 * it: entries separated by commas or spaces; {@code *} alone matches every host; a host name
 * matches itself and its subdomains (a leading {@code .} or {@code *.} is ignored, so {@code
 * example.com}, {@code .example.com} and {@code *.example.com} all match {@code
 * www.example.com}); an IP address matches itself, and an address with a prefix length ({@code
 * 10.0.0.0/8}, {@code fd00::/8}) every address in that range; {@code :port} after an entry limits
 * it to that port. No name is looked up: {@code 127.0.0.1} does not match {@code localhost}.
 * Immutable.
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

  /** True when {@code host} (canonical: lower case, IPv6 without brackets) at {@code port} bypasses the proxy. */
  public boolean matches(String host, int port) {
    Objects.requireNonNull(host, "host");
    for (String entry : entries) {
      if (entry.equals("*")) return true;
      String name = entry;
      int colon = entry.lastIndexOf(':');
      int bracket = entry.lastIndexOf(']');
      boolean bareIpv6 = entry.indexOf(':') != colon; // several colons, no brackets: an address, no port
      if (colon > bracket && !bareIpv6 && entry.substring(colon + 1).matches("[0-9]{1,5}")) {
        if (Integer.parseInt(entry.substring(colon + 1)) != port) continue;
        name = entry.substring(0, colon);
      }
      if (name.startsWith("[") && name.endsWith("]")) name = name.substring(1, name.length() - 1);
      if (matchesName(name, host)) return true;
    }
    return false;
  }

  private static boolean matchesName(String entry, String host) {
    if (entry.contains("/")) return inRange(entry, host);
    String name = entry.startsWith("*.") ? entry.substring(2) : entry.startsWith(".") ? entry.substring(1) : entry;
    return !name.isEmpty() && (host.equals(name) || host.endsWith("." + name));
  }

  /** {@code host} is an IP address within {@code cidr} ({@code address/prefix}). */
  private static boolean inRange(String cidr, String host) {
    int slash = cidr.indexOf('/');
    byte[] network = literal(cidr.substring(0, slash));
    byte[] address = literal(host);
    if (network == null || address == null || network.length != address.length) return false;
    int prefix;
    try {
      prefix = Integer.parseInt(cidr.substring(slash + 1));
    } catch (NumberFormatException e) {
      return false;
    }
    if (prefix < 0 || prefix > network.length * 8) return false;
    for (int bit = 0; bit < prefix; bit++) {
      int mask = 0x80 >>> (bit % 8);
      if ((network[bit / 8] & mask) != (address[bit / 8] & mask)) return false;
    }
    return true;
  }

  /** The bytes of an IP address literal (dotted quad or IPv6), or null for anything else; never a lookup. */
  static byte[] literal(String text) {
    boolean v6 = text.contains(":") && text.matches("[0-9a-f:.]+");
    if (!v6 && (text.contains(":") || !NameLookup.isIpAddress(text))) return null;
    try {
      return InetAddress.getByName(text).getAddress(); // a literal: parsed, not looked up
    } catch (UnknownHostException e) {
      return null;
    }
  }
}
