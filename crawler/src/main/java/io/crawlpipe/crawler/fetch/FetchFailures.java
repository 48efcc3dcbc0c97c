package io.crawlpipe.crawler.fetch;

import io.crawlpipe.store.ErrorType;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import javax.net.ssl.SSLException;

/** How both fetchers turn a transport failure into a {@link FetchException}: one mapping, one place. */
final class FetchFailures {
  private static final String OKHTTP_CONNECT = "Failed to connect to ";

  private FetchFailures() {}

  /**
   * Maps a transport failure to an error type and a one-line message in plain words; a passed
   * deadline always means timeout, its message saying what {@code progress} had not got past.
   * A failure at a redirect's hop names the hop first.
   */
  static FetchException classify(String url, IOException e, boolean deadlinePassed, FetchProgress progress) {
    ErrorType type;
    if (deadlinePassed || e instanceof SocketTimeoutException
        || (e instanceof InterruptedIOException && !Thread.currentThread().isInterrupted())) {
      type = ErrorType.TIMEOUT;
    } else if (e instanceof UnknownHostException) {
      type = ErrorType.DNS;
    } else if (e instanceof ConnectException || e instanceof NoRouteToHostException || isRefusedTunnel(e)) {
      type = ErrorType.CONNECT;
    } else if (e instanceof SSLException) {
      type = ErrorType.TLS;
    } else {
      type = ErrorType.IO;
    }
    String message = switch (type) {
      case TIMEOUT -> progress.timeoutMessage();
      case TLS -> TlsFailures.describe(e, progress.host());
      case CONNECT -> connectMessage(e);
      default -> e.getMessage() == null ? e.getClass().getSimpleName() : firstLine(e.getMessage());
    };
    return new FetchException(url, type, progress.atHop(message), e);
  }

  /**
   * A connect failure naming the address as {@link Http1Connector} does, {@code connect to
   * 127.0.0.1:1: Connection refused}: OkHttp's {@code Failed to connect to /127.0.0.1:1} is
   * reworded, its cause's reason added.
   */
  private static String connectMessage(IOException e) {
    String message = e.getMessage() == null ? e.getClass().getSimpleName() : firstLine(e.getMessage());
    if (!message.startsWith(OKHTTP_CONNECT)) return message;
    String address = message.substring(OKHTTP_CONNECT.length());
    address = address.substring(address.indexOf('/') + 1); // "host/1.2.3.4:80" or "/1.2.3.4:80"
    Throwable cause = e.getCause();
    return "connect to " + address + (cause == null || cause.getMessage() == null ? "" : ": " + firstLine(cause.getMessage()));
  }

  /** The first line of {@code message}, stripped: a result's error message is one line. */
  static String firstLine(String message) {
    int end = message.indexOf('\n');
    return (end < 0 ? message : message.substring(0, end)).strip();
  }

  /**
   * OkHttp's failure when its proxy would not open a tunnel (a plain IOException, told apart only
   * by its message): a {@code connect} error, as {@link Http1Tunnel} reports the same thing.
   */
  private static boolean isRefusedTunnel(IOException e) {
    String message = e.getMessage();
    return message != null && (message.startsWith("Unexpected response code for CONNECT")
        || message.equals("Failed to authenticate with proxy"));
  }

  /** The body passed {@code maxBytes}; {@code size} says by how much, as far as is known. */
  static FetchException tooLarge(String url, String size, long maxBytes) {
    return new FetchException(url, ErrorType.TOO_LARGE, "body is " + size + " bytes; limit is " + maxBytes, null);
  }

  /** A response that breaks the protocol; {@code problem} says how. */
  static FetchException malformed(String url, String problem) {
    return new FetchException(url, ErrorType.IO, problem, null);
  }

  /** A redirect whose Location cannot be resolved to an http(s) URL. */
  static FetchException unusableRedirect(String url, String location) {
    return new FetchException(url, ErrorType.IO, "redirect to an unusable location: " + location, null);
  }

  /** More than {@code maxRedirects} redirects; {@code next} is where the last one pointed. */
  static FetchException tooManyRedirects(String url, int maxRedirects, Object next) {
    return new FetchException(url, ErrorType.TOO_MANY_REDIRECTS,
        "more than " + maxRedirects + " redirects (last to " + next + ")", null);
  }
}
