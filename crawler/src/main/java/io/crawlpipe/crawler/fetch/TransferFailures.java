package io.crawlpipe.crawler.fetch;

import java.io.EOFException;
import java.io.IOException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipException;

/**
 * The words a transfer failure is given, the same from either client where both know as much:
 * OkHttp's, okio's and the JDK's messages put in {@link Http1Fetcher}'s. {@link FetchFailures}
 * classifies a failure and takes its message from here (or from {@link TlsFailures} for TLS).
 *
 * <p>Stateless and thread-safe. Arguments may not be null, but {@link #gzipProblem}'s message;
 * no method returns null, and every message returned is one line.
 */
final class TransferFailures {
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

  private TransferFailures() {}

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

  /** The first line of {@code message}, stripped: a result's error message is one line. */
  static String firstLine(String message) {
    int end = message.indexOf('\n');
    return (end < 0 ? message : message.substring(0, end)).strip();
  }
}
