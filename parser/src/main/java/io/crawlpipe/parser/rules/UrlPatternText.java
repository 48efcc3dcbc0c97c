package io.crawlpipe.parser.rules;

import io.crawlpipe.parser.Ipv4Host;

/**
 * Brings the text of a url pattern to the form of the URLs it is matched against, which the
 * crawler writes as a browser would: in ASCII, the host lower-cased and in its IDNA form, other
 * characters percent-encoded as UTF-8. So {@code http://Bücher.example/straße/*} is matched as
 * {@code http://xn--bcher-kva.example/stra%C3%9Fe/*}. A glob is converted; a regex, which cannot
 * be, is refused when it holds a character outside ASCII. Stateless and thread-safe.
 */
final class UrlPatternText {
  private UrlPatternText() {}

  /**
   * The glob with its host (after {@code ://}, or at the start of a glob that starts with {@code
   * *}, up to the first {@code /}, {@code ?} or {@code #}) in lower case, each label that holds
   * other characters than ASCII converted to IDNA ASCII (a host without {@code *} written as a page
   * URL's host is, an IP address in its canonical form), and after the host the characters of
   * {@link PercentEncodeSet#PATH} percent-encoded up to the first {@code ?} and those of {@link
   * PercentEncodeSet#QUERY} from there up to a {@code #} (a fragment keeps them), as the URLs
   * matched have them. A {@code *} that stands for the {@code ?} leaves what follows it encoded as
   * a path. {@code *} is kept everywhere, as are escapes already written.
   *
   * @throws IllegalArgumentException naming the pattern when a host label mixes {@code *} with
   *     characters outside ASCII, or is not a name IDNA accepts, or when a host without {@code *}
   *     is one no URL has (an unclosed {@code [}, no IPv6 address in {@code [ ]}, ends in a number
   *     but is no IPv4 address)
   */
  static String glob(String spec, String glob) {
    int scheme = glob.indexOf("://");
    int start = scheme >= 0 && endOfPart(glob, 0) > scheme ? scheme + 3 : glob.startsWith("*") ? 0 : -1;
    int end = start < 0 ? 0 : endOfPart(glob, start);
    StringBuilder out = new StringBuilder(glob.length() + 16);
    PercentEncodeSet.PATH.append(glob, 0, Math.max(start, 0), out);
    if (start >= 0) out.append(authority(spec, scheme >= 0 ? glob.substring(0, scheme) : "", glob.substring(start, end)));
    int hash = glob.indexOf('#', end);
    int encodedEnd = hash < 0 ? glob.length() : hash;
    int question = glob.indexOf('?', end);
    int pathEnd = question < 0 || question > encodedEnd ? encodedEnd : question;
    PercentEncodeSet.PATH.append(glob, end, pathEnd, out);
    PercentEncodeSet.QUERY.append(glob, pathEnd, encodedEnd, out);
    return out.append(glob, encodedEnd, glob.length()).toString();
  }

  /**
   * Checks that a regex holds only ASCII, as the URLs it is matched against do.
   *
   * @throws IllegalArgumentException naming the pattern and the first character outside ASCII
   */
  static void checkRegex(String spec, String regex) {
    for (int i = 0; i < regex.length(); i++) {
      if (regex.charAt(i) >= 0x80) {
        String c = new String(Character.toChars(regex.codePointAt(i)));
        throw new IllegalArgumentException("url pattern \"" + spec + "\" holds \"" + c + "\", which a URL never does:"
            + " write a host in its xn-- form and other characters percent-encoded as UTF-8 (\"" + c + "\" is "
            + PercentEncodeSet.C0_CONTROL.encode(c) + "), or use a glob, which is converted");
      }
    }
  }

  /**
   * {@code :PORT} as a URL has it, empty for the scheme's default port or no port, or {@code
   * written} as it stands when it is not all digits ({@code *}).
   *
   * @throws IllegalArgumentException naming the pattern when the port is above 65535
   */
  private static String port(String spec, String scheme, String written) {
    if (written.isEmpty()) return "";
    int port = UrlNormaliser.portNumber(written);
    if (port < 0) return ":" + written;
    if (port > 65535) {
      throw new IllegalArgumentException("url pattern \"" + spec + "\": port " + written + " is above 65535;"
          + " no URL has it");
    }
    return port == UrlNormaliser.defaultPort(scheme) ? "" : ":" + port;
  }

  /** The index of the first {@code /}, {@code ?} or {@code #} from {@code from}, or the length. */
  private static int endOfPart(String glob, int from) {
    int end = from;
    while (end < glob.length() && "/?#".indexOf(glob.charAt(end)) < 0) end++;
    return end;
  }

  /**
   * The host as the URL writes it ({@link #host}); a port in digits as the URL writes it (no
   * leading zeros, left out when it is {@code scheme}'s default: {@code http://h:80/*} is {@code
   * http://h/*}), what else stands for one as written. A {@code [} never closed makes all of
   * {@code authority} the host, which is then refused.
   */
  private static String authority(String spec, String scheme, String authority) {
    boolean unclosed = authority.startsWith("[") && authority.indexOf(']') < 0;
    int colon = unclosed ? -1 : UrlNormaliser.portColon(authority);
    String host = colon < 0 ? authority : authority.substring(0, colon);
    String port = colon < 0 ? "" : port(spec, scheme, authority.substring(colon + 1));
    return host(spec, host) + port;
  }

  /**
   * A host with a {@code *} lower-cased and converted label by label; any other as the crawler
   * writes a page URL's host ({@link UrlHost#serialise}): a domain lower-cased and converted, an
   * IPv4 address however written in dotted decimal ({@code 127.1} is {@code 127.0.0.1}), an IPv6
   * address compressed ({@code [0:0::1]} is {@code [::1]}) or, IPv4-mapped, its IPv4 address.
   *
   * @throws IllegalArgumentException naming the pattern and the host when no URL has it
   */
  private static String host(String spec, String host) {
    for (String label : UrlHost.labels(host)) {
      if (label.indexOf('*') >= 0 && !label.chars().allMatch(c -> c < 0x80)) {
        throw new IllegalArgumentException("url pattern \"" + spec + "\": host label \"" + label
            + "\" mixes * with characters outside ASCII, which cannot be converted to the xn-- form URLs have");
      }
    }
    String ascii;
    try {
      ascii = UrlHost.domainToAscii(host);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("url pattern \"" + spec + "\": host \"" + host + "\" is not a valid"
          + " host name: " + e.getMessage(), e);
    }
    if (host.indexOf('*') >= 0) return ascii;
    String serialised = UrlHost.serialise(host);
    if (serialised != null) return serialised;
    String why = host.startsWith("[") ? "[ ] must hold an IPv6 address and be closed, as [::1] is"
        : Ipv4Host.canonical(ascii) == null ? "it ends in a number but is not an IPv4 address"
        : "no URL's host has an empty label but the last, a bare xn-- label, a space, a control"
        + " or any of # % / : < > ? @ [ \\ ] ^ |";
    throw new IllegalArgumentException("url pattern \"" + spec + "\": host \"" + host + "\" is not a valid host: " + why);
  }
}
