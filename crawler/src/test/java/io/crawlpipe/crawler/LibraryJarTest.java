package io.crawlpipe.crawler;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The library's classes (what the crawler jar holds) bring no logging configuration: a program using
 * crawlpipe keeps its own logback.xml. The command line's is in the shaded jar only (src/cli).
 */
class LibraryJarTest {

  @Test
  void theLibraryCarriesNoLogbackXmlThatWouldOverrideAProgramsOwn() throws URISyntaxException {
    Path classes = Path.of(Crawler.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    assertThat(classes.resolve("io/crawlpipe/crawler/Crawler.class")).exists();
    assertThat(classes.resolve("logback.xml")).doesNotExist();
    assertThat(classes.resolve("logback-test.xml")).doesNotExist();
    // The workers' configuration is named explicitly on their command line, never picked up by default.
    assertThat(Files.exists(classes.resolve("logback-worker.xml"))).isTrue();
  }
}
