package io.crawlpipe.crawler.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * What the command line asked of one run besides the crawl configuration: the URL list ({@code -}
 * for stdin) and whether it is the default because none was named, the output ({@code -} for
 * stdout; may hold placeholders), {@code -q}, the unattended-run settings, the rules file ({@code
 * null} without {@code --rules}) and the warnings already printed about the options (for the log).
 * Immutable.
 */
record RunRequest(String urlFile, boolean urlFileDefaulted, String out, boolean quiet, RunSettings settings,
    Path rules, List<String> warnings) {
  RunRequest {
    warnings = List.copyOf(warnings);
    Objects.requireNonNull(urlFile, "urlFile");
    Objects.requireNonNull(out, "out");
    Objects.requireNonNull(settings, "settings");
  }

  boolean toStdout() {
    return "-".equals(out);
  }
}
