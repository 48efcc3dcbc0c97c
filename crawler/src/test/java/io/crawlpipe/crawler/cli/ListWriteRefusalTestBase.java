package io.crawlpipe.crawler.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;

/**
 * Crawls in a child JVM that must be refused because they would write into their own URL list
 * (through a standard stream or a descriptor path): {@link #refused} checks that one ended with
 * exit 2, the list unchanged and the site untouched. Linux only ({@code /proc/self/fd}).
 */
abstract class ListWriteRefusalTestBase extends GatedSiteTestBase {
  /** The list file's text before the run. */
  String list;

  @BeforeEach
  void needsProcfs() throws IOException {
    assumeTrue(Files.isDirectory(Path.of("/proc/self/fd")), "needs /proc/self/fd (Linux)");
    list = Files.readString(urls);
  }

  /** The command of a crawl with {@code args}, bounded by {@code --max-time 3s} should it start all the same. */
  static List<String> command(String... args) {
    List<String> command = new ArrayList<>(List.of("--max-time", "3s"));
    command.addAll(List.of(args));
    return CrawlProcess.command(command.toArray(String[]::new));
  }

  /**
   * Starts {@code builder}, whose stderr goes to {@code err.txt} in {@link #dir}, and checks it
   * exited 2 within 30 s, leaving the list and the site untouched; returns its stderr.
   */
  String refused(ProcessBuilder builder) throws IOException, InterruptedException {
    Process crawl = builder.start();
    assertThat(crawl.waitFor(30, TimeUnit.SECONDS)).isTrue();
    String stderr = Files.readString(dir.resolve("err.txt"));
    assertThat(crawl.exitValue()).as(stderr).isEqualTo(2);
    assertThat(Files.readString(urls)).isEqualTo(list);
    assertThat(site.requests("/fast/0")).isZero();
    return stderr;
  }
}
