package io.crawlpipe.crawler.fetch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.crawlpipe.store.ErrorType;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPOutputStream;
import mockwebserver3.MockResponse;
import okio.Buffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * What every {@link Fetcher} does at its limits, whichever client it runs on: one {@code --timeout}
 * deadline for the connect, the response and its body, and {@code --max-bytes} counted in decoded
 * bytes. Run against each client by its subclasses, as {@link FetcherContract} is.
 */
@Timeout(30)
abstract class LimitContract extends FetcherFixture {
  @Test
  void serverThatNeverAnswersTimesOutAtTheDeadline() {
    server.enqueue(new MockResponse.Builder().headersDelay(20, TimeUnit.SECONDS).body("late").build());
    long start = System.nanoTime();
    FetchException e = catchThrowableOfType(FetchException.class,
        () -> fetcher(settings(Duration.ofMillis(300), 1 << 20, 5)).fetch(url("/slow")));
    assertThat(e.type()).isEqualTo(ErrorType.TIMEOUT);
    assertThat(e.getMessage()).isEqualTo("no response within 300ms (--timeout)");
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
  }

  @Test
  void aBodyThatStallsTimesOutSayingHowMuchOfItCame() throws Exception {
    try (RawHttpServer site = new RawHttpServer()) {
      site.enqueue("HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: 1000\r\n\r\nabcdefgh"); // then stalls
      FetchException e = catchThrowableOfType(FetchException.class,
          () -> fetcher(settings(Duration.ofMillis(500), 1 << 20, 5)).fetch(site.url("/stall")));
      assertThat(e.type()).isEqualTo(ErrorType.TIMEOUT);
      assertThat(e.getMessage()).isEqualTo("body incomplete after 500ms (--timeout): 8 of 1000 bytes");
    }
  }

  @Test
  void aConnectThatHangsTimesOutNamingTheAddress() throws Exception {
    try (ServerSocket full = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      List<Socket> fillers = new ArrayList<>();
      try {
        // A listener that accepts nothing: once its backlog is full, the kernel drops further SYNs.
        for (int i = 0; i < 4; i++) {
          Socket filler = new Socket();
          filler.connect(full.getLocalSocketAddress(), 200);
          fillers.add(filler);
        }
      } catch (IOException backlogFull) {
        // one of the fillers already hung: full
      }
      String address = "127.0.0.1:" + full.getLocalPort();
      FetchException e = catchThrowableOfType(FetchException.class,
          () -> fetcher(settings(Duration.ofMillis(400), 1 << 20, 5)).fetch("http://" + address + "/"));
      for (Socket filler : fillers) filler.close();
      assertThat(e.type()).isEqualTo(ErrorType.TIMEOUT);
      assertThat(e.getMessage()).isEqualTo("connect to " + address + " did not finish within 400ms (--timeout)");
    }
  }

  @Test
  void bodyDribbledSlowerThanTheDeadlineTimesOutEvenThoughEachReadIsQuick() {
    server.enqueue(new MockResponse.Builder().body("x".repeat(200))
        .throttleBody(1, 50, TimeUnit.MILLISECONDS).build());
    FetchException e = catchThrowableOfType(FetchException.class,
        () -> fetcher(settings(Duration.ofMillis(500), 1 << 20, 5)).fetch(url("/dribble")));
    assertThat(e.type()).isEqualTo(ErrorType.TIMEOUT);
  }

  @Test
  void declaredLengthOverTheLimitFailsTooLargeWithoutReadingTheBody() {
    server.enqueue(new MockResponse.Builder().body("y".repeat(5000)).build());
    FetchException e = catchThrowableOfType(FetchException.class,
        () -> fetcher(settings(Duration.ofSeconds(5), 1000, 5)).fetch(url("/big")));
    assertThat(e.type()).isEqualTo(ErrorType.TOO_LARGE);
    assertThat(e.getMessage()).contains("1000");
  }

  @Test
  void chunkedBodyOverTheLimitFailsTooLarge() {
    server.enqueue(new MockResponse.Builder().chunkedBody("z".repeat(300_000), 4096).build());
    FetchException e = catchThrowableOfType(FetchException.class,
        () -> fetcher(settings(Duration.ofSeconds(5), 64 * 1024, 5)).fetch(url("/chunked")));
    assertThat(e.type()).isEqualTo(ErrorType.TOO_LARGE);
  }

  @Test
  void gzipBombIsMeasuredOnDecodedBytes() throws IOException {
    Buffer gzipped = new Buffer();
    try (GZIPOutputStream gz = new GZIPOutputStream(gzipped.outputStream())) {
      gz.write(new byte[2 * 1024 * 1024]);
    }
    assertThat(gzipped.size()).isLessThan(64 * 1024);
    server.enqueue(new MockResponse.Builder().setHeader("Content-Encoding", "gzip").body(gzipped).build());
    FetchException e = catchThrowableOfType(FetchException.class,
        () -> fetcher(settings(Duration.ofSeconds(5), 256 * 1024, 5)).fetch(url("/bomb")));
    assertThat(e.type()).isEqualTo(ErrorType.TOO_LARGE);
  }

  @Test
  void gzipBodyIsJudgedOnItsDecodedSizeNotItsCompressedLength() throws Exception {
    byte[] noise = new byte[1000];
    new java.util.Random(7).nextBytes(noise); // incompressible: gzip makes it longer
    Buffer gzipped = new Buffer();
    try (GZIPOutputStream gz = new GZIPOutputStream(gzipped.outputStream())) {
      gz.write(noise);
    }
    assertThat(gzipped.size()).isGreaterThan(1010);
    server.enqueue(new MockResponse.Builder().setHeader("Content-Type", "text/plain")
        .setHeader("Content-Encoding", "gzip").body(gzipped).build());
    FetchResult result = fetcher(settings(Duration.ofSeconds(5), 1010, 5)).fetch(url("/noise"));
    assertThat(result.body()).isEqualTo(noise);
  }
}
