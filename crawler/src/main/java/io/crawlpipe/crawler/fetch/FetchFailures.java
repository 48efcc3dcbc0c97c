package io.crawlpipe.crawler.fetch;

import static io.crawlpipe.crawler.fetch.TransferFailures.firstLine;

import io.crawlpipe.store.ErrorType;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import javax.net.ssl.SSLException;

/**
 * How both fetchers turn a transport failure into a {@link FetchException}: one mapping, one place.
 * The words of a failure of the transfer are {@link TransferFailures}', of TLS {@link TlsFailures}';
 * a connect failure's are reworded here. Stateless and thread-safe; no argument may be null unless
 * it says so.
 */
final class FetchFailures {
  private static final String OKHTTP_CONNECT = "Failed to connect to ";
  /** How deep a failure's causes are looked through: a chain of causes may loop. */
  private static final int MAX_CAUSES = 16;

  private FetchFailures() {}

  /**
   * Maps a transport failure to an error type and a one-line message in plain words; a passed
   * deadline always means timeout, its message saying what {@code progress} had not got past.
   * A failure at a redirect's hop names the hop first.
   */
  static FetchException classify(String url, IOException e, boolean deadlinePassed, FetchProgress progress) {
    IOException refused = readAheadRefusal(e);
    ErrorType type;
    if (deadlinePassed || e instanceof SocketTimeoutException
        || (e instanceof InterruptedIOException && !Thread.currentThread().isInterrupted())) {
      type = ErrorType.TIMEOUT;
    } else if (refused != null) {
      type = ErrorType.IO;
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
      default -> TransferFailures.describe(refused != null ? refused : e);
    };
    return new FetchException(url, type, progress.atHop(message), e);
  }

  /**
   * The read that {@link OkHttpReadAhead} refused, found among {@code e} and its causes, or null.
   * Over TLS the JDK's TLS socket wraps it in an SSLException, which is no failure of TLS.
   */
  private static IOException readAheadRefusal(IOException e) {
    Throwable cause = e;
    for (int depth = 0; cause != null && depth < MAX_CAUSES; depth++, cause = cause.getCause()) {
      if (cause instanceof OkHttpReadAhead.ReadAheadExceeded refused) return refused;
    }
    return null;
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

  /**
   * A gzip body past the compressed bytes read for {@code maxBytes} ({@code compressedLimit}):
   * {@code size} is {@code "declared N"} or {@code "more than N"}, in compressed bytes.
   */
  static FetchException tooLargeCompressed(String url, String size, long compressedLimit, long maxBytes) {
    return new FetchException(url, ErrorType.TOO_LARGE, "gzip body is " + size + " compressed bytes; at most "
        + compressedLimit + " are read for --max-bytes " + maxBytes, null);
  }

  /** A response that breaks the protocol; {@code problem} says how. */
  static FetchException malformed(String url, String problem) {
    return new FetchException(url, ErrorType.IO, problem, null);
  }

  /** A redirect whose Location cannot be resolved to an http(s) URL. */
  static FetchException unusableRedirect(String url, String location) {
    return new FetchException(url, ErrorType.IO, "redirect to an unusable location: " + location, null);
  }

  /** A redirect whose Location is longer than {@code maxChars}: too long to follow, or to quote. */
  static FetchException tooLongRedirect(String url, int maxChars) {
    return new FetchException(url, ErrorType.IO, "redirect to an unusable location (longer than " + maxChars + " characters)", null);
  }

  /** More than {@code maxRedirects} redirects; {@code next} is where the last one pointed. */
  static FetchException redirectLoop(String url, int redirects, String next) {
    return new FetchException(url, ErrorType.TOO_MANY_REDIRECTS,
        "redirect loop: redirect " + redirects + " leads back to " + next + ", already requested", null);
  }

  static FetchException tooManyRedirects(String url, int maxRedirects, Object next) {
    return new FetchException(url, ErrorType.TOO_MANY_REDIRECTS,
        "more than " + maxRedirects + " redirects (last to " + next + ")", null);
  }
}
