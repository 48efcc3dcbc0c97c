package io.crawlpipe.crawler.fetch;

import java.util.Objects;
import okhttp3.HttpUrl;

/**
 * Where a connection goes: scheme, host (canonical, as {@link HttpUrl#host()}: lower case, IPv6
 * without brackets) and port. Connections are pooled and reused per origin.
 */
record Origin(boolean https, String host, int port) {
  Origin {
    Objects.requireNonNull(host, "host");
    if (host.isEmpty()) throw new IllegalArgumentException("host is empty");
    if (port < 1 || port > 65535) throw new IllegalArgumentException("port must be 1..65535, was " + port);
  }

  static Origin of(HttpUrl url) {
    return new Origin(url.isHttps(), url.host(), url.port());
  }

  /** The {@code Host} header's value: the host, bracketed if IPv6, and the port unless the scheme's default. */
  String hostHeader() {
    String h = host.indexOf(':') >= 0 ? "[" + host + "]" : host;
    return port == (https ? 443 : 80) ? h : h + ":" + port;
  }

  // equals and hashCode written out: a record's generated ones go through method handles, which
  // C1 (the launcher's only compiler) does not inline, and an origin is the pool's key on every fetch.
  @Override
  public boolean equals(Object o) {
    return o instanceof Origin other && https == other.https && port == other.port && host.equals(other.host);
  }

  @Override
  public int hashCode() {
    return 31 * (31 * Boolean.hashCode(https) + host.hashCode()) + port;
  }

  @Override
  public String toString() {
    return (https ? "https://" : "http://") + hostHeader();
  }
}
