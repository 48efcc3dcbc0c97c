package io.crawlpipe.crawler.polite;

/**
 * Reads the host key of the URLs most lists consist of — {@code http(s)://} followed by a
 * lower-case ASCII host name or IPv4 address and an optional port — without building an
 * {@code okhttp3.HttpUrl}. Every URL is looked at twice before it is fetched (validated, then
 * queued by host), and a full parse is most of that work early in a run, before the JIT has
 * compiled it.
 *
 * <p>It answers only when the answer is certain to equal OkHttp's: for anything else (upper case,
 * user info, IPv6, IDN or {@code xn--} labels, hyphens at a label's edge, a backslash, an empty or
 * out-of-range port, over-long labels) it returns null and the caller parses the URL fully.
 * Whether a URL it accepts is valid is therefore settled: OkHttp accepts any path, query and
 * fragment after such an authority. Stateless and thread-safe.
 */
final class PlainAuthority {
  private PlainAuthority() {}

  /** The host key of {@code url}, or null when the URL is not of the plain form described above. */
  static HostKey parse(String url) {
    String scheme;
    int start;
    if (url.startsWith("http://")) {
      scheme = "http";
      start = 7;
    } else if (url.startsWith("https://")) {
      scheme = "https";
      start = 8;
    } else {
      return null;
    }
    int end = start;
    int colon = -1;
    while (end < url.length()) {
      char c = url.charAt(end);
      if (c == '/' || c == '?' || c == '#') break;
      if (c == ':' && colon < 0) colon = end;
      else if (!isHostChar(c)) return null;
      else if (c == '-' && url.charAt(end - 1) == '-') return null; // also rules out "xn--" labels
      end++;
    }
    int hostEnd = colon < 0 ? end : colon;
    if (!isPlainHost(url, start, hostEnd)) return null;
    int port = colon < 0 ? (scheme.equals("http") ? 80 : 443) : port(url, colon + 1, end);
    if (port < 0) return null;
    return new HostKey(scheme, url.substring(start, hostEnd), port);
  }

  private static boolean isHostChar(char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '.';
  }

  /** Dot-separated labels of 1–63 characters, none starting or ending with '-' ("--" is refused by the caller). */
  private static boolean isPlainHost(String url, int start, int end) {
    if (end - start < 1 || end - start > 253) return false;
    int labelStart = start;
    for (int i = start; i <= end; i++) {
      if (i < end && url.charAt(i) != '.') continue;
      int length = i - labelStart;
      if (length < 1 || length > 63) return false;
      if (url.charAt(labelStart) == '-' || url.charAt(i - 1) == '-') return false;
      labelStart = i + 1;
    }
    return true;
  }

  /** The port number between {@code from} and {@code to}: 1–5 digits, 1..65535; else -1. */
  private static int port(String url, int from, int to) {
    if (to - from < 1 || to - from > 5) return -1;
    int port = 0;
    for (int i = from; i < to; i++) {
      char c = url.charAt(i);
      if (c < '0' || c > '9') return -1;
      port = port * 10 + (c - '0');
    }
    return port >= 1 && port <= 65535 ? port : -1;
  }
}
