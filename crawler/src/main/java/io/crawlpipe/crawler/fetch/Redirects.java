package io.crawlpipe.crawler.fetch;

import okhttp3.HttpUrl;

/**
 * Where a redirect leads, decided alike for both clients and for the {@link
 * io.crawlpipe.crawler.polite.HostScheduler}, which follows the redirects of the crawl's URLs hop by
 * hop: statuses 300, 301, 302, 303, 307 and 308 with a non-blank {@code Location}, resolved against
 * the URL that answered as OkHttp's {@link HttpUrl} resolves it. Stateless.
 */
public final class Redirects {
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
   * status, or no {@code Location}): then it is the final response.
   *
   * @throws FetchException ({@code io}, for {@code url}) when the {@code Location} is not an http(s) URL
   */
  public static String target(String url, FetchResult hop) throws FetchException {
    if (!isRedirect(hop.status())) return null;
    String location = hop.headers().get("location");
    if (location == null || location.isBlank()) return null;
    HttpUrl from = HttpUrl.parse(hop.finalUrl());
    HttpUrl next = from == null ? null : from.resolve(location);
    if (next == null) throw FetchFailures.unusableRedirect(url, location);
    return next.toString();
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
