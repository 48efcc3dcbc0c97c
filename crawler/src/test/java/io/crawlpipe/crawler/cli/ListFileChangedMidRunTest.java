package io.crawlpipe.crawler.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A list file emptied while a run reads it ({@code : > urls.txt}) ends the run as a list that
 * breaks off: the lines read whole are crawled, the line cut at the end of what was read is not,
 * and the run exits 2 saying the file changed. The list is longer than the run reads ahead (10,000
 * URLs) while its first URLs wait at the site's gate, so it cannot have been read to its end when
 * it is emptied; how far it was read by then depends on the machine's load, so any prefix is
 * right. The site is then closed, so that the rest fail fast rather than take a request each.
 */
@Timeout(60)
class ListFileChangedMidRunTest {
  private static final int LINES = 15_000;
  @TempDir Path dir;
  private GatedSite site;
  private final ExecutorService runner = Executors.newSingleThreadExecutor();

  @BeforeEach
  void start() throws Exception {
    site = new GatedSite();
  }

  @AfterEach
  void stop() {
    site.close();
    runner.shutdownNow();
  }

  @Test
  void aListEmptiedMidRunIsCrawledUpToWhereItWasReadAndTheRunExitsTwo() throws Exception {
    List<String> urls = site.list(0, LINES);
    Path list = Files.write(dir.resolve("urls.txt"), urls);
    long size = Files.size(list);
    Path out = dir.resolve("r.jsonl");
    CliRunner cli = new CliRunner();
    Future<Integer> run = runner.submit(() -> cli.run("-q", "--retries", "0", "--breaker-failures", "1", "-o",
        out.toString(), list.toString()));
    assertThat(site.awaitGated(1)).isTrue();
    try (FileChannel channel = FileChannel.open(list, StandardOpenOption.WRITE)) {
      channel.truncate(0);
    }
    site.close(); // the URLs in flight are answered, the rest fail fast: the site is gone and its circuit open

    assertThat(run.get(45, TimeUnit.SECONDS)).as(cli.stderr()).isEqualTo(2);
    Matcher message = Pattern.compile("crawl: URL file '" + Pattern.quote(list.toString()) + "' changed while it"
        + " was read \\(" + size + " bytes at the start, 0 now\\); crawled its lines up to line (\\d+): \\1 URLs,"
        + " \\d+ ok, .*; results in " + Pattern.quote(out.toString())
        + "; once the list is whole, --resume crawls the rest").matcher(cli.stderr().strip());
    assertThat(message.matches()).as(cli.stderr()).isTrue();
    int crawled = Integer.parseInt(message.group(1));
    assertThat(crawled).isBetween(1, LINES - 1);
    assertThat(cli.stderr()).doesNotContain("duplicate");
    List<String> lines = Files.readAllLines(out);
    assertThat(lines).hasSize(crawled);
    assertThat(lines.stream().map(l -> l.substring(l.indexOf("\"url\":\"") + 7, l.indexOf("\",\"final_url\""))))
        .containsExactlyInAnyOrderElementsOf(urls.subList(0, crawled));
  }
}
