package io.crawlpipe.crawler.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A URL list named like a subcommand ({@code extract}, {@code aot-train}) and given as the first
 * argument is taken for the subcommand; where such a file is in the working directory, the error
 * says to pass {@code ./NAME}, and the internal training crawl is not run in its place. In a child
 * JVM, for its working directory.
 */
@Timeout(90)
class ListNamedLikeASubcommandTest {
  @TempDir Path dir;

  @Test
  void aListNamedExtractGivenFirstMissesAPageAndTheLineSaysHowToCrawlIt() throws Exception {
    Files.write(dir.resolve("extract"), List.of("not a url"));
    CrawlProcess crawl = CrawlProcess.startIn(dir, "extract");
    assertThat(crawl.exitCode()).isEqualTo(2);
    assertThat(crawl.stderr()).isEqualTo("crawl: Missing required parameter: 'PAGE' (see 'crawl extract --help');"
        + " to crawl a file named extract, pass ./extract");

    CliRunner noSuchFile = new CliRunner();  // in the tests' working directory, which has no file 'extract'
    assertThat(noSuchFile.run("extract")).isEqualTo(2);
    assertThat(noSuchFile.stderr().strip()).isEqualTo("crawl: Missing required parameter: 'PAGE' (see 'crawl extract --help')");
  }

  @Test
  void aListNamedAotTrainGivenFirstIsRefusedInsteadOfRunningTheTrainingCrawl() throws Exception {
    Files.write(dir.resolve("aot-train"), List.of("not a url"));
    CrawlProcess crawl = CrawlProcess.startIn(dir, "aot-train");
    assertThat(crawl.exitCode()).isEqualTo(2);
    assertThat(crawl.stderr()).isEqualTo("crawl: 'aot-train' is the launcher's internal AOT training run;"
        + " to crawl a file named aot-train, pass ./aot-train");

    CrawlProcess asPath = CrawlProcess.startIn(dir, "-q", "./aot-train");
    assertThat(asPath.exitCode()).as(asPath.stderr()).isEqualTo(1);
    assertThat(Files.readAllLines(dir.resolve("results.jsonl"))).singleElement().asString().contains("invalid_url");
  }
}
