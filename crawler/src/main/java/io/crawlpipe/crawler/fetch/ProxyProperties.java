package io.crawlpipe.crawler.fetch;

import java.util.List;
import java.util.Properties;

/**
 * The JVM's proxy system properties ({@code http.proxyHost}, {@code https.proxyPort}, ...). OkHttp
 * honours them through the JVM's default proxy selector; the {@code http1} client connects
 * directly. Stateless.
 */
public final class ProxyProperties {
  private static final List<String> NAMES = List.of("http.proxyHost", "http.proxyPort", "https.proxyHost",
      "https.proxyPort", "http.nonProxyHosts", "socksProxyHost", "socksProxyPort");
  private static final List<String> HOSTS = List.of("http.proxyHost", "https.proxyHost", "socksProxyHost");

  private ProxyProperties() {}

  /** The names of the proxy-host properties set (not blank) in {@code properties}; empty when none. */
  public static List<String> hostsSet(Properties properties) {
    return HOSTS.stream().filter(name -> !properties.getProperty(name, "").isBlank()).toList();
  }

  /** {@code -Dname=value} for each proxy property set in {@code properties}: a worker JVM's share of them. */
  public static List<String> asOptions(Properties properties) {
    return PropertyOptions.of(NAMES, properties);
  }
}
