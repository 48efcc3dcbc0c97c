package io.crawlpipe.crawler.process;

import static org.assertj.core.api.Assertions.assertThat;

import io.crawlpipe.crawler.fetch.FetchException;
import io.crawlpipe.crawler.fetch.FetchResult;
import io.crawlpipe.crawler.fetch.PooledFetcher;
import io.crawlpipe.store.ErrorType;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.Pipe;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(60)
class WorkerTest {
  private final ProtocolCodec codec = new ProtocolCodec();

  /** A {@link Worker} serving on in-memory pipes, on its own thread, after the parent's hello. */
  private final class PipedWorker implements AutoCloseable {
    private final OutputStream in;
    private final InputStream stdout;
    private final WorkerMessageReader out;
    private final CompletableFuture<Integer> exit;

    PipedWorker() throws IOException {
      this((settings, idleConnections, clock) -> settings.client().openKeepingIdle(settings, idleConnections, clock));
    }

    PipedWorker(Worker.Fetchers fetchers) throws IOException {
      this(fetchers, ParentMessage.Hello.of(1, 4, 16, TestPools.FETCH));
    }

    PipedWorker(Worker.Fetchers fetchers, ParentMessage.Hello hello) throws IOException {
      Pipe toWorker = Pipe.open();
      Pipe fromWorker = Pipe.open();
      Worker worker = new Worker(Channels.newInputStream(toWorker.source()),
          Channels.newOutputStream(fromWorker.sink()), Clock.systemUTC(), fetchers);
      in = Channels.newOutputStream(toWorker.sink());
      stdout = Channels.newInputStream(fromWorker.source());
      out = codec.reader(stdout, TestPools.FETCH.maxBytes());
      exit = CompletableFuture.supplyAsync(worker::run);
      send(hello);
    }

    void send(ParentMessage... messages) throws IOException {
      for (ParentMessage message : messages) in.write(codec.line(message));
      in.flush();
    }

    WorkerMessage next() throws IOException {
      return out.next();
    }

    /** Closes the worker's stdin and returns its exit code. */
    int exit() throws Exception {
      in.close();
      return exit.get(10, TimeUnit.SECONDS);
    }

    @Override
    public void close() throws IOException {
      in.close();
      stdout.close();
    }
  }

  @Test
  void answersEachFetchJobWithAPageOrAFailure() throws Exception {
    try (PoolSite site = new PoolSite(); PipedWorker worker = new PipedWorker()) {
      worker.send(new ParentMessage.Fetch(1, site.url("/page/1"), false),
          new ParentMessage.Fetch(2, site.url("/missing"), false),
          new ParentMessage.Fetch(3, "http://127.0.0.1:1/", false));

      assertThat(worker.next())
          .isEqualTo(new WorkerMessage.Hello(ProtocolCodec.VERSION, ProcessHandle.current().pid()));
      Map<Long, WorkerMessage> answers = new HashMap<>();
      for (int i = 0; i < 3; i++) {
        WorkerMessage m = worker.next();
        answers.put(m instanceof WorkerMessage.Page p ? p.id() : ((WorkerMessage.Failure) m).id(), m);
      }
      WorkerMessage.Page page = (WorkerMessage.Page) answers.get(1L);
      assertThat(page.status()).isEqualTo(200);
      assertThat(new String(page.body(), StandardCharsets.UTF_8)).contains("<title>Page 1</title>");
      assertThat(((WorkerMessage.Page) answers.get(2L)).status()).isEqualTo(404);
      WorkerMessage.Failure refused = (WorkerMessage.Failure) answers.get(3L);
      assertThat(refused.errorType()).isEqualTo(ErrorType.CONNECT);
      assertThat(refused.fetchedAt()).as("timed by the worker").isNotNull();
      assertThat(worker.exit()).isZero();
    }
  }

  /** A fetcher that overflows the stack on {@code /deep} and fails plainly on anything else. */
  static PooledFetcher overflowingOnDeep() {
    return new PooledFetcher() {
      @Override
      public FetchResult fetch(String url) throws FetchException {
        if (url.endsWith("/deep")) throw new StackOverflowError();
        throw new FetchException(url, ErrorType.CONNECT, "connect to a.test:80: Connection refused", null);
      }

      @Override
      public void cancelAll() {}

      @Override
      public void close() {}
    };
  }

  /** Not silence, which the parent would take for a hung worker and kill, three in turn. */
  @Test
  @Timeout(10)
  void aFetchThatThrowsAnErrorIsAnsweredAsAnInternalFailureAndTheWorkerGoesOn() throws Exception {
    try (PipedWorker worker = new PipedWorker((settings, concurrency, clock) -> overflowingOnDeep())) {
      assertThat(worker.next()).isInstanceOf(WorkerMessage.Hello.class);
      worker.send(new ParentMessage.Fetch(1, "http://a.test/deep", false));
      assertThat(worker.next()).isInstanceOfSatisfying(WorkerMessage.Failure.class, failure -> {
        assertThat(failure.id()).isEqualTo(1);
        assertThat(failure.errorType()).isEqualTo(ErrorType.INTERNAL);
        assertThat(failure.message()).isEqualTo("StackOverflowError");
      });
      worker.send(new ParentMessage.Fetch(2, "http://a.test/next", false));
      assertThat(worker.next()).isInstanceOfSatisfying(WorkerMessage.Failure.class,
          failure -> assertThat(failure.errorType()).isEqualTo(ErrorType.CONNECT));
      assertThat(worker.exit()).isZero();
    }
  }

  @Test
  void saysItStartedAFetchThatAsksBeforeAnsweringItAndOnlyThen() throws Exception {
    try (PoolSite site = new PoolSite(); PipedWorker worker = new PipedWorker()) {
      worker.send(new ParentMessage.Fetch(1, site.url("/held/1"), true));
      assertThat(worker.next()).isInstanceOf(WorkerMessage.Hello.class);
      assertThat(worker.next()).isEqualTo(new WorkerMessage.Started(1));  // while the page is still held

      site.release();
      assertThat(worker.next()).isInstanceOfSatisfying(WorkerMessage.Page.class, p -> assertThat(p.id()).isEqualTo(1));
      worker.send(new ParentMessage.Fetch(2, site.url("/page/2"), false));
      assertThat(worker.next()).isInstanceOfSatisfying(WorkerMessage.Page.class, p -> assertThat(p.id()).isEqualTo(2));
      assertThat(worker.exit()).isZero();
    }
  }

  @Test
  void theWorkerKeepsTheIdleConnectionsItsHelloNamesNotAPoolSizedForItsShare() throws Exception {
    CompletableFuture<Integer> opened = new CompletableFuture<>();
    Worker.Fetchers recording = (settings, idleConnections, clock) -> {
      opened.complete(idleConnections);
      return settings.client().openKeepingIdle(settings, idleConnections, clock);
    };
    // -c 1000 over 4 workers: a share of 250, the whole run's 3,000 idle connections (250 alone: 1,000).
    try (PipedWorker worker = new PipedWorker(recording, ParentMessage.Hello.of(1, 250, 3_000, TestPools.FETCH))) {
      assertThat(worker.next()).isInstanceOf(WorkerMessage.Hello.class);
      assertThat(opened.get(10, TimeUnit.SECONDS)).isEqualTo(3_000);
      assertThat(worker.exit()).isZero();
    }
  }

  @Test
  void aHelloWithoutIdleConnectionsIsRefusedAsUnusableAndTheWorkerSaysNoHello() {
    String hello = "{\"type\":\"hello\",\"version\":" + ProtocolCodec.VERSION + ",\"worker\":1,\"concurrency\":4,"
        + "\"timeout_ms\":5000,\"max_bytes\":1024,\"max_redirects\":5,\"user_agent\":\"crawlpipe-test\"}\n";
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    int code = new Worker(new ByteArrayInputStream(hello.getBytes(StandardCharsets.UTF_8)), out, Clock.systemUTC(),
        (settings, idleConnections, clock) -> {
          throw new AssertionError("opened a fetcher keeping " + idleConnections);
        }).run();
    assertThat(code).isEqualTo(2);
    assertThat(out.size()).as("the parent reports a worker that exited before its hello").isZero();
  }

  @Test
  void aHelloMissingItsSettingsIsRefusedAsUnusableInsteadOfThrowing() {
    String hello = "{\"type\":\"hello\",\"version\":" + ProtocolCodec.VERSION + "}\n";
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    int code = new Worker(new ByteArrayInputStream(hello.getBytes(StandardCharsets.UTF_8)), out, Clock.systemUTC()).run();
    assertThat(code).isEqualTo(2);
    assertThat(out.size()).as("the parent reports a worker that exited before its hello").isZero();
  }

  @Test
  void aParentOfAnotherVersionGetsThisWorkersHelloAndTheWorkerStops() throws Exception {
    String hello = "{\"type\":\"hello\",\"version\":99,\"worker\":1,\"concurrency\":1,\"something_new\":true}\n";
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    int code = new Worker(new ByteArrayInputStream(hello.getBytes(StandardCharsets.UTF_8)), out, Clock.systemUTC()).run();
    assertThat(code).isEqualTo(2);
    assertThat(codec.reader(new ByteArrayInputStream(out.toByteArray()), 0).next())
        .isEqualTo(new WorkerMessage.Hello(ProtocolCodec.VERSION, ProcessHandle.current().pid()));
  }

  @Test
  void inputThatIsNotAHelloStopsTheWorker() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    int code = new Worker(new ByteArrayInputStream("urls.txt\n".getBytes(StandardCharsets.UTF_8)), out, Clock.systemUTC()).run();
    assertThat(code).isEqualTo(2);
    assertThat(out.toString(StandardCharsets.UTF_8).lines()).singleElement().asString().contains("\"type\":\"hello\"");
  }

  @Test
  void workerProcessExitsWhenItsStdinClosesWhileAFetchIsInFlight() throws IOException, InterruptedException {
    try (PoolSite site = new PoolSite()) {
      Process process = new JvmWorkerLauncher(TestPools.settings(1, 0)).launch(1);
      try {
        OutputStream stdin = process.getOutputStream();
        stdin.write(codec.line(ParentMessage.Hello.of(1, 1, 5, TestPools.FETCH)));
        stdin.write(codec.line(new ParentMessage.Fetch(1, site.url("/held/1"), false)));
        stdin.flush();
        assertThat(site.awaitHeld(1)).isTrue();

        stdin.close();
        assertThat(process.waitFor(20, TimeUnit.SECONDS)).as("worker exited").isTrue();
        assertThat(process.exitValue()).isZero();
        String stdout = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(stdout.lines()).singleElement().asString().startsWith("{\"type\":\"hello\"");
      } finally {
        process.destroyForcibly();
      }
    }
  }
}
