package io.crawlpipe.crawler.cli;

import java.nio.file.Path;
import java.util.Objects;

/**
 * What the command line asked of one run besides the crawl configuration: the URL list ({@code -}
 * for stdin) and whether it is the default because none was named, the output ({@code -} for
 * stdout; may hold placeholders), {@code -q}, the unattended-run settings and the rules file ({@code
 * null} without {@code --rules}). Immutable.
 */
record RunRequest(String urlFile, boolean urlFileDefaulted, String out, boolean quiet, RunSettings settings,
    Path rules) {
  RunRequest {
    Objects.requireNonNull(urlFile, "urlFile");
    Objects.requireNonNull(out, "out");
    Objects.requireNonNull(settings, "settings");
  }

  boolean toStdout() {
    return "-".equals(out);
  }
}
