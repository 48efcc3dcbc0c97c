package io.crawlpipe.crawler.fetch;

import java.nio.charset.StandardCharsets;
import okhttp3.HttpUrl;

/**
 * Where a redirect leads, decided alike for both clients and for the {@link
 * io.crawlpipe.crawler.polite.HostScheduler}, which follows the redirects of the crawl's URLs hop by
 * hop: statuses 300, 301, 302, 303, 307 and 308 with a non-blank {@code Location}, resolved against
 * the URL that answered as OkHttp's {@link HttpUrl} resolves it, with a host that ends in a number
 * read as {@link UrlParser} reads it ({@link UrlParser#canonicalHost}), then without the user name and password
 * the {@code Location} may name ({@code http://bob:pw@b.example/x} leads to {@code
 * http://b.example/x}): they are never sent, and so never written into a hop's final URL, a
 * message or a log. The fragment is kept, as a browser keeps it. Leading and trailing C0 controls
 * and spaces (U+0000 to U+0020) are no part of the {@code Location}, as a browser strips them
 * before it parses a URL: both clients then read {@code \u0001http://b.example/x} as {@code
 * http://b.example/x}, not as a path on the host that answered. A {@code Location} longer than
 * {@link FetchResult#MAX_LOCATION_CHARS}, or one that leads to a URL longer than that once resolved
 * and percent-encoded (a URL longer than the crawl accepts), is not followed. Stateless.
 */
public final class Redirects {
  private static final String HEX = "0123456789ABCDEF";

  private Redirects() {}

  /** True for the statuses that redirect when they carry a {@code Location}. */
  public static boolean isRedirect(int status) {
    return switch (status) {
      case 300, 301, 302, 303, 307, 308 -> true;
      default -> false;
    };
  }

  /**
   * The absolute URL {@code hop} redirects to, or null when it is no redirect (not a redirect
   * status, or no {@code Location}, or a blank one once its C0 controls are stripped): then it is
   * the final response.
   *
   * @throws FetchException ({@code io}, for {@code url}) when the {@code Location} is not an http(s) URL,
   *     its host ends in a number but is not an IPv4 address, or it is too long (see the class comment)
   */
  public static String target(String url, FetchResult hop) throws FetchException {
    if (!isRedirect(hop.status())) return null;
    String location = hop.headers().get("location");
    if (location == null) return null;
    // Too long before blank: a cut Location of C0 controls only is still one not followed.
    if (location.length() > FetchResult.MAX_LOCATION_CHARS) throw unusable(url, location);
    if (location.trim().isEmpty()) return null;
    HttpUrl from = HttpUrl.parse(hop.finalUrl());
    if (from == null) throw unusable(url, location);
    return follow(url, from, location).toString();
  }

  /**
   * Where {@code location} leads from {@code from} ({@link #resolve}), for {@code url}'s request.
   *
   * @throws FetchException ({@code io}) naming why it is not followed: too long, itself or once
   *     resolved, or no usable http(s) URL ({@link #unusable})
   */
  static HttpUrl follow(String url, HttpUrl from, String location) throws FetchException {
    HttpUrl next = resolve(from, location);
    if (next != null) return next;
    if (location.length() <= FetchResult.MAX_LOCATION_CHARS && resolvedWhole(from, location) != null) {
      throw FetchFailures.tooLongRedirect(url, FetchResult.MAX_LOCATION_CHARS); // only the URL it led to was too long
    }
    throw unusable(url, location);
  }

  /**
   * Where {@code location} leads from {@code from}, its numeric host as an IPv4 address, without
   * user info, and with its fragment's space, {@code "}, {@code <}, {@code >}, backtick, control and
   * non-ASCII characters percent-encoded, as a browser encodes them (OkHttp keeps them raw, and a
   * final URL with a space or a C1 control in it is no URL the crawl's list takes); null when it is no http(s) URL, its host
   * ends in a number but is no IPv4 address, or it, or the URL it leads to, is longer than {@link
   * FetchResult#MAX_LOCATION_CHARS}. Its leading and trailing C0 controls and spaces are stripped
   * first ({@link String#trim}), after its length is checked: a {@code Location} cut to that length
   * plus one ({@link FetchResult}) stays too long however many of them it starts with.
   */
  static HttpUrl resolve(HttpUrl from, String location) {
    if (location.length() > FetchResult.MAX_LOCATION_CHARS) return null;
    HttpUrl next = resolvedWhole(from, location);
    return next == null || next.toString().length() > FetchResult.MAX_LOCATION_CHARS ? null : next;
  }

  /** As {@link #resolve}, whatever the length of the URL it leads to. */
  private static HttpUrl resolvedWhole(HttpUrl from, String location) {
    return followable(UrlParser.canonicalHost(from.resolve(location.trim())));
  }

  /** {@code next} without user info and with its fragment encoded (see {@link #resolve}); null when null. */
  private static HttpUrl followable(HttpUrl next) {
    if (next == null) return null;
    if (next.encodedUsername().isEmpty() && next.encodedPassword().isEmpty()) return withFragmentEncoded(next);
    return withFragmentEncoded(next.newBuilder().username("").password("").build());
  }

  /**
   * {@code url} with its fragment's characters {@link #notInFragment} percent-encoded as a
   * redirect's are ({@link #resolve}): itself when there are none. {@link UrlParser#require} gives a
   * list line's URL so, so that a final URL has its fragment written one way, whether the line or a
   * redirect led there. Not null.
   */
  static HttpUrl withFragmentEncoded(HttpUrl url) {
    String fragment = url.encodedFragment();
    if (fragment == null || fragment.codePoints().noneMatch(Redirects::notInFragment)) return url;
    return url.newBuilder().encodedFragment(fragmentEncoded(fragment)).build();
  }

  /**
   * True for what the WHATWG URL standard percent-encodes in a fragment: C0 controls, space, {@code
   * " < > `}, and every code point above {@code ~} (DEL, C1 controls, non-ASCII letters and spaces).
   */
  private static boolean notInFragment(int c) {
    return c <= ' ' || c == '"' || c == '<' || c == '>' || c == '`' || c > '~';
  }

  /**
   * {@code fragment} with each code point {@link #notInFragment} percent-encoded as its UTF-8 bytes
   * (an unpaired surrogate as U+FFFD's, as a browser encodes it); {@code %} escapes already in it are kept.
   */
  private static String fragmentEncoded(String fragment) {
    StringBuilder encoded = new StringBuilder(fragment.length() + 16);
    fragment.codePoints().forEach(c -> {
      if (!notInFragment(c)) {
        encoded.append((char) c);
        return;
      }
      String point = Character.isSurrogate((char) c) ? "\uFFFD" : Character.toString(c);
      for (byte b : point.getBytes(StandardCharsets.UTF_8)) {
        encoded.append('%').append(HEX.charAt((b >> 4) & 15)).append(HEX.charAt(b & 15));
      }
    });
    return encoded.toString();
  }

  /**
   * The failure of {@code url} redirected to {@code location}, which {@link #resolve} refused: named
   * without its user info and its outer C0 controls, or, when too long, by its length alone.
   */
  static FetchException unusable(String url, String location) {
    if (location.length() > FetchResult.MAX_LOCATION_CHARS) {
      return FetchFailures.tooLongRedirect(url, FetchResult.MAX_LOCATION_CHARS);
    }
    return FetchFailures.unusableRedirect(url, withoutUserInfo(location.trim()));
  }

  /**
   * {@code location} without the user info of its authority, if it has one ({@code
   * ftp://bob:pw@files.example/x} is {@code ftp://files.example/x}): in the authority after a
   * leading {@code //} or {@code scheme://}, the text up to its last {@code @}.
   */
  public static String withoutUserInfo(String location) {
    int start = authorityStart(location);
    if (start < 0) return location;
    int end = start;
    while (end < location.length() && "/\\?#".indexOf(location.charAt(end)) < 0) end++;
    int at = location.lastIndexOf('@', end - 1);
    return at < start ? location : location.substring(0, start) + location.substring(at + 1);
  }

  /**
   * Where the authority of {@code location} starts, past {@code //} or {@code scheme://}, or for
   * http and https past {@code http:} and any slashes (a browser reads {@code http:bob@h/} as
   * {@code http://bob@h/}); -1 when it has none.
   */
  private static int authorityStart(String location) {
    if (location.startsWith("//")) return 2;
    int colon = location.indexOf(':');
    if (colon == 4 && location.regionMatches(true, 0, "http", 0, 4)
        || colon == 5 && location.regionMatches(true, 0, "https", 0, 5)) {
      int start = colon + 1;
      while (start < location.length() && (location.charAt(start) == '/' || location.charAt(start) == '\\')) start++;
      return start;
    }
    if (colon <= 0 || !location.startsWith("//", colon + 1)) return -1;
    for (int i = 0; i < colon; i++) {
      char c = location.charAt(i);
      boolean letter = c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z';
      if (!letter && (i == 0 || !(c >= '0' && c <= '9') && "+-.".indexOf(c) < 0)) return -1; // RFC 3986 scheme
    }
    return colon + 3;
  }

  /**
   * {@code url} as it is requested, to tell whether a redirect leads back where a URL has been: parsed
   * as the fetchers parse it (scheme and host in lower case, dot segments removed, a numeric host as
   * its dotted quad), without its fragment, which is never sent; {@code url} itself when it is no
   * http(s) URL. Never null for a non-null {@code url}.
   */
  public static String requestedForm(String url) {
    HttpUrl parsed = UrlParser.canonicalHost(HttpUrl.parse(url));
    if (parsed == null) return url;
    return parsed.fragment() == null ? parsed.toString() : parsed.newBuilder().fragment(null).build().toString();
  }

  /** The failure of {@code url} whose {@code redirects}-th redirect leads back to {@code next}, where it has been. */
  public static FetchException loop(String url, int redirects, String next) {
    return FetchFailures.redirectLoop(url, redirects, next);
  }

  /** The failure of {@code url} once it has been redirected more than {@code maxRedirects} times. */
  public static FetchException tooMany(String url, int maxRedirects, String next) {
    return FetchFailures.tooManyRedirects(url, maxRedirects, next);
  }
}
