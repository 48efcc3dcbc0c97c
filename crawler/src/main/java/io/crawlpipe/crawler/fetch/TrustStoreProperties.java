package io.crawlpipe.crawler.fetch;

import java.util.List;
import java.util.Properties;

/**
 * The JVM's trust store system properties ({@code javax.net.ssl.trustStore} and its password, type
 * and provider), which replace the JDK's {@code cacerts} as the default trust anchors of both
 * clients. Stateless.
 */
public final class TrustStoreProperties {
  private static final List<String> NAMES = List.of("javax.net.ssl.trustStore", "javax.net.ssl.trustStorePassword",
      "javax.net.ssl.trustStoreType", "javax.net.ssl.trustStoreProvider");

  private TrustStoreProperties() {}

  /**
   * {@code -Dname=value} for each trust store property set in {@code properties}: a worker JVM's
   * share of them, so that it trusts what the parent checked at the start of the run.
   */
  public static List<String> asOptions(Properties properties) {
    return PropertyOptions.of(NAMES, properties);
  }
}
