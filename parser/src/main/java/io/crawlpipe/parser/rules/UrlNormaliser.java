package io.crawlpipe.parser.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Writes an absolute http(s) URL out as a browser's URL parser (WHATWG URL Standard) serialises
 * it, so that the URLs a rule extracts are what {@code a.href} gives in a browser and what the
 * crawler takes as input: scheme and host in lower case, the host in ASCII ({@link UrlHost}), the
 * scheme's default port (80, 443) left out, {@code .} and {@code ..} segments removed, and the
 * characters a URL may not hold as they are (spaces, controls, non-ASCII; {@code "<>`{}} in the
 * path, {@code "'<>} in the query) percent-encoded as UTF-8 ({@link PercentEncodeSet}). Escapes
 * already there are kept as they are; a backslash in the path is a slash, as browsers read it.
 * The query is encoded as UTF-8 whatever the page's charset (a browser would use the page's).
 * Stateless and thread-safe.
 */
final class UrlNormaliser {
  private UrlNormaliser() {}

  /** Whether {@code url} starts with {@code http:} or {@code https:}, in any case. */
  static boolean isHttp(String url) {
    return url.regionMatches(true, 0, "http:", 0, 5) || url.regionMatches(true, 0, "https:", 0, 6);
  }

  /**
   * The URL as a browser serialises it: for an absolute http(s) URL (as jsoup's {@code absUrl}
   * gives it) the form above, or null when it has no valid host (an empty one, a character no
   * host may hold, a name IDNA refuses, an empty label but the last, an {@code xn--} label that is
   * not Punycode) or port (not digits, 0, past 65535), as the crawler refuses it; any other URL as
   * it is.
   */
  static String normalise(String url) {
    String trimmed = trim(url);
    if (!isHttp(trimmed)) return url;
    String scheme = trimmed.charAt(4) == ':' ? "http" : "https";
    int from = scheme.length() + 1;
    if (!isSlash(trimmed, from)) return null; // "http:x": relative in a browser, absolute only to java.net.URL
    while (isSlash(trimmed, from)) from++;
    int authorityEnd = from;
    while (authorityEnd < trimmed.length() && "/\\?#".indexOf(trimmed.charAt(authorityEnd)) < 0) authorityEnd++;
    String authority = authority(trimmed.substring(from, authorityEnd), scheme);
    if (authority == null) return null;
    StringBuilder out = new StringBuilder(trimmed.length() + 16).append(scheme).append("://").append(authority);
    return appendRest(trimmed, authorityEnd, out).toString();
  }

  /** User info, host and port as written out, or null when the host or port is not valid. */
  private static String authority(String authority, String scheme) {
    int at = authority.lastIndexOf('@');
    String hostPort = authority.substring(at + 1);
    int colon = portColon(hostPort);
    String host = UrlHost.serialise(colon < 0 ? hostPort : hostPort.substring(0, colon));
    String port = colon < 0 ? "" : port(hostPort.substring(colon + 1), scheme);
    if (host == null || port == null) return null;
    return (at < 0 ? "" : userInfo(authority.substring(0, at))) + host + port;
  }

  /**
   * {@code :PORT}, empty for no port or the scheme's default, null when not a port number the
   * crawler takes (not digits, 0, past 65535).
   */
  private static String port(String digits, String scheme) {
    if (digits.isEmpty()) return "";
    int port = portNumber(digits);
    if (port <= 0 || port > 65535) return null;
    return port == defaultPort(scheme) ? "" : ":" + port;
  }

  /** The index of the colon before an authority's port (past an IPv6 literal's {@code ]}), or -1. */
  static int portColon(String hostPort) {
    return hostPort.startsWith("[") ? hostPort.indexOf(':', hostPort.indexOf(']') + 1) : hostPort.lastIndexOf(':');
  }

  /**
   * The number a port written in ASCII digits stands for (leading zeros ignored), 65536 for any
   * past 65535, or -1 when {@code digits} is empty or holds anything else.
   */
  static int portNumber(String digits) {
    if (digits.isEmpty()) return -1;
    int port = 0;
    for (int i = 0; i < digits.length(); i++) {
      char c = digits.charAt(i);
      if (c < '0' || c > '9') return -1;
      port = Math.min(65536, port * 10 + (c - '0'));
    }
    return port;
  }

  /** The default port of {@code scheme}, {@code http} or {@code https}; -1 for any other text. */
  static int defaultPort(String scheme) {
    return scheme.equals("http") ? 80 : scheme.equals("https") ? 443 : -1;
  }

  /** {@code user:password@}, each part encoded; empty when both are. */
  private static String userInfo(String userInfo) {
    int colon = userInfo.indexOf(':');
    String user = PercentEncodeSet.USERINFO.encode(colon < 0 ? userInfo : userInfo.substring(0, colon));
    String password = colon < 0 ? "" : PercentEncodeSet.USERINFO.encode(userInfo.substring(colon + 1));
    if (user.isEmpty() && password.isEmpty()) return "";
    return user + (password.isEmpty() ? "" : ":" + password) + "@";
  }

  /** Appends the path from {@code from} (dot segments resolved, {@code /} when empty), query and fragment. */
  private static StringBuilder appendRest(String url, int from, StringBuilder out) {
    int hash = url.indexOf('#', from);
    int pathEnd = url.indexOf('?', from);
    if (pathEnd < 0 || hash >= 0 && hash < pathEnd) pathEnd = hash < 0 ? url.length() : hash;
    int queryEnd = hash < 0 ? url.length() : hash;
    appendPath(url.substring(from, pathEnd).replace('\\', '/'), out);
    if (pathEnd < queryEnd) PercentEncodeSet.QUERY.append(url, pathEnd, queryEnd, out);
    if (hash >= 0) PercentEncodeSet.FRAGMENT.append(url, hash, url.length(), out);
    return out;
  }

  /** Appends {@code path} (empty, or starting with {@code /}) with its dot segments resolved and encoded. */
  private static void appendPath(String path, StringBuilder out) {
    List<String> segments = new ArrayList<>();
    String[] parts = path.isEmpty() ? new String[] {""} : path.substring(1).split("/", -1);
    for (int i = 0; i < parts.length; i++) {
      boolean last = i == parts.length - 1;
      if (isDoubleDot(parts[i])) {
        if (!segments.isEmpty()) segments.removeLast();
        if (last) segments.add("");
      } else if (isSingleDot(parts[i])) {
        if (last) segments.add("");
      } else {
        segments.add(PercentEncodeSet.PATH.encode(parts[i]));
      }
    }
    for (String segment : segments) out.append('/').append(segment);
  }

  private static boolean isSingleDot(String segment) {
    return segment.equals(".") || segment.equalsIgnoreCase("%2e");
  }

  private static boolean isDoubleDot(String segment) {
    if (segment.length() < 2 || segment.length() > 6) return false;
    return switch (segment.toLowerCase(Locale.ROOT)) {
      case "..", ".%2e", "%2e.", "%2e%2e" -> true;
      default -> false;
    };
  }

  private static boolean isSlash(String url, int at) {
    return at < url.length() && (url.charAt(at) == '/' || url.charAt(at) == '\\');
  }

  /** Without leading and trailing controls and spaces, and without tabs and newlines anywhere. */
  private static String trim(String url) {
    int start = 0;
    int end = url.length();
    while (start < end && url.charAt(start) <= ' ') start++;
    while (end > start && url.charAt(end - 1) <= ' ') end--;
    String trimmed = url.substring(start, end);
    return trimmed.indexOf('\t') < 0 && trimmed.indexOf('\n') < 0 && trimmed.indexOf('\r') < 0
        ? trimmed : trimmed.replaceAll("[\t\n\r]", "");
  }
}
