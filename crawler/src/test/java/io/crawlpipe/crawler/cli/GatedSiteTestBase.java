package io.crawlpipe.crawler.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
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
}
