package io.crawlpipe.crawler.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/**
 * The fixture of the tests about output paths: per test, a temporary directory {@code dir}, a
 * {@link GatedSite} and {@code urls}, a list in {@code dir} of two of the site's fast pages. The site
 * is closed after each test.
 */
abstract class GatedSiteTestBase {
  @TempDir Path dir;
  GatedSite site;
  Path urls;

  @BeforeEach
  final void startSiteAndList() throws IOException {
    site = new GatedSite();
    urls = Files.write(dir.resolve("urls.txt"), site.list(2, 0));
  }

  @AfterEach
  final void closeSite() {
    site.close();
  }

  /** The size of {@code file}, 0 while it does not exist: what a test waits on for a run's first line. */
  static long size(Path file) {
    try {
      return Files.exists(file) ? Files.size(file) : 0;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Removes {@code root} and everything in it, as {@code rm -rf} would mid-run. */
  static void removeTree(Path root) throws IOException {
    try (Stream<Path> files = Files.walk(root)) {
      for (Path p : files.sorted(Comparator.reverseOrder()).toList()) Files.delete(p);
    }
  }
}
