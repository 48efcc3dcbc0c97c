package io.crawlpipe.crawler.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.crawlpipe.store.AtomicFileSink;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Real signals to a crawl in a child JVM: SIGTERM, SIGTERM twice, and kill -9 followed by --resume.
 * Signals go through {@code toHandle().destroy()} (SIGTERM) and {@code destroyForcibly()} (SIGKILL),
 * which unlike {@code Process.destroy()} leave the child's stderr pipe open for reading.
 */
@Timeout(90)
class ChildProcessTest {
  @TempDir Path dir;
  private GatedSite site;
  private final JsonMapper json = JsonMapper.builder().build();

  @BeforeEach
  void start() throws IOException {
    site = new GatedSite();
  }

  @AfterEach
  void stop() {
    site.close();
  }

  /** Parses every line (failing on an invalid one) and returns them. */
  private List<JsonNode> lines(Path file) throws IOException {
    String text = Files.readString(file);
    assertThat(text).endsWith("\n");
    List<JsonNode> nodes = new ArrayList<>();
    for (String line : text.split("\n")) nodes.add(json.readTree(line));
    return nodes;
  }

  private static long cancelled(List<JsonNode> nodes) {
    return nodes.stream().filter(n -> "cancelled".equals(n.path("error").path("type").asString(null))).count();
  }

  @Test
  void sigtermToACrawlProcessLeavesAValidFileWithCancelledLinesAndExits143() throws Exception {
    Path urls = Files.write(dir.resolve("urls.txt"), site.list(5, 3));
    Path out = dir.resolve("out.jsonl");
    CrawlProcess crawl = CrawlProcess.start(dir, "-c", "3", "--grace", "200ms", "--out", out.toString(), urls.toString());
    assertThat(site.awaitGated(3)).isTrue();
    crawl.process().toHandle().destroy();
    assertThat(crawl.exitCode()).isEqualTo(143);
    List<JsonNode> nodes = lines(out);
    assertThat(nodes).hasSize(8);
    assertThat(nodes.stream().map(n -> n.get("url").asString()).distinct().count()).isEqualTo(8);
    assertThat(cancelled(nodes)).isEqualTo(3);
    assertThat(AtomicFileSink.partialFile(out)).doesNotExist();
    assertThat(crawl.stderr()).contains("crawl: SIGTERM: stopping").contains("stopped by SIGTERM");
  }

  @Test
  void sighupStopsACrawlProcessGracefullyWithExit129() throws Exception {
    Path urls = Files.write(dir.resolve("urls.txt"), site.list(2, 2));
    Path out = dir.resolve("out.jsonl");
    CrawlProcess crawl = CrawlProcess.start(dir, "-c", "2", "--grace", "200ms", "--out", out.toString(), urls.toString());
    assertThat(site.awaitGated(2)).isTrue();
    Process kill = new ProcessBuilder("kill", "-HUP", Long.toString(crawl.process().pid())).inheritIO().start();
    assertThat(kill.waitFor()).isZero();
    assertThat(crawl.exitCode()).isEqualTo(129);
    List<JsonNode> nodes = lines(out);
    assertThat(nodes).hasSize(4);
    assertThat(cancelled(nodes)).isEqualTo(2);
    assertThat(crawl.stderr()).contains("stopped by SIGHUP");
  }

  @Test
  void twoSigtermsAtOnceAsGnuTimeoutSendsThemStillStopGracefully() throws Exception {
    Path urls = Files.write(dir.resolve("urls.txt"), site.list(5, 3));
    Path out = dir.resolve("out.jsonl");
    CrawlProcess crawl = CrawlProcess.start(dir, "-c", "3", "--grace", "200ms", "--out", out.toString(), urls.toString());
    assertThat(site.awaitGated(3)).isTrue();
    crawl.process().toHandle().destroy();  // timeout(1) signals the crawl, then its whole process group
    crawl.process().toHandle().destroy();
    assertThat(crawl.exitCode()).isEqualTo(143);
    assertThat(lines(out)).hasSize(8);
    assertThat(AtomicFileSink.partialFile(out)).doesNotExist();
    assertThat(crawl.stderr()).contains("stopped by SIGTERM").doesNotContain("SIGTERM again");
  }

  @Test
  void sigtermToTheWholeProcessGroupStopsAProcessesCrawlGracefullyWithItsWorkersAlive() throws Exception {
    Path urls = Files.write(dir.resolve("urls.txt"), site.list(5, 3));
    Path out = dir.resolve("out.jsonl");
    CrawlProcess crawl = CrawlProcess.start(dir, "--mode", "processes", "--workers", "1", "-c", "3",
        "--grace", "200ms", "--out", out.toString(), urls.toString());
    assertThat(site.awaitGated(3)).isTrue();
    // As GNU timeout does: the signal to every process of the group, the workers first here.
    crawl.process().toHandle().descendants().forEach(ProcessHandle::destroy);
    crawl.process().toHandle().destroy();
    assertThat(crawl.exitCode()).isEqualTo(143);
    List<JsonNode> nodes = lines(out);
    assertThat(nodes).hasSize(8);
    assertThat(cancelled(nodes)).isEqualTo(3);
    assertThat(crawl.stderr()).contains("stopped by SIGTERM").doesNotContain("killed by signal");
  }

  @Test
  void aSecondSigtermStopsAtOnceKeepingWholeLinesForResume() throws Exception {
    Path urls = Files.write(dir.resolve("urls.txt"), site.list(5, 3));
    Path out = dir.resolve("out.jsonl");
    CrawlProcess crawl = CrawlProcess.start(dir, "-c", "3", "--grace", "60s", "--out", out.toString(), urls.toString());
    assertThat(site.awaitGated(3)).isTrue();
    // A stop at once drops lines still on the parse pool: wait for the fast pages' lines first.
    FileWait.awaitLines(AtomicFileSink.partialFile(out), 5, Duration.ofSeconds(20));
    crawl.process().toHandle().destroy();
    crawl.awaitStderr("SIGTERM: stopping");
    // The same signal within StopHandler.REPEAT_WINDOW of the first is a repeat of it (GNU timeout
    // sends it twice): send it until the crawl takes it as the second request.
    do {
      crawl.process().toHandle().destroy();
    } while (!crawl.process().waitFor(100, TimeUnit.MILLISECONDS));
    assertThat(crawl.exitCode()).isEqualTo(143);
    assertThat(crawl.stderr()).contains("crawl: SIGTERM again: stopped at once; results so far in "
        + AtomicFileSink.partialFile(out));
    assertThat(crawl.stderr().lines()).as("no raw log line").allMatch(line -> line.startsWith("crawl: "));
    assertThat(out).doesNotExist();
    List<JsonNode> nodes = lines(AtomicFileSink.partialFile(out));
    assertThat(nodes).hasSize(5);
    assertThat(cancelled(nodes)).isZero();
  }

  @Test
  void killNineMidRunThenResumeLeavesExactlyOneLinePerDistinctInputLine() throws Exception {
    List<String> input = new ArrayList<>(site.list(20, 3));
    for (int i = 0; i < 10; i++) input.add(site.url("/fast/after-" + i));
    input.add(site.url("/fast/0"));
    input.add("  " + site.url("/gated/1") + "  ");
    input.add("not a url");
    input.add("# a comment");
    Path urls = Files.write(dir.resolve("urls.txt"), input);
    Path out = dir.resolve("out.jsonl");
    CrawlProcess crawl = CrawlProcess.start(dir, "-c", "3", "--out", out.toString(), urls.toString());
    assertThat(site.awaitGated(3)).isTrue();
    // The last fast pages' slots are free once fetched; their lines may still be on the parse pool.
    FileWait.awaitLines(AtomicFileSink.partialFile(out), 20, Duration.ofSeconds(20));
    crawl.process().toHandle().destroyForcibly();
    assertThat(crawl.exitCode()).isEqualTo(137);
    assertThat(out).doesNotExist();
    assertThat(Files.readAllLines(AtomicFileSink.partialFile(out))).hasSizeGreaterThanOrEqualTo(20);

    site.openGate();
    CliRunner resume = new CliRunner();
    assertThat(resume.run("--resume", "--fail-on", "none", "--out", out.toString(), urls.toString())).isZero();
    List<String> resultUrls = lines(out).stream().map(n -> n.get("url").asString()).toList();
    HashSet<String> distinctInput = new HashSet<>();
    input.stream().map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#")).forEach(distinctInput::add);
    assertThat(resultUrls).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(distinctInput);
    assertThat(cancelled(lines(out))).isZero();
    assertThat(site.requests("/fast/0")).isEqualTo(1);
    assertThat(AtomicFileSink.partialFile(out)).doesNotExist();
  }
}
