package io.crawlpipe.crawler.fetch;

import java.util.Locale;
import okhttp3.HttpUrl;
import okhttp3.Protocol;
import okhttp3.Response;

/**
 * For {@link OkHttpFetcher}: what the head of a response OkHttp read says, read as {@link
 * Http1Fetcher} reads its own: whether it is well formed (else an {@code io} FetchException worded
 * as http1 words it), where a redirect goes, and whether it came over HTTP/1. Stateless, so
 * thread-safe; the responses passed are not null.
 */
final class OkHttpResponseHead {
  private OkHttpResponseHead() {}

  /**
   * True for an HTTP/1.x response: a 408 there is the server timing the idle connection out. Over
   * HTTP/2 it is one stream's answer, and the connection carries other fetches' streams.
   */
  static boolean isHttp1(Response response) {
    return response.protocol() == Protocol.HTTP_1_1 || response.protocol() == Protocol.HTTP_1_0;
  }

  /**
   * Fails with an {@code io} FetchException, as {@link Http1Fetcher} does, on what OkHttp hands on
   * unchecked: a status outside 100..999 ({@code HTTP/1.1 099}), and a negative Content-Length,
   * which OkHttp takes as the body's length and then fails on with an IllegalArgumentException
   * when the body is read or discarded, even on close (which then fails behind this exception and
   * is only added to it as suppressed). The Content-Length is the network response's: the one the
   * caller sees has none when OkHttp decodes gzip.
   */
  static void requireWellFormed(String url, Response response) throws FetchException {
    int status = response.code();
    if (status < 100 || status > 999) throw FetchFailures.malformed(url, badStatus(response));
    Response network = response.networkResponse();
    String length = (network == null ? response : network).header("Content-Length");
    if (length != null && isNegative(length)) {
      throw FetchFailures.malformed(url, "invalid Content-Length: " + ResponseHead.printable(length));
    }
  }

  /**
   * What {@link Http1Fetcher} says of the same response: the status line, rebuilt from what OkHttp
   * parsed (its code is always three digits); an HTTP/2 {@code :status} is named as such.
   */
  private static String badStatus(Response response) {
    String code = String.format(Locale.ROOT, "%03d", response.code());
    return switch (response.protocol()) {
      case HTTP_1_0, HTTP_1_1 -> "unexpected status line: " + ResponseHead.printable(
          response.protocol().toString().toUpperCase(Locale.ROOT) + " " + code
              + (response.message().isEmpty() ? "" : " " + response.message()));
      default -> "invalid :status " + code;
    };
  }

  /** True when {@code number} parses as a negative long, as OkHttp parses a Content-Length. */
  private static boolean isNegative(String number) {
    try {
      return Long.parseLong(number) < 0;
    } catch (NumberFormatException notALong) {
      return false;
    }
  }

  /** The {@code Location} of a redirect when it has a non-blank one, else null. */
  static String redirectLocation(Response response) {
    if (!response.isRedirect()) return null;
    String location = response.header("Location");
    return location == null || location.isBlank() ? null : location;
  }

  /** The next URL when {@code current}'s response is a redirect with a usable Location, else null (see {@link Redirects}). */
  static HttpUrl redirectTarget(String url, HttpUrl current, Response response) throws FetchException {
    String location = redirectLocation(response);
    if (location == null) return null;
    return Redirects.follow(url, current, location);
  }
}
