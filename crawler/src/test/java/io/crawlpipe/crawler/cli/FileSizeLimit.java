package io.crawlpipe.crawler.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * A full disk for one crawl process, through util-linux's {@code prlimit}: with its file size limit
 * (RLIMIT_FSIZE) at 0 no file of the process may grow, and since the JVM ignores SIGXFSZ each such
 * write fails ("File too large") as one on a full disk does, while pipes (its stderr) are unaffected.
 * A test that needs it is skipped where there is no {@code prlimit}. Stateless.
 */
final class FileSizeLimit {
  private FileSizeLimit() {}

  /** Skips the calling test unless {@code prlimit} is on the PATH. */
  static void assumeAvailable() {
    String path = System.getenv().getOrDefault("PATH", "");
    assumeTrue(Stream.of(path.split(File.pathSeparator))
        .anyMatch(dir -> !dir.isEmpty() && Files.isExecutable(Path.of(dir, "prlimit"))), "needs prlimit (util-linux)");
  }

  /** Sets the file size limit of the running process {@code pid} to 0. */
  static void setToZero(long pid) throws IOException, InterruptedException {
    Process prlimit = new ProcessBuilder("prlimit", "--pid", Long.toString(pid), "--fsize=0:0").inheritIO().start();
    assertThat(prlimit.waitFor()).isZero();
  }

  /** {@code command} run with a file size limit of 0 from its start. */
  static List<String> zeroFor(List<String> command) {
    List<String> limited = new ArrayList<>(List.of("prlimit", "--fsize=0:0"));
    limited.addAll(command);
    return limited;
  }
}
