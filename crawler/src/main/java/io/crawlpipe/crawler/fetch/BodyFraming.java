package io.crawlpipe.crawler.fetch;

import java.net.ProtocolException;
import java.util.List;
import java.util.Objects;

/**
 * How a response body (not a 204's or 304's) is delimited: by chunks, by a length, by the
 * connection's close, or in a transfer coding no client decodes ({@code problem} says which).
 * {@link #http1} reads it as {@link Http1Connection} does, {@link #okhttp} as OkHttp's HTTP/1 codec
 * does, so that {@link OkHttpFraming} can tell when OkHttp framed a body otherwise. Immutable.
 *
 * @param length the body's length for {@link Kind#LENGTH}, else -1
 * @param problem why the body cannot be read, for {@link Kind#UNDECODABLE} only, else null
 */
record BodyFraming(Kind kind, long length, String problem) {
  enum Kind { CHUNKED, LENGTH, UNTIL_CLOSE, UNDECODABLE }

  static final BodyFraming CHUNKED = new BodyFraming(Kind.CHUNKED, -1, null);
  static final BodyFraming UNTIL_CLOSE = new BodyFraming(Kind.UNTIL_CLOSE, -1, null);

  BodyFraming {
    Objects.requireNonNull(kind, "kind");
    if ((kind == Kind.LENGTH) != (length >= 0)) throw new IllegalArgumentException("length " + length + " for " + kind);
    if ((kind == Kind.UNDECODABLE) != (problem != null)) throw new IllegalArgumentException("problem " + problem + " for " + kind);
  }

  static BodyFraming length(long length) {
    return new BodyFraming(Kind.LENGTH, length, null);
  }

  /**
   * As RFC 9112 §6.3 and {@link Http1Connection} read it, from the values of all the {@code
   * Transfer-Encoding} and of all the {@code Content-Length} lines each joined by {@code ", "}
   * (null: no such line): chunked when the transfer codings are one {@code chunked}, {@code
   * identity} being none; undecodable in any other coding; else by the length, else until the close.
   *
   * @throws ProtocolException for a {@code Transfer-Encoding} that lists no coding or {@code chunked}
   *     twice, or a malformed or conflicting {@code Content-Length} read for want of codings
   */
  static BodyFraming http1(String transferEncoding, String contentLength) throws ProtocolException {
    if (transferEncoding != null) {
      List<String> codings = ResponseHead.transferCodings(transferEncoding);
      if (codings.equals(List.of("chunked"))) return CHUNKED;
      if (!codings.isEmpty()) {
        return new BodyFraming(Kind.UNDECODABLE, -1, "unsupported Transfer-Encoding: " + ResponseHead.printable(transferEncoding));
      }
    }
    return contentLength == null ? UNTIL_CLOSE : length(ResponseHead.parseLength(contentLength));
  }

  /**
   * As OkHttp's HTTP/1 codec frames it, from the last {@code Transfer-Encoding} and the last {@code
   * Content-Length} value it read under exactly that name (null: none): chunked only when the first
   * is {@code chunked}, else by the second when it parses as a long that is not negative, else
   * until the close.
   */
  static BodyFraming okhttp(String lastTransferEncoding, String lastContentLength) {
    if ("chunked".equalsIgnoreCase(lastTransferEncoding)) return CHUNKED;
    if (lastContentLength == null) return UNTIL_CLOSE;
    try {
      long length = Long.parseLong(lastContentLength);
      return length < 0 ? UNTIL_CLOSE : length(length);
    } catch (NumberFormatException notALong) {
      return UNTIL_CLOSE;
    }
  }
}
