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

  @Override
  public String toString() {
    return (https ? "https://" : "http://") + hostHeader();
  }
}
