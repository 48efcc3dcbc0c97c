package io.crawlpipe.crawler.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.crawlpipe.crawler.Conditions;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(60)
class WorkerCommandTest {
  @TempDir Path dir;
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  private int run(InputStream stdin, String... args) {
    return Main.run(args, stdin, new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
  }

  private int run(String... args) {
    return run(new ByteArrayInputStream(new byte[0]), args);
  }

  @Test
  void processesModeWritesOneLinePerUrlAndExitsLikeTheOtherModes() throws IOException {
    try (MockWebServer server = new MockWebServer()) {
      server.setDispatcher(new Dispatcher() {
        @Override
        public MockResponse dispatch(RecordedRequest request) {
          String path = request.getUrl().encodedPath();
          if (path.equals("/robots.txt")) return new MockResponse.Builder().code(404).build();
          return new MockResponse.Builder().setHeader("Content-Type", "text/html")
              .body("<title>" + path.substring(1).toUpperCase(java.util.Locale.ROOT) + "</title>").build();
        }
      });
      server.start(InetAddress.getLoopbackAddress(), 0);
      Path urls = Files.write(dir.resolve("urls.txt"), List.of(server.url("/a").toString(), server.url("/b").toString(), "not a url"));
      Path results = dir.resolve("results.jsonl");

      int code = run("--mode", "processes", "--workers", "1", "--worker-heap", "64m", "-o", results.toString(), urls.toString());

      assertThat(code).isEqualTo(1);
      assertThat(Files.readAllLines(results)).hasSize(3)
          .anyMatch(l -> l.contains("\"title\":\"A\"") && l.contains("\"ok\":true"))
          .anyMatch(l -> l.contains("\"title\":\"B\""))
          .anyMatch(l -> l.contains("\"invalid_url\""));
      assertThat(err.toString(StandardCharsets.UTF_8)).startsWith("crawl: 3 URLs, 2 ok, 1 failed (invalid_url 1)");
    }
  }

  @Test
  void workersOfAListWithoutHttpsSkipTheTlsWarmUpAndOthersDoNot() throws IOException {
    assertThat(workerArgumentsCrawling()).contains(io.crawlpipe.crawler.process.Worker.NO_TLS_WARM_UP);
    assertThat(workerArgumentsCrawling("https://127.0.0.1:1/refused")).contains("worker")
        .doesNotContain(io.crawlpipe.crawler.process.Worker.NO_TLS_WARM_UP);
  }

  /** The arguments of the worker JVM that fetched the one local URL of a list with {@code more} lines. */
  private List<String> workerArgumentsCrawling(String... more) throws IOException {
    List<String> seen = new java.util.concurrent.CopyOnWriteArrayList<>();
    try (MockWebServer server = new MockWebServer()) {
      server.setDispatcher(new Dispatcher() {
        @Override
        public MockResponse dispatch(RecordedRequest request) {
          // the worker that sends this request is a child of this JVM, running while it waits
          ProcessHandle.current().children().forEach(worker -> worker.info().arguments().ifPresent(a -> seen.addAll(List.of(a))));
          return new MockResponse.Builder().code(404).build();
        }
      });
      server.start(InetAddress.getLoopbackAddress(), 0);
      List<String> lines = new java.util.ArrayList<>(List.of(more));
      lines.add(server.url("/a").toString());
      Path urls = Files.write(dir.resolve("urls.txt"), lines);
      run("--mode", "processes", "--workers", "1", "--worker-heap", "64m", "--ignore-robots", "--retries", "0",
          "-o", dir.resolve("results.jsonl").toString(), urls.toString());
    }
    assertThat(seen).as("the worker's arguments, seen while it fetched").isNotEmpty();
    return seen;
  }

  @Test
  void theHiddenWorkerCommandAnswersTheHelpItsUsageErrorsPointAt() {
    assertThat(run("worker", "--frobnicate")).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("(see 'crawl worker --help')");

    assertThat(run("worker", "--help")).isZero();
    assertThat(out.toString(StandardCharsets.UTF_8)).contains("Internal: a worker JVM of --mode processes");
  }

  @Test
  void workerOptionsAreValidatedWithOneLine() {
    assertThat(run("--mode", "processes", "--worker-heap", "1m", "urls.txt")).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8).strip())
        .isEqualTo("crawl: invalid option --worker-heap: must be >= 16m, was 1m");
    err.reset();
    assertThat(run("--workers", "0", "urls.txt")).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8).strip()).isEqualTo("crawl: invalid option --workers: must be 1..256, was 0");
  }

  @Test
  void workersThatCannotStartEndTheRunWithExitTwoAndOneLine() throws IOException {
    Path urls = Files.write(dir.resolve("urls.txt"), List.of("http://127.0.0.1:1/never"));
    // workers get the crawl's class path: one without the crawler's classes, and they cannot start
    String classPath = System.getProperty("java.class.path");
    int code;
    try {
      System.setProperty("java.class.path", dir.resolve("no-such.jar").toString());
      code = run("--mode", "processes", "--workers", "1", "-o", dir.resolve("r.jsonl").toString(), urls.toString());
    } finally {
      System.setProperty("java.class.path", classPath);
    }

    assertThat(code).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8).strip().lines()).singleElement().asString()
        .matches("crawl: cannot start the worker processes: worker 1 \\(pid \\d+\\) exited with status 1 before its hello:"
            + " Error: Could not find or load main class io.crawlpipe.crawler.cli.Main; Caused by:"
            + " java.lang.ClassNotFoundException: io.crawlpipe.crawler.cli.Main");
    assertThat(ProcessHandle.current().descendants()).isEmpty();
  }

  @Test
  void maxTimeRunningOutWhileTheWorkersStartIsAStopWithExit124NotAStartFailure() throws IOException {
    Path urls = Files.write(dir.resolve("urls.txt"), List.of("http://127.0.0.1:1/never"));
    // A worker JVM takes far longer than a millisecond to say hello: the deadline comes first.
    int code = run("--mode", "processes", "--workers", "1", "--worker-heap", "64m", "--max-time", "1ms",
        "--stats", dir.resolve("stats.json").toString(), "-o", dir.resolve("r.jsonl").toString(), urls.toString());

    assertThat(code).isEqualTo(124);
    assertThat(err.toString(StandardCharsets.UTF_8))
        .contains("crawl: stopped by --max-time: no URL was read; nothing was crawled and '" + dir.resolve("r.jsonl")
            + "' was left as it was")
        .as("the summary says it; no second line in other words").doesNotContain("while the worker processes were starting")
        .doesNotContain("cannot start the worker processes");
    // ended as any stop before the first URL is (the stats file tells a monitor of the night), the output as it was
    assertThat(dir.resolve("r.jsonl")).doesNotExist();
    assertThat(dir.resolve("r.jsonl.partial")).doesNotExist();
    assertThat(Files.readString(dir.resolve("stats.json"))).contains("\"stopped_by\" : \"--max-time\"", "\"exit_code\" : 124");
    assertThat(ProcessHandle.current().descendants()).isEmpty();
  }

  @Test
  void aStopWhileTheWorkersStartOnATerminalWritesNothingIntoTheProgressLine() throws Exception {
    Path urls = Files.write(dir.resolve("urls.txt"), List.of("http://127.0.0.1:1/never"));
    CliRunner terminal = new CliRunner(Clock.systemUTC(), true);
    try (ExecutorService runner = Executors.newSingleThreadExecutor()) {
      Future<Integer> run = runner.submit(() -> terminal.run("--mode", "processes", "--workers", "1", "--worker-heap",
          "64m", "-o", dir.resolve("r.jsonl").toString(), urls.toString()));
      // The worker JVM is spawned; it takes far longer to say hello than this wait to see it.
      Conditions.await(() -> ProcessHandle.current().descendants().findAny().isPresent());
      terminal.signals.send(StopCause.SIGTERM);
      assertThat(run.get(30, TimeUnit.SECONDS)).isEqualTo(143);
    }
    String shown = terminal.stderr();
    assertThat(shown).as(shown).contains("\rcrawl: 0/").contains("crawl: stopped by SIGTERM: no URL was read");
    // a line written right after the drawn line's erase-to-end, not after \r, is glued to it
    assertThat(Pattern.compile("[^\r]\033\\[Kcrawl:").matcher(shown).find()).as(shown).isFalse();
    assertThat(ProcessHandle.current().descendants()).isEmpty();
  }

  @Test
  void aSignalWhileTheWorkersStartSaysNoUrlIsInFlightNotThatTheyGetTheGrace() throws Exception {
    Path urls = Files.write(dir.resolve("urls.txt"), List.of("http://127.0.0.1:1/never"));
    CliRunner cli = new CliRunner();
    try (ExecutorService runner = Executors.newSingleThreadExecutor()) {
      Future<Integer> run = runner.submit(() -> cli.run("--mode", "processes", "--workers", "1", "--worker-heap", "64m",
          "-o", dir.resolve("r.jsonl").toString(), urls.toString()));
      // The worker JVM is spawned; it takes far longer to say hello than this wait to see it.
      Conditions.await(() -> ProcessHandle.current().descendants().findAny().isPresent());
      cli.signals.send(StopCause.SIGTERM);
      assertThat(run.get(30, TimeUnit.SECONDS)).isEqualTo(143);
    }
    assertThat(cli.stderr())
        .contains("crawl: SIGTERM: stopping; no URL is in flight (send it again to stop at once)\n")
        .contains("crawl: stopped by SIGTERM: no URL was read")
        .doesNotContain("while the worker processes were starting")
        .doesNotContain("in flight get");
    assertThat(ProcessHandle.current().descendants()).isEmpty();
  }

  @Test
  void workerOptionsGivenWithAnotherModeAreSaidToBeIgnored() throws IOException {
    Path urls = Files.write(dir.resolve("urls.txt"), List.of("not a url"));
    int code = run("--mode", "threads", "--workers", "2", "--worker-heap", "64m", "-o", dir.resolve("r.jsonl").toString(),
        urls.toString());

    assertThat(code).isEqualTo(1);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains(
        "crawl: warning: --workers, --worker-heap only apply to --mode processes; ignored with --mode threads");
  }

  @Test
  void aWorkerOptionOutOfRangeIsRefusedInAnyMode() throws IOException {
    Path urls = Files.write(dir.resolve("urls.txt"), List.of("not a url"));
    assertThat(run("--mode", "virtual", "--workers", "0", "-o", dir.resolve("r.jsonl").toString(), urls.toString()))
        .isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("--workers").contains("was 0");
    assertThat(dir.resolve("r.jsonl")).doesNotExist();
  }

  @Test
  void noWarningAboutWorkerOptionsInProcessesModeOrWhenNoneIsGiven() throws IOException {
    Path urls = Files.write(dir.resolve("urls.txt"), List.of("not a url"));
    assertThat(run("-o", dir.resolve("r.jsonl").toString(), urls.toString())).isEqualTo(1);
    assertThat(err.toString(StandardCharsets.UTF_8)).doesNotContain("warning");
  }

  @Test
  void theWorkerCommandIsHiddenFromHelp() {
    assertThat(run("--help")).isZero();
    String help = out.toString(StandardCharsets.UTF_8);
    assertThat(help).contains("--workers", "--worker-heap", "--max-tasks-per-worker", "processes");
    assertThat(help).doesNotContain("Commands:").doesNotContainPattern("(?m)^\\s+worker\\b");
  }

  @Test
  void theWorkerCommandAnswersInputThatIsNotAHelloWithItsHelloAndExitsTwo() {
    int code = run(new ByteArrayInputStream("http://example.test/\n".getBytes(StandardCharsets.UTF_8)), "worker");
    assertThat(code).isEqualTo(2);
    assertThat(out.toString(StandardCharsets.UTF_8).lines()).singleElement().asString()
        .startsWith("{\"type\":\"hello\"").containsPattern("\"version\":[1-9][0-9]*[,}]");
  }
}
