package io.crawlpipe.crawler.fetch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.crawlpipe.crawler.Conditions;
import io.crawlpipe.store.ErrorType;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import javax.net.SocketFactory;
import okhttp3.Dispatcher;
import okhttp3.HttpUrl;
import org.junit.jupiter.api.Test;

/** {@link FetcherContract} on OkHttp, and what only that client does. */
class OkHttpFetcherTest extends FetcherContract {

  @Override
  ClientUnderTest client() {
    return ClientUnderTest.OKHTTP;
  }

  @Test
  void aNegativeContentLengthOfABodyNotReadIsAnIoErrorNotACrash() throws Exception {
    // OkHttp discards an unread body when the response is closed, and fails on the length there too.
    try (RawHttpServer site = new RawHttpServer()) {
      site.enqueueThenClose("HTTP/1.1 200 OK\r\nContent-Type: image/png\r\nContent-Length: -5\r\n\r\nhello");
      FetchException e = catchThrowableOfType(FetchException.class, () -> fetcher().fetch(site.url("/logo.png")));
      assertThat(e.type()).isEqualTo(ErrorType.IO);
      assertThat(e.getMessage()).isEqualTo("invalid Content-Length: -5");
    }
  }

  @Test
  void aTransferEncodingOkHttpFramesOtherwiseThanHttp1IsAnIoErrorQuotingItsLines() throws Exception {
    String head = "HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\n";
    List<List<String>> cases = List.of(
        List.of("Transfer-Encoding : chunked", "Transfer-Encoding : chunked"),
        List.of("Transfer-Encoding:\r\n chunked", "Transfer-Encoding:\\r\\n chunked"),
        List.of("Transfer-Encoding: identity, chunked", "Transfer-Encoding: identity, chunked"));
    for (List<String> sentAndQuoted : cases) {
      try (RawHttpServer site = new RawHttpServer()) {
        site.enqueue(head + sentAndQuoted.get(0) + "\r\n\r\n5\r\nhello\r\n0\r\n\r\n"); // then stays open
        site.enqueue("HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: 2\r\n\r\nok");
        FetchException e = catchThrowableOfType(FetchException.class, () -> fetcher().fetch(site.url("/")));
        assertThat(e.type()).isEqualTo(ErrorType.IO);
        assertThat(e).hasMessage("okhttp cannot frame the body by '" + sentAndQuoted.get(1) + "' as http1 does (use --client http1)");
        assertThat(new String(fetcher().fetch(site.url("/next")).body(), StandardCharsets.UTF_8)).isEqualTo("ok");
        assertThat(site.connectionCount()).as("the connection was closed").isEqualTo(2);
      }
    }
  }

  @Test
  void aBlankLineBeforeTheStatusLineIsAnIoErrorNamingTheEmptyLine() throws Exception {
    // http1 skips up to four (Http1FramingTest); OkHttp reads the first as the status line.
    try (RawHttpServer site = new RawHttpServer()) {
      site.enqueueThenClose("\r\nHTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: 2\r\n\r\nok");
      FetchException e = catchThrowableOfType(FetchException.class, () -> fetcher().fetch(site.url("/")));
      assertThat(e.type()).isEqualTo(ErrorType.IO);
      assertThat(e).hasMessage("unexpected status line: (empty line)");
    }
  }

  @Test
  void theConnectionOfAWellFramedResponseIsReused() throws Exception {
    // Fails should an OkHttp upgrade hide the read-ahead buffer OkHttpConnections reads: every connection would then be closed.
    assertThat(OkHttpConnections.find().canTell()).as("OkHttp's read-ahead buffer found").isTrue();
    try (RawHttpServer site = new RawHttpServer()) {
      site.enqueue("HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: 5\r\n\r\nfirst");
      site.enqueue("HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: 6\r\n\r\nsecond");
      Fetcher fetcher = fetcher();
      fetcher.fetch(site.url("/1"));
      assertThat(new String(fetcher.fetch(site.url("/2")).body(), StandardCharsets.UTF_8)).isEqualTo("second");
      assertThat(site.connectionCount()).isEqualTo(1);
    }
  }

  @Test
  void a204WithAContentLengthIsOkHttpsIoErrorButTheNextUrlGetsItsOwnPage() throws Exception {
    // OkHttp refuses it before any interceptor sees it (http1 reads it as a 204 without a body): see docs/HTTP.md.
    try (RawHttpServer site = new RawHttpServer()) {
      site.enqueue("HTTP/1.1 204 No Content\r\nContent-Length: 8\r\n\r\nSMUGGLED");
      site.enqueue("HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: 6\r\n\r\nsecond");
      Fetcher fetcher = fetcher();
      FetchException e = catchThrowableOfType(FetchException.class, () -> fetcher.fetch(site.url("/1")));
      assertThat(e.type()).isEqualTo(ErrorType.IO);
      assertThat(e).hasMessage("HTTP 204 had non-zero Content-Length: 8");
      assertThat(new String(fetcher.fetch(site.url("/2")).body(), StandardCharsets.UTF_8)).isEqualTo("second");
    }
  }

  @Test
  void a408OnANewConnectionIsTheAnswerNotSentAgain() throws Exception {
    try (RawHttpServer site = new RawHttpServer()) {
      site.enqueueThenClose("HTTP/1.1 408 Request Timeout\r\nConnection: close\r\nContent-Type: text/plain\r\n"
          + "Content-Length: 4\r\n\r\nslow");
      site.enqueue("HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: 2\r\n\r\nok");
      FetchResult result = fetcher().fetch(site.url("/"));
      assertThat(result.status()).isEqualTo(408);
      assertThat(new String(result.body(), StandardCharsets.UTF_8)).isEqualTo("slow");
      assertThat(site.requests()).hasSize(1);
    }
  }

  @Test
  void aChunkedBodyCutInItsFramingOrWithAnOverlongChunkSizeSaysSoInPlainWords() throws Exception {
    String head = "HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nTransfer-Encoding: chunked\r\n\r\n";
    for (String cut : List.of("5\r\nhello\r\n6", "5\r\nhello\r\n0\r\n", "5\r\nhello", "5\r\nhello\r\n")) {
      assertThat(ioFailure(head + cut)).as(cut).isEqualTo("connection closed before the body ended");
    }
    assertThat(ioFailure(head + "ffffffffffffffffff\r\nhello")).isEqualTo("invalid chunk size");
  }

  @Test
  void okHttpReadsPastAnyWhiteSpaceAfterAChunkSize() throws Exception {
    // Kotlin's trim(): a vertical tab or CR too; http1 allows spaces and tabs only (docs/HTTP.md, Malformed responses).
    try (RawHttpServer site = new RawHttpServer()) {
      site.enqueueThenClose("HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nTransfer-Encoding: chunked\r\n\r\n"
          + "5\u000b;x\r\nhello\r\n6\r\r\n world\r\n0\r\n\r\n");
      assertThat(new String(fetcher().fetch(site.url("/")).body(), StandardCharsets.UTF_8)).isEqualTo("hello world");
    }
  }

  @Test
  void okHttpReadsAndIgnoresWhatFollowsAChunksDataUpToTheLineEnd() throws Exception {
    // http1 says "chunk not followed by CRLF" (docs/HTTP.md, Malformed responses).
    try (RawHttpServer site = new RawHttpServer()) {
      site.enqueueThenClose("HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nTransfer-Encoding: chunked\r\n\r\n"
          + "5\r\nhelloxx\r\n6\r\n world\r\n0\r\n\r\n");
      assertThat(new String(fetcher().fetch(site.url("/")).body(), StandardCharsets.UTF_8)).isEqualTo("hello world");
    }
  }

  @Test
  void aChunkSizeLineThatNeverEndsIsAnIoErrorWellWithinTheTimeoutAndItsConnectionIsClosed() throws Exception {
    // okio reads a chunk size's leading zeros without a limit, and OkHttp's close read on to discard the rest.
    try (RawHttpServer site = new RawHttpServer()) {
      site.enqueueThenRepeat("HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nTransfer-Encoding: chunked\r\n\r\n",
          "0".repeat(65536));
      Fetcher fetcher = fetcher(settings(Duration.ofSeconds(20), 1 << 20, 0));
      CompletableFuture<FetchResult> fetch = AsyncFetch.of(fetcher, site.url("/endless"));
      Throwable failure = catchThrowable(() -> fetch.get(10, TimeUnit.SECONDS));
      assertThat(failure).as("ended before the 20 s timeout").isInstanceOf(ExecutionException.class)
          .cause().isInstanceOf(FetchException.class)
          .hasMessage("a line of the chunked body's framing is longer than " + OkHttpReadAhead.LIMIT + " bytes");
      assertThat(((FetchException) failure.getCause()).type()).isEqualTo(ErrorType.IO);
      Conditions.await(() -> site.repeating() == 0); // the client closed the connection, long before the server's 30 s
      assertThat(site.bytesSent()).as("bytes sent, the client's and the kernel's buffers included").isLessThan(16L << 20);
    }
  }

  @Test
  void aChunkSizeLineThatNeverEndsEndsAtTheTimeoutEvenUnbounded() throws Exception {
    // Should the read-ahead bound fail to apply, the fetch still ends at its deadline: closing reads on no more.
    try (RawHttpServer site = new RawHttpServer()) {
      site.enqueueThenRepeat("HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nTransfer-Encoding: chunked\r\n\r\n",
          "0".repeat(65536));
      FetchSettings settings = settings(Duration.ofSeconds(1), 1 << 20, 0);
      SharedClient unbounded = new SharedClient(SharedClient.cleartextBuilder(settings, 1)
          .socketFactory(SocketFactory.getDefault()).build(), b -> b, settings);
      try (PooledFetcher fetcher = FetchClient.okhttp(unbounded, settings, CLOCK)) {
        CompletableFuture<FetchResult> fetch = AsyncFetch.of(fetcher, site.url("/endless"));
        Throwable failure = catchThrowable(() -> fetch.get(10, TimeUnit.SECONDS));
        assertThat(failure).as("ended soon after the 1s timeout").isInstanceOf(ExecutionException.class)
            .cause().isInstanceOf(FetchException.class);
        assertThat(((FetchException) failure.getCause()).type()).isEqualTo(ErrorType.TIMEOUT);
        Conditions.await(() -> site.repeating() == 0); // the client closed the connection, long before the server's 30 s
      }
    }
  }

  @Test
  void aConnectionClosedAfterAnInterimResponseIsNotSaidToHaveClosedBeforeAResponse() throws Exception {
    assertThat(ioFailure("HTTP/1.1 100 Continue\r\n\r\n")).isEqualTo("connection closed inside the response head");
  }

  /** The message of the {@code io} failure that fetching {@code response}, after which the server closes, gives. */
  private String ioFailure(String response) throws Exception {
    try (RawHttpServer site = new RawHttpServer()) {
      site.enqueueThenClose(response);
      FetchException e = catchThrowableOfType(FetchException.class, () -> fetcher().fetch(site.url("/")));
      assertThat(e).as(response).isNotNull();
      assertThat(e.type()).as(response).isEqualTo(ErrorType.IO);
      return e.getMessage();
    }
  }

  @Test
  void cancelAllEndsAFetchReadingAStalledBody() throws Exception {
    try (RawHttpServer site = new RawHttpServer()) {
      site.enqueue("HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: 1000\r\n\r\nabcdefgh"); // then stalls
      FetchSettings settings = settings(Duration.ofSeconds(60), 1 << 20, 0);
      SharedClient client = SharedClient.create(settings, 4);
      PooledFetcher fetcher = FetchClient.okhttp(client, settings, CLOCK);
      try {
        CompletableFuture<FetchResult> fetch = CompletableFuture.supplyAsync(() -> {
          try {
            return fetcher.fetch(site.url("/stall"));
          } catch (FetchException e) {
            throw new CompletionException(e);
          }
        });
        Dispatcher dispatcher = client.forUrl(HttpUrl.get(site.url("/"))).dispatcher();
        // The request arrived and execute() returned its head (OkHttp's dispatcher forgot the call): the body is being read.
        Conditions.await(() -> site.requests().size() == 1 && dispatcher.runningCallsCount() == 0);
        fetcher.cancelAll();
        assertThat(catchThrowable(() -> fetch.get(5, TimeUnit.SECONDS))).as("ended well before the 60 s deadline")
            .isInstanceOf(ExecutionException.class).cause().isInstanceOf(FetchException.class);
      } finally {
        fetcher.close();
      }
    }
  }
}
