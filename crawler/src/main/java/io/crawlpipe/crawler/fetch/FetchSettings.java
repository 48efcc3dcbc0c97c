package io.crawlpipe.crawler.fetch;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * How one URL is fetched: the overall deadline of one fetch (connect, redirects and body
 * included), the body size limit on decoded bytes, the redirects a fetcher follows (the next one
 * is its response; a crawl's fetchers follow none, see {@link #withoutRedirects}), the User-Agent
 * header (its surrounding spaces and tabs trimmed, as {@code --header} values are), the HTTP
 * client, which proxy a fetch goes through, if any ({@link ProxyRoutes#DIRECT}: none), and the
 * headers added to every request ({@code --header}), in order, and which servers' certificates are
 * trusted ({@link TlsTrust}: the JDK's default trust anchors and those {@code --ca-cert} adds, or every
 * server, unchecked, with {@code --insecure}). A null component throws a {@link
 * NullPointerException} naming it (a null header by its index: {@code headers[2] is null}).
 */
public record FetchSettings(Duration timeout, long maxBytes, int maxRedirects, String userAgent, FetchClient client,
    ProxyRoutes proxies, List<RequestHeader> headers, TlsTrust trust) {
  /** The client when none is chosen. */
  public static final FetchClient DEFAULT_CLIENT = FetchClient.HTTP1;
  /**
   * The largest body limit: 1 GiB. A body is held in one array, and limits near a long's largest
   * value overflowed the clients' buffer sizing (every fetch failed as {@code internal}).
   */
  public static final long MAX_BODY_BYTES = 1L << 30;
  /** The longest timeout, the CLI's longest duration: longer ones overflowed the clients' deadlines. */
  public static final Duration MAX_TIMEOUT = Duration.ofDays(366);

  public FetchSettings {
    Objects.requireNonNull(timeout, "timeout");
    Objects.requireNonNull(client, "client");
    Objects.requireNonNull(userAgent, "userAgent");
    Objects.requireNonNull(proxies, "proxies");
    Objects.requireNonNull(headers, "headers");
    Objects.requireNonNull(trust, "trust");
    int i = 0;
    for (RequestHeader header : headers) Objects.requireNonNull(header, "headers[" + i++ + "] is null");
    headers = List.copyOf(headers);
    if (timeout.isNegative() || timeout.isZero() || timeout.compareTo(MAX_TIMEOUT) > 0) {
      throw new IllegalArgumentException("timeout must be > 0 and at most 366 days, was " + timeout);
    }
    if (maxBytes < 1 || maxBytes > MAX_BODY_BYTES) {
      throw new IllegalArgumentException("maxBytes must be 1.." + MAX_BODY_BYTES + ", was " + maxBytes);
    }
    if (maxRedirects < 0) throw new IllegalArgumentException("maxRedirects must be >= 0, was " + maxRedirects);
    String problem = RequestHeader.valueProblem(userAgent);
    if (problem != null) throw new IllegalArgumentException("userAgent " + problem);
    userAgent = userAgent.strip(); // spaces and tabs only, by now: trimmed as --header values are
    if (userAgent.isEmpty()) throw new IllegalArgumentException("userAgent must not be blank");
  }

  /** Settings that trust the JDK's default trust anchors alone. */
  public FetchSettings(Duration timeout, long maxBytes, int maxRedirects, String userAgent, FetchClient client,
      ProxyRoutes proxies, List<RequestHeader> headers) {
    this(timeout, maxBytes, maxRedirects, userAgent, client, proxies, headers, TlsTrust.JDK_DEFAULT);
  }

  /** Settings without added headers. */
  public FetchSettings(Duration timeout, long maxBytes, int maxRedirects, String userAgent, FetchClient client,
      ProxyRoutes proxies) {
    this(timeout, maxBytes, maxRedirects, userAgent, client, proxies, List.of());
  }

  /** Settings without a proxy. */
  public FetchSettings(Duration timeout, long maxBytes, int maxRedirects, String userAgent, FetchClient client) {
    this(timeout, maxBytes, maxRedirects, userAgent, client, ProxyRoutes.DIRECT);
  }

  /** Settings with the {@linkplain #DEFAULT_CLIENT default client} and no proxy. */
  public FetchSettings(Duration timeout, long maxBytes, int maxRedirects, String userAgent) {
    this(timeout, maxBytes, maxRedirects, userAgent, DEFAULT_CLIENT);
  }

  /** These settings with every fetch through {@code proxy} (null: none). */
  public FetchSettings withProxy(HttpProxy proxy) {
    return withProxies(ProxyRoutes.every(proxy));
  }

  /** These settings with {@code proxies}. */
  public FetchSettings withProxies(ProxyRoutes proxies) {
    return new FetchSettings(timeout, maxBytes, maxRedirects, userAgent, client, proxies, headers, trust);
  }

  /** These settings with {@code headers} added to every request. */
  public FetchSettings withHeaders(List<RequestHeader> headers) {
    return new FetchSettings(timeout, maxBytes, maxRedirects, userAgent, client, proxies, headers, trust);
  }

  /** These settings trusting {@code trust}'s certificates. */
  public FetchSettings withTrust(TlsTrust trust) {
    return new FetchSettings(timeout, maxBytes, maxRedirects, userAgent, client, proxies, headers, trust);
  }

  /**
   * These settings for a fetcher that follows no redirect and returns it as the response: how a
   * crawl's modes fetch, so that the {@code HostScheduler} follows each hop under robots.txt and its
   * host's limits.
   */
  public FetchSettings withoutRedirects() {
    return new FetchSettings(timeout, maxBytes, 0, userAgent, client, proxies, headers, trust);
  }
}
