package io.crawlpipe.crawler.fetch;

import java.util.List;
import java.util.Properties;

/**
 * The {@code -Dname=value} options that give a worker JVM the system properties of the parent it
 * needs ({@link ProxyProperties}, {@link TrustStoreProperties}). Stateless.
 */
final class PropertyOptions {
  private PropertyOptions() {}

  /** {@code -Dname=value} for each of {@code names} set in {@code properties}, in the order of {@code names}. */
  static List<String> of(List<String> names, Properties properties) {
    return names.stream().filter(name -> properties.getProperty(name) != null)
        .map(name -> "-D" + name + "=" + properties.getProperty(name)).toList();
  }
}
