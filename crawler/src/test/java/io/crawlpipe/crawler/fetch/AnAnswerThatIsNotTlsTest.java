package io.crawlpipe.crawler.fetch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.crawlpipe.store.ErrorType;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Timeout;

/**
 * An {@code https} URL whose server answers in plain HTTP, or with bytes that are not TLS, fails
 * {@code tls} in plain words with either client, not with the JDK's "Unsupported or unrecognized
 * SSL message".
 */
@Timeout(60)
class AnAnswerThatIsNotTlsTest {
  private static FetchSettings settings(FetchClient client) {
    return new FetchSettings(Duration.ofSeconds(10), 1 << 20, 0, "crawlpipe-test", client);
  }

  @ParameterizedTest
  @EnumSource(FetchClient.class)
  void plainHttpOnAnHttpsPortIsNamed(FetchClient client) throws Exception {
    assertThat(failure(client, "HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\n\r\n"))
        .isEqualTo("the server did not answer in TLS (plain HTTP on an https port?)");
  }

  @ParameterizedTest
  @EnumSource(FetchClient.class)
  void aHandshakeRecordOfGarbageIsNotTls(FetchClient client) throws Exception {
    assertThat(failure(client, "\u0016\u0003\u0003\u0000\u0008hello!!!")).isEqualTo("the server's answer is not TLS");
  }

  /**
   * The message of the {@code tls} failure of a fetch to which a server on 127.0.0.1 answers {@code
   * raw} (ISO-8859-1) once the client hello arrived, then ends its side and reads to the end (a
   * close with unread input would reset the connection, and the client might never see {@code raw}).
   */
  private static String failure(FetchClient client, String raw) throws Exception {
    try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
        PooledFetcher fetcher = client.open(settings(client), 4, Clock.systemUTC())) {
      Thread answering = Thread.ofVirtual().start(() -> answer(server, raw));
      String url = "https://127.0.0.1:" + server.getLocalPort() + "/";
      FetchException e = catchThrowableOfType(FetchException.class, () -> fetcher.fetch(url));
      answering.join();
      assertThat(e.type()).as(e.getMessage()).isEqualTo(ErrorType.TLS);
      return e.getMessage();
    }
  }

  private static void answer(ServerSocket server, String raw) {
    try (Socket socket = server.accept(); InputStream in = socket.getInputStream()) {
      if (in.read() < 0) return; // the client hello's first byte
      socket.getOutputStream().write(raw.getBytes(StandardCharsets.ISO_8859_1));
      socket.shutdownOutput();
      in.transferTo(OutputStream.nullOutputStream());
    } catch (IOException e) {
      // the client went away
    }
  }
}
