package io.crawlpipe.crawler.fetch;

import io.crawlpipe.store.ErrorType;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.util.Locale;
import javax.net.ssl.SSLException;

/** How both fetchers turn a transport failure into a {@link FetchException}: one mapping, one place. */
final class FetchFailures {
  private FetchFailures() {}

  /** Maps a transport failure to an error type; a passed deadline always means timeout. */
  static FetchException classify(String url, IOException e, boolean deadlinePassed) {
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
    String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    if (type == ErrorType.TIMEOUT && !message.toLowerCase(Locale.ROOT).contains("time")) {
      message = "deadline passed: " + message;
    }
    return new FetchException(url, type, message, e);
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
