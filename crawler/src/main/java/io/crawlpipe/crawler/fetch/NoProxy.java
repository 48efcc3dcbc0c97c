package io.crawlpipe.crawler.fetch;

import io.crawlpipe.parser.Ipv4Host;
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
 * www.example.com.}); an IP address matches the same address however written ({@code 127.1} and
 * {@code 127.0.0.1} are one, as {@link Ipv4Host} reads them), and an address
 * with a prefix length ({@code 10.0.0.0/8}, {@code fd00::/8}) every address in that range; {@code
 * :port} after an entry ({@code [fd12::1]:443} for an IPv6 address) limits it to that port. No
 * name is ever looked up: {@code 127.0.0.1} does not match {@code localhost}. Each entry is read
 * once, when the list is made. Immutable and thread-safe.
 */
public final class NoProxy {
  public static final NoProxy NONE = new NoProxy(List.of());

  private final List<String> entries;
  /** The entries read once, as the fetches that ask {@link #matches} use them. */
  private final List<Rule> rules;

  /**
   * One entry: every host, or a name suffix, an address, or a range ({@code network} and its
   * {@code prefix} length; a range that is not one has neither and matches nothing), on any port
   * ({@code -1}) or one.
   */
  private record Rule(boolean all, String suffix, byte[] address, byte[] network, int prefix, int port) {
    static Rule of(String entry) {
      if (entry.equals("*")) return new Rule(true, null, null, null, 0, -1);
      String pattern = entry;
      int port = -1;
      int portStart = portStart(entry);
      if (portStart >= 0) {
        port = Integer.parseInt(entry.substring(portStart + 1));
        pattern = entry.substring(0, portStart);
      }
      if (pattern.startsWith("[") && pattern.endsWith("]")) pattern = pattern.substring(1, pattern.length() - 1);
      int slash = pattern.indexOf('/');
      if (slash >= 0) {
        byte[] network = literal(pattern.substring(0, slash));
        String bits = pattern.substring(slash + 1);
        boolean valid = network != null && bits.matches("[0-9]{1,3}") && Integer.parseInt(bits) <= network.length * 8;
        return valid ? new Rule(false, null, null, network, Integer.parseInt(bits), port)
            : new Rule(false, null, null, null, 0, port);
      }
      byte[] address = literal(pattern);
      if (address != null) return new Rule(false, null, address, null, 0, port);
      String suffix = withoutTrailingDot(pattern.startsWith("*.") ? pattern.substring(2)
          : pattern.startsWith(".") ? pattern.substring(1) : pattern);
      return new Rule(false, suffix, null, null, 0, port);
    }

    boolean matches(String name, byte[] hostAddress, int hostPort) {
      if (all) return true;
      if (port >= 0 && port != hostPort) return false;
      if (address != null) return Arrays.equals(address, hostAddress);
      if (suffix == null) return network != null && hostAddress != null && inRange(network, prefix, hostAddress);
      return !suffix.isEmpty() && (name.equals(suffix) || name.endsWith("." + suffix));
    }
  }

  public NoProxy(List<String> entries) {
    this.entries = List.copyOf(entries);
    this.rules = this.entries.stream().map(Rule::of).toList();
  }

  /** The entries, lower case, as the variable listed them. */
  public List<String> entries() {
    return entries;
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
    if (rules.isEmpty()) return false;
    String name = withoutTrailingDot(host.toLowerCase(Locale.ROOT));
    byte[] address = literal(name);
    for (Rule rule : rules) {
      if (rule.matches(name, address, port)) return true;
    }
    return false;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof NoProxy other && entries.equals(other.entries);
  }

  @Override
  public int hashCode() {
    return entries.hashCode();
  }

  @Override
  public String toString() {
    return "NoProxy" + entries;
  }

  /** Where an entry's {@code :port} starts, or -1: a bare IPv6 address (several colons, no brackets) has none. */
  private static int portStart(String entry) {
    int colon = entry.lastIndexOf(':');
    if (colon < 0 || !entry.substring(colon + 1).matches("[0-9]{1,5}")) return -1;
    if (entry.startsWith("[")) return entry.lastIndexOf(']') == colon - 1 ? colon : -1;
    return entry.indexOf(':') == colon ? colon : -1;
  }

  /** {@code address} is within the range of {@code network}'s first {@code prefix} bits. */
  private static boolean inRange(byte[] network, int prefix, byte[] address) {
    if (network.length != address.length) return false;
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
   * The bytes of an IP address literal (IPv4 however a browser reads it, {@link Ipv4Host}: {@code
   * 127.1} is {@code 127.0.0.1}; IPv6 as OkHttp reads it), or null for anything else. Never a
   * lookup: only a text already known to be an IPv6 address reaches the JDK.
   */
  static byte[] literal(String text) {
    if (text.indexOf(':') < 0) return Ipv4Host.address(text);
    HttpUrl url = HttpUrl.parse("http://[" + text + "]/");
    if (url == null) return null;
    try {
      return InetAddress.getByName(url.host()).getAddress(); // canonical IPv6, or IPv4 for ::ffff:a.b.c.d
    } catch (UnknownHostException e) {
      return null;
    }
  }
}
