package io.crawlpipe.crawler.fetch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.crawlpipe.crawler.Conditions;
import io.crawlpipe.store.ErrorType;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
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

  /** The message of the {@code tls} failure of a fetch to which the server answers {@code raw} (ISO-8859-1). */
  private static String failure(FetchClient client, String raw) throws Exception {
    try (RawHttpServer server = new RawHttpServer();
        PooledFetcher fetcher = client.open(settings(client), 4, Clock.systemUTC())) {
      String url = server.url("/").replaceFirst("^http:", "https:");
      CompletableFuture<FetchException> failed = CompletableFuture.supplyAsync(
          () -> catchThrowableOfType(FetchException.class, () -> fetcher.fetch(url)));
      Conditions.await(() -> answered(server, raw)); // once the server holds the connection
      FetchException e = failed.get();
      assertThat(e.type()).as(e.getMessage()).isEqualTo(ErrorType.TLS);
      return e.getMessage();
    }
  }

  private static boolean answered(RawHttpServer server, String raw) {
    if (server.connectionCount() == 0) return false;
    try {
      server.sendUnaskedThenClose(raw);
      return true;
    } catch (java.util.NoSuchElementException e) {
      return false; // counted, not yet listed
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }
}
