package io.crawlpipe.crawler.polite;

import io.crawlpipe.parser.Ipv4Host;
import java.util.Objects;
import okhttp3.HttpUrl;

/**
 * The unit of politeness: scheme, host and port, as robots.txt scopes them. {@code http://a:80}
 * and {@code https://a:443} are different hosts.
 */
public record HostKey(String scheme, String host, int port) {
  public HostKey {
    Objects.requireNonNull(scheme, "scheme");
    Objects.requireNonNull(host, "host");
    if (port < 1 || port > 65535) throw new IllegalArgumentException("port must be 1..65535, was " + port);
  }

  /**
   * The host of an absolute http(s) URL (host names lower-cased, default ports filled in, an IPv4
   * address however written as its dotted quad, as {@link Ipv4Host} reads it: {@code http://127.1/}
   * and {@code http://127.0.0.1/} share a key, so their robots.txt and politeness too).
   *
   * @throws IllegalArgumentException if {@code url} is not a valid http(s) URL (OkHttp refuses it,
   *     or its host ends in a number but is not an IPv4 address), with a message saying why
   */
  public static HostKey of(String url) {
    HostKey key = PlainAuthority.parse(url);
    if (key == null) {
      HttpUrl parsed = HttpUrl.get(url);
      key = new HostKey(parsed.scheme(), parsed.host(), parsed.port());
    }
    String host = Ipv4Host.canonical(key.host);
    if (host == null) throw new IllegalArgumentException(Ipv4Host.problem(key.host));
    return host == key.host ? key : new HostKey(key.scheme, host, key.port);
  }

  /** Where this host's robots.txt lives. */
  public String robotsUrl() {
    return new HttpUrl.Builder().scheme(scheme).host(host).port(port).encodedPath("/robots.txt").build().toString();
  }

  // equals and hashCode by hand: every URL looks its host up in a hash map on the scheduler's
  // thread, and a record's generated ones run through method handles that C1, the launcher's only
  // compiler, does not inline (3 of 100 CPU samples of a 5,000-page crawl, plus linking them).
  @Override
  public boolean equals(Object o) {
    return o instanceof HostKey k && port == k.port && host.equals(k.host) && scheme.equals(k.scheme);
  }

  @Override
  public int hashCode() {
    return (scheme.hashCode() * 31 + host.hashCode()) * 31 + port;
  }

  @Override
  public String toString() {
    return new HttpUrl.Builder().scheme(scheme).host(host).port(port).build().toString();
  }
}
