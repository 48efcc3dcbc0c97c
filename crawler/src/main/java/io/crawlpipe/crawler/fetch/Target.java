package io.crawlpipe.crawler.fetch;

import java.util.Objects;
import okhttp3.HttpUrl;

/**
 * A URL as crawlpipe's HTTP/1.1 client uses it: the {@link Origin} to connect to, the request
 * target to send (path and query, as {@link HttpUrl#encodedPath()} and {@link
 * HttpUrl#encodedQuery()}), and the canonical URL text ({@link HttpUrl#toString()}), which becomes
 * the result's final URL. Built by {@link UrlParser#target}.
 */
record Target(Origin origin, String requestTarget, String url) {
  Target {
    Objects.requireNonNull(origin, "origin");
    Objects.requireNonNull(url, "url");
    if (!Objects.requireNonNull(requestTarget, "requestTarget").startsWith("/")) {
      throw new IllegalArgumentException("request target must start with '/': " + requestTarget);
    }
  }

  static Target of(HttpUrl url) {
    String query = url.encodedQuery();
    String path = url.encodedPath();
    return new Target(Origin.of(url), query == null ? path : path + "?" + query, url.toString());
  }

  /** True for a host's {@code /robots.txt}, whose body is read whatever its content type. */
  boolean isRobotsTxt() {
    return requestTarget.equals("/robots.txt");
  }

  /** The URL, for messages. */
  @Override
  public String toString() {
    return url;
  }
}
