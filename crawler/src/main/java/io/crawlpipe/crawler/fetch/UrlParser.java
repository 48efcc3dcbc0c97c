package io.crawlpipe.crawler.fetch;

import io.crawlpipe.parser.Ipv4Host;
import io.crawlpipe.store.ErrorType;
import java.util.concurrent.ConcurrentHashMap;
import okhttp3.HttpUrl;

/**
 * Parses URLs as {@link HttpUrl#parse} does, with one difference: a host that ends in a number is
 * an IPv4 address, written as its dotted quad, or not a valid host ({@link Ipv4Host}), as a
 * browser reads it. Every URL the crawl fetches, a list line or a redirect's target, is parsed
 * here, so that its final URL and its origin (which the proxy routes match) have the one host a
 * browser would connect to; {@link #require} and {@link #target} also percent-encode its fragment
 * as a redirect's is ({@link Redirects#withFragmentEncoded}). It canonicalises each scheme and authority only once. OkHttp runs the full IDNA mapping and normalisation for the host of every URL it
 * parses, {@code 127.0.0.1} included, and a list holds many URLs per host: for a URL whose
 * authority is plain — {@code http://} or {@code https://}, then lower-case letters, digits,
 * {@code .} and {@code -}, and an optional {@code :port} — the authority is parsed once and kept,
 * and the rest of the URL is resolved against it, which runs OkHttp's own path, query and
 * fragment handling. Anything else (upper case, user info, IPv6, percent signs or non-ASCII in
 * the host, a rest starting with two slashes, which would name another host) is parsed in full.
 *
 * <p>{@link #target} goes one step further for the HTTP/1.1 client: when the rest is also plain
 * (see {@link #plainRest}), OkHttp would leave it as it is, so the target is the kept authority
 * followed by the rest, and no {@link HttpUrl} is built at all. Tests hold both paths to OkHttp's
 * result.
 *
 * <p>About {@code maxAuthorities} authorities are kept (threads adding at the same moment may pass
 * the limit by one each); later ones are parsed in full every time. Thread-safe.
 */
final class UrlParser {
  /** How many hosts the fetchers keep the canonical form of; a list with more parses the others' URLs in full. */
  static final int KEPT_AUTHORITIES = 1024;

  private final ConcurrentHashMap<String, Base> bases = new ConcurrentHashMap<>();
  private final int maxAuthorities;

  /** A kept authority: its URL with the path {@code /}, its origin, and the URL's text without that {@code /}. */
  private record Base(HttpUrl url, Origin origin, String prefix) {
    static Base of(HttpUrl root) {
      String text = root.toString();
      return new Base(root, Origin.of(root), text.substring(0, text.length() - 1));
    }
  }

  UrlParser(int maxAuthorities) {
    if (maxAuthorities < 0) throw new IllegalArgumentException("maxAuthorities < 0: " + maxAuthorities);
    this.maxAuthorities = maxAuthorities;
  }

  /**
   * The parsed URL as it is fetched, its fragment percent-encoded as a redirect's is ({@link
   * Redirects#withFragmentEncoded}: it becomes the first hop's final URL); an {@code invalid_url}
   * FetchException naming it when it is not a well-formed http(s) URL.
   */
  HttpUrl require(String url) throws FetchException {
    HttpUrl parsed = parse(url);
    if (parsed == null) {
      HttpUrl lenient = HttpUrl.parse(url); // when OkHttp takes it, only its host can be wrong
      throw new FetchException(url, ErrorType.INVALID_URL,
          lenient == null ? "not an http(s) URL" : Ipv4Host.problem(lenient.host()), null);
    }
    return Redirects.withFragmentEncoded(parsed);
  }

  /**
   * The parsed URL, or null when it is not a well-formed http(s) URL (as {@link HttpUrl#parse}) or
   * its host ends in a number but is no IPv4 address.
   */
  HttpUrl parse(String url) {
    int end = plainAuthorityEnd(url);
    if (end < 0 || startsWithTwoSlashes(url, end)) return canonicalHost(HttpUrl.parse(url));
    Base base = base(url, end);
    return base == null ? canonicalHost(HttpUrl.parse(url)) : base.url().resolve(url.substring(end));
  }

  /**
   * {@code url} with its host read as {@link Ipv4Host#canonical} reads it: itself when unchanged,
   * null when null or its host ends in a number but is no IPv4 address.
   */
  static HttpUrl canonicalHost(HttpUrl url) {
    if (url == null) return null;
    String host = Ipv4Host.canonical(url.host());
    if (host == null) return null;
    return host == url.host() ? url : url.newBuilder().host(host).build();
  }

  /**
   * The URL as the HTTP/1.1 client sends it, equal to {@code Target.of(require(url))} (a plain URL
   * has no fragment to encode); an {@code invalid_url} FetchException naming it when it is not a
   * well-formed http(s) URL.
   */
  Target target(String url) throws FetchException {
    int end = plainAuthorityEnd(url);
    if (end >= 0 && plainRest(url, end)) {
      Base base = base(url, end);
      if (base != null) {
        String rest = end == url.length() ? "/" : url.substring(end);
        return new Target(base.origin(), rest, base.prefix() + rest);
      }
    }
    return Target.of(require(url));
  }

  /** The kept authority of the URL's first {@code end} characters, kept now if there is room; null if it is not valid. */
  private Base base(String url, int end) {
    String authority = url.substring(0, end);
    Base base = bases.get(authority);
    if (base == null) {
      HttpUrl root = canonicalHost(HttpUrl.parse(authority + "/"));
      if (root == null) return null;
      base = Base.of(root);
      if (bases.size() < maxAuthorities) bases.putIfAbsent(authority, base);
    }
    return base;
  }

  /** How many authorities are kept (for tests). */
  int authorities() {
    return bases.size();
  }

  /** The index just past a plain {@code scheme://host[:port]}, or -1 when the URL does not start with one. */
  static int plainAuthorityEnd(String url) {
    int start;
    if (url.startsWith("http://")) start = 7;
    else if (url.startsWith("https://")) start = 8;
    else return -1;
    int i = start;
    boolean port = false;
    for (; i < url.length(); i++) {
      char c = url.charAt(i);
      if (c == '/' || c == '?' || c == '#') break;
      if (c == ':' && !port) port = true;
      else if (port ? !isDigit(c) : !isHostChar(c)) return -1;
    }
    return i == start ? -1 : i;
  }

  /**
   * True when the URL from {@code from} on is empty, or is a path and query that OkHttp keeps
   * exactly as written: it starts with one {@code /}, not two; it holds only ASCII letters, digits and
   * {@code - . _ ~ ! $ & ( ) * + , ; = : @ / ?}, so nothing is percent-encoded, no escape is
   * re-cased and there is no fragment, backslash or white space; and no path segment is {@code .}
   * or {@code ..}. (The quote is left out: OkHttp encodes it in a query.)
   */
  static boolean plainRest(String url, int from) {
    if (from == url.length()) return true;
    if (url.charAt(from) != '/' || startsWithTwoSlashes(url, from)) return false;
    boolean inQuery = false;
    int segment = from + 1;
    for (int i = segment; i <= url.length(); i++) {
      char c = i == url.length() ? '?' : url.charAt(i); // the end closes the last path segment, as a '?' would
      if (!inQuery && (c == '/' || c == '?')) {
        if (isDotSegment(url, segment, i)) return false;
        segment = i + 1;
        inQuery = c == '?';
      } else if (!isPlainChar(c)) {
        return false;
      }
    }
    return true;
  }

  private static boolean isDotSegment(String url, int start, int end) {
    int length = end - start;
    return (length == 1 || length == 2) && url.charAt(start) == '.' && url.charAt(end - 1) == '.';
  }

  private static boolean isPlainChar(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || isDigit(c) || "-._~!$&()*+,;=:@/?".indexOf(c) >= 0;
  }

  /** True when the rest of the URL begins with two of '/' and '\' (OkHttp reads both as slashes). */
  private static boolean startsWithTwoSlashes(String url, int from) {
    return from + 1 < url.length() && isSlash(url.charAt(from)) && isSlash(url.charAt(from + 1));
  }

  private static boolean isSlash(char c) {
    return c == '/' || c == '\\';
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  private static boolean isHostChar(char c) {
    return (c >= 'a' && c <= 'z') || isDigit(c) || c == '-' || c == '.';
  }
}
