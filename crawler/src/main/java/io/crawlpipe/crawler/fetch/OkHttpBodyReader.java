package io.crawlpipe.crawler.fetch;

import io.crawlpipe.parser.ContentTypes;
import java.io.EOFException;
import java.io.IOException;
import java.net.ProtocolException;
import okhttp3.HttpUrl;
import okhttp3.Response;
import okhttp3.ResponseBody;
import okio.Buffer;
import okio.BufferedSource;

/**
 * Whether {@link OkHttpFetcher} reads a response's body, and the reading: in chunks, abandoned as
 * soon as it passes {@code maxBytes} of decoded bytes, so an oversized or endless body is never
 * held whole; a body cut short fails in {@link Http1Fetcher}'s words.
 *
 * <p>Stateless and thread-safe; a body is read by one thread. Arguments may not be null.
 */
final class OkHttpBodyReader {
  private static final int CHUNK = 16 * 1024;
  private static final String BODY_CUT = "unexpected end of stream";

  private OkHttpBodyReader() {}

  /**
   * True when the body of {@code response} to {@code url}, in content coding {@code coding}
   * (nullable: none), is read: a {@code /robots.txt} always is; any other only when its content
   * type is textual ({@link ContentTypes#isTextual}) and its coding one crawlpipe decodes.
   */
  static boolean reads(HttpUrl url, Response response, String coding) {
    return isRobotsTxt(url) || (ContentTypes.isTextual(response.header("Content-Type"))
        && ContentCodings.of(coding) != ContentCodings.Coding.NOT_DECODED);
  }

  /**
   * The response's Content-Encoding lines joined as one list, as {@code http1} reads them; null
   * when it has none, as after {@link OkHttpFraming} took away the header of a body it decodes.
   */
  static String contentEncoding(Response response) {
    return response.header("Content-Encoding") == null ? null : String.join(", ", response.headers("Content-Encoding"));
  }

  /** True for a host's {@code /robots.txt}, whose body is read whatever its content type. */
  private static boolean isRobotsTxt(HttpUrl url) {
    return url.encodedPath().equals("/robots.txt") && url.encodedQuery() == null;
  }

  /**
   * {@code body}, the response to {@code url}, read whole, its reading reported to {@code
   * progress}. A {@code too_large} FetchException past {@code maxBytes}; an IOException when the
   * transfer fails or the body ends before its length.
   */
  static byte[] read(String url, ResponseBody body, FetchProgress progress, long maxBytes) throws IOException {
    if (body.contentLength() > maxBytes) {
      throw FetchFailures.tooLarge(url, "declared " + body.contentLength(), maxBytes);
    }
    progress.readingBody(body.contentLength());
    BufferedSource source = body.source();
    Buffer buffer = new Buffer();
    try {
      while (source.read(buffer, CHUNK) != -1) {
        progress.bodyRead(buffer.size());
        if (buffer.size() > maxBytes) {
          buffer.clear();
          throw FetchFailures.tooLarge(url, "more than " + maxBytes, maxBytes);
        }
      }
    } catch (ProtocolException e) {
      // OkHttp's words for a body of known length cut short; http1 says how much is missing.
      if (!BODY_CUT.equals(e.getMessage()) || body.contentLength() < 0) throw e;
      throw unread(body.contentLength() - buffer.size());
    } catch (EOFException e) {
      // okio's, without a word, when a chunked body ends where its next chunk size should be.
      if (e.getMessage() != null) throw e;
      throw new EOFException("connection closed before the body ended");
    }
    // OkHttp's HTTP/2 codec ends a body at the stream's end whatever its Content-Length (HTTP/1 framing
    // fails above); -1 for a body without one, or with one of the gzip bytes that GzipBodySource decodes.
    if (body.contentLength() > buffer.size()) throw unread(body.contentLength() - buffer.size());
    return buffer.readByteArray();
  }

  /** A body of known length that ended {@code missing} bytes early, in {@link Http1Fetcher}'s words. */
  private static EOFException unread(long missing) {
    return new EOFException("connection closed with " + missing + " bytes of the body unread");
  }
}
