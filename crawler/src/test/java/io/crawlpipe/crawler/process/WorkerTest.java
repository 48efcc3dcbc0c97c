package io.crawlpipe.crawler.process;

import static org.assertj.core.api.Assertions.assertThat;

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

  @Test
  void answersEachFetchJobWithAPageOrAFailure() throws Exception {
    Pipe toWorker = Pipe.open();
    Pipe fromWorker = Pipe.open();
    Worker worker = new Worker(Channels.newInputStream(toWorker.source()),
        Channels.newOutputStream(fromWorker.sink()), Clock.systemUTC());
    try (PoolSite site = new PoolSite();
         OutputStream in = Channels.newOutputStream(toWorker.sink());
         InputStream fromStdout = Channels.newInputStream(fromWorker.source())) {
      WorkerMessageReader out = codec.reader(fromStdout, TestPools.FETCH.maxBytes());
      CompletableFuture<Integer> exit = CompletableFuture.supplyAsync(worker::run);
      in.write(codec.line(ParentMessage.Hello.of(1, 4, TestPools.FETCH)));
      in.write(codec.line(new ParentMessage.Fetch(1, site.url("/page/1"), false)));
      in.write(codec.line(new ParentMessage.Fetch(2, site.url("/missing"), false)));
      in.write(codec.line(new ParentMessage.Fetch(3, "http://127.0.0.1:1/", false)));
      in.flush();

      assertThat(out.next())
          .isEqualTo(new WorkerMessage.Hello(ProtocolCodec.VERSION, ProcessHandle.current().pid()));
      Map<Long, WorkerMessage> answers = new HashMap<>();
      for (int i = 0; i < 3; i++) {
        WorkerMessage m = out.next();
        answers.put(m instanceof WorkerMessage.Page p ? p.id() : ((WorkerMessage.Failure) m).id(), m);
      }
      WorkerMessage.Page page = (WorkerMessage.Page) answers.get(1L);
      assertThat(page.status()).isEqualTo(200);
      assertThat(new String(page.body(), StandardCharsets.UTF_8)).contains("<title>Page 1</title>");
      assertThat(((WorkerMessage.Page) answers.get(2L)).status()).isEqualTo(404);
      assertThat(((WorkerMessage.Failure) answers.get(3L)).errorType()).isEqualTo(ErrorType.CONNECT);

      in.close();
      assertThat(exit.get(10, TimeUnit.SECONDS)).isZero();
    }
  }

  @Test
  void saysItStartedAFetchThatAsksBeforeAnsweringItAndOnlyThen() throws Exception {
    Pipe toWorker = Pipe.open();
    Pipe fromWorker = Pipe.open();
    Worker worker = new Worker(Channels.newInputStream(toWorker.source()),
        Channels.newOutputStream(fromWorker.sink()), Clock.systemUTC());
    try (PoolSite site = new PoolSite();
         OutputStream in = Channels.newOutputStream(toWorker.sink());
         InputStream fromStdout = Channels.newInputStream(fromWorker.source())) {
      WorkerMessageReader out = codec.reader(fromStdout, TestPools.FETCH.maxBytes());
      CompletableFuture<Integer> exit = CompletableFuture.supplyAsync(worker::run);
      in.write(codec.line(ParentMessage.Hello.of(1, 4, TestPools.FETCH)));
      in.write(codec.line(new ParentMessage.Fetch(1, site.url("/held/1"), true)));
      in.flush();
      assertThat(out.next()).isInstanceOf(WorkerMessage.Hello.class);
      assertThat(out.next()).isEqualTo(new WorkerMessage.Started(1));  // while the page is still held

      site.release();
      assertThat(out.next()).isInstanceOfSatisfying(WorkerMessage.Page.class, p -> assertThat(p.id()).isEqualTo(1));
      in.write(codec.line(new ParentMessage.Fetch(2, site.url("/page/2"), false)));
      in.flush();
      assertThat(out.next()).isInstanceOfSatisfying(WorkerMessage.Page.class, p -> assertThat(p.id()).isEqualTo(2));

      in.close();
      assertThat(exit.get(10, TimeUnit.SECONDS)).isZero();
    }
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
        stdin.write(codec.line(ParentMessage.Hello.of(1, 1, TestPools.FETCH)));
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
