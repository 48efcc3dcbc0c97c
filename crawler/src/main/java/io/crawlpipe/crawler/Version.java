package io.crawlpipe.crawler;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The product version, read from a resource the build fills in. */
public final class Version {
  private Version() {}

  /** E.g. {@code 0.1.0-SNAPSHOT}; {@code unknown} when run from an unbuilt tree. */
  public static String get() {
    try (InputStream in = Version.class.getResourceAsStream("/crawlpipe-version.properties")) {
      if (in == null) return "unknown";
      Properties p = new Properties();
      p.load(in);
      return p.getProperty("version", "unknown");
    } catch (IOException e) {
      return "unknown";
    }
  }
}
