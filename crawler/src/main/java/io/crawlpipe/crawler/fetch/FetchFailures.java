package io.crawlpipe.crawler.fetch;

import io.crawlpipe.store.ErrorType;
import java.io.EOFException;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipException;
import javax.net.ssl.SSLException;

/** How both fetchers turn a transport failure into a {@link FetchException}: one mapping, one place. */
final class FetchFailures {
  private static final String OKHTTP_CONNECT = "Failed to connect to ";
  private static final String OKHTTP_STATUS_LINE = "Unexpected status line: ";
  private static final String OKHTTP_HEAD_CUT = "unexpected end of stream on ";
  private static final String OKHTTP_BODY_CUT = "unexpected end of stream";
  private static final String HEAD_CUT = "connection closed inside the response head";
  /** okio's line reader when the stream ended before a byte of the line: {@code \n not found: limit=0 content=…}. */
  private static final String OKIO_NOTHING_READ = "\\n not found: limit=0 ";
  /** okio's line reader when the stream ended before the line did. */
  private static final String OKIO_LINE_CUT = "\\n not found: ";
  /** okio's words for a hexadecimal number of more than 16 digits: OkHttp's for a chunk size. */
  private static final String OKIO_TOO_LARGE = "Number too large";
  private static final String OKIO_NOT_HEX = "Expected leading [0-9a-fA-F] character";
  private static final String OKHTTP_CHUNK_SIZE = "expected chunk size and optional extensions";
  private static final String JDK_INFLATE_CUT = "Unexpected end of ZLIB input stream";
  private static final String DATA_FORMAT = "java.util.zip.DataFormatException: ";
  /** OkHttp's HTTP/2 codec on a body past its {@code Content-Length}: {@code expected 100 bytes but received 300}. */
  private static final Pattern OKHTTP_BODY_TOO_LONG = Pattern.compile("expected (\\d+) bytes but received (\\d+)");
  /** OkHttp's HPACK reader on an HTTP/2 head past its limit, which it shares with {@link Http1Connection}'s. */
  private static final Pattern OKHTTP_HEAD_TOO_LONG = Pattern.compile("header byte count limit of (\\d+) exceeded");
  /** The deflate data inside a gzip body ends before its last block. */
  static final String GZIP_DATA_CUT = "gzip body ends early (compressed data cut)";
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
      default -> describe(refused != null ? refused : e);
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
   * A transfer failure in plain words, the same from either client where both know as much:
   * OkHttp's and the JDK's wordings are put in {@link Http1Fetcher}'s, a gzip failure starts with
   * {@code gzip body}, and a failure that says nothing is named by what it means, never by a class.
   */
  static String describe(IOException e) {
    String message = e.getMessage();
    if (e instanceof ZipException) return gzipProblem(message);
    if (message == null) {
      return e instanceof EOFException ? "the response ends early (connection closed)" : "the transfer failed (no reason given)";
    }
    if (message.startsWith(OKHTTP_STATUS_LINE)) {
      return ResponseHead.badStatusLine(message.substring(OKHTTP_STATUS_LINE.length()));
    }
    if (message.startsWith(OKHTTP_HEAD_CUT)) {
      return isHeadCutAfterSomeBytes(e) ? HEAD_CUT : "connection closed before a response";
    }
    // A line okio could not finish outside a head (those are OkHttp's HEAD_CUT): a chunk size or trailer line.
    if (message.equals(OKHTTP_BODY_CUT) || (e instanceof EOFException && message.startsWith(OKIO_LINE_CUT))) {
      return "connection closed before the body ended";
    }
    if (message.startsWith(OKIO_NOT_HEX) || message.startsWith(OKHTTP_CHUNK_SIZE) || message.startsWith(OKIO_TOO_LARGE)) {
      return "invalid chunk size";
    }
    if (message.equals(JDK_INFLATE_CUT)) return GZIP_DATA_CUT;
    String http2 = http2Problem(message);
    return http2 != null ? http2 : firstLine(message);
  }

  /** OkHttp's words for what is wrong with an HTTP/2 response, in {@code http1}'s where it has some; null for others. */
  private static String http2Problem(String message) {
    Matcher headTooLong = OKHTTP_HEAD_TOO_LONG.matcher(message);
    if (headTooLong.matches()) return "response head is longer than " + headTooLong.group(1) + " bytes";
    Matcher tooLong = OKHTTP_BODY_TOO_LONG.matcher(message);
    if (!tooLong.matches()) return null;
    return "body longer than its Content-Length of " + tooLong.group(1) + " bytes (" + tooLong.group(2) + " received)";
  }

  /**
   * True when {@code e} is OkHttp's failure to read a response head that ended with the connection
   * after a byte of its line had arrived. (A status line, then the connection closed, ends at the
   * first byte of the next line: OkHttp's words do not tell it from a connection closed before a
   * response.)
   */
  static boolean isHeadCutAfterSomeBytes(IOException e) {
    String message = e.getMessage();
    if (message == null || !message.startsWith(OKHTTP_HEAD_CUT)) return false;
    String detail = e.getCause() == null ? null : e.getCause().getMessage();
    return detail == null || !detail.startsWith(OKIO_NOTHING_READ);
  }

  /**
   * {@code e}, met once a whole response head was read on the exchange (an interim {@code 100
   * Continue}): OkHttp's failure to read the next head then says the connection closed inside the
   * response, never before it. Any other failure as it is.
   */
  static IOException afterAResponseHead(IOException e) {
    String message = e.getMessage();
    if (message == null || !message.startsWith(OKHTTP_HEAD_CUT)) return e;
    EOFException cut = new EOFException(HEAD_CUT);
    cut.initCause(e);
    return cut;
  }

  /**
   * A failure of gzip data, as okio's GzipSource or the JDK's GZIPInputStream says it, in one
   * wording: {@code gzip body: not in gzip format}, {@code gzip body: invalid code lengths set}.
   */
  static String gzipProblem(String message) {
    if (message == null) return "gzip body: corrupt data";
    if (message.equals("Not in GZIP format") || message.startsWith("ID1ID2:")) return "gzip body: not in gzip format";
    if (message.equals("Corrupt GZIP trailer") || message.startsWith("CRC:") || message.startsWith("ISIZE:")) {
      return "gzip body: corrupt trailer (its checksum or length does not match the data)";
    }
    if (message.equals("Corrupt GZIP header") || message.startsWith("FHCRC:")) return "gzip body: corrupt header";
    String detail = message.startsWith(DATA_FORMAT) ? message.substring(DATA_FORMAT.length()) : message;
    return "gzip body: " + firstLine(detail);
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
