package io.crawlpipe.crawler.fetch;

import java.io.EOFException;
import java.io.IOException;
import java.net.ProtocolException;
import java.util.List;
import okhttp3.Connection;
import okhttp3.Headers;
import okhttp3.Response;
import okhttp3.ResponseBody;
import okio.Buffer;
import okio.ForwardingSource;
import okio.Okio;
import okio.Source;

/**
 * For {@link OkHttpFraming}: a response body OkHttp framed otherwise than {@link Http1Connection}
 * frames it ({@link BodyFraming}), because OkHttp read its framing headers otherwise: by the last
 * {@code Transfer-Encoding} or {@code Content-Length} line only, under its exact name (not {@code
 * Content-Length : 5}), without folded lines, and chunked only for exactly {@code chunked}. Put
 * right where it can be, else made a body that fails when read and whose HTTP/1 connection is
 * closed: never a timeout, nor the wrong bytes. Stateless.
 */
final class OkHttpBodyFraming {
  private OkHttpBodyFraming() {}

  /**
   * {@code response} (put right) with its body as {@link Http1Connection} frames it, when OkHttp,
   * reading {@code read} (its own head), framed it otherwise: a body OkHttp reads to the close and
   * {@code http1} by a length ({@code Content-Length : 5}, a folded one, {@code 88, 88}) is cut at
   * the length; any other difference ({@code Transfer-Encoding : chunked}, {@code identity,
   * chunked}, {@code gzip} then {@code chunked} on two lines) leaves a body that fails when read,
   * with {@code http1}'s words when it fails too, and the connection is closed. A malformed {@code
   * Transfer-Encoding} or {@code Content-Length} fails at once, as {@link BodyFraming#http1} does.
   */
  static Response framed(Headers read, Response response, Connection connection) throws IOException {
    BodyFraming http1;
    try {
      http1 = BodyFraming.http1(joined(response, "Transfer-Encoding"), joined(response, "Content-Length"));
    } catch (ProtocolException e) {
      OkHttpFraming.retire(connection);
      response.body().close();
      throw e;
    }
    BodyFraming okhttp = BodyFraming.okhttp(read.get("Transfer-Encoding"), read.get("Content-Length"));
    if (http1.equals(okhttp)) return response;
    ResponseBody body = response.body();
    if (http1.kind() == BodyFraming.Kind.LENGTH && okhttp.kind() == BodyFraming.Kind.UNTIL_CLOSE) {
      // OkHttp does not reuse a connection whose body ends with it.
      return response.newBuilder().body(ResponseBody.create(Okio.buffer(cut(body.source(), http1.length())),
          body.contentType(), http1.length())).build();
    }
    OkHttpFraming.retire(connection);
    body.close();
    String problem = http1.kind() == BodyFraming.Kind.UNDECODABLE ? http1.problem()
        : "okhttp cannot frame the body by '" + ResponseHead.printable(framingLines(read)) + "' as http1 does (use --client http1)";
    return response.newBuilder().body(ResponseBody.create(Okio.buffer(failing(problem)), body.contentType(), -1)).build();
  }

  /** The values of {@code name}'s lines joined by {@code ", "}, as {@link Http1Connection} joins them; null when none. */
  private static String joined(Response response, String name) {
    List<String> values = response.headers(name);
    return values.isEmpty() ? null : String.join(", ", values);
  }

  /** {@code source} ended after {@code length} bytes; one that ends before is an EOFException saying how much is missing. */
  private static Source cut(Source source, long length) {
    return new ForwardingSource(source) {
      private long left = length;

      @Override
      public long read(Buffer sink, long byteCount) throws IOException {
        if (left == 0) return -1;
        long n = super.read(sink, Math.min(byteCount, left));
        if (n < 0) throw new EOFException("connection closed with " + left + " bytes of the body unread");
        left -= n;
        return n;
      }
    };
  }

  /** A source whose every read is a ProtocolException saying {@code problem}. */
  private static Source failing(String problem) {
    return new ForwardingSource(new Buffer()) {
      @Override
      public long read(Buffer sink, long byteCount) throws IOException {
        throw new ProtocolException(problem);
      }
    };
  }

  /**
   * The {@code Transfer-Encoding} and {@code Content-Length} lines of {@code read} as sent, near
   * enough (a folded line's leading white space is one space), line ends written {@code \r\n}.
   */
  private static String framingLines(Headers read) {
    StringBuilder lines = new StringBuilder();
    boolean framing = false;
    for (int i = 0; i < read.size(); i++) {
      String name = read.name(i);
      boolean folded = name.isEmpty() || name.charAt(0) == ' ' || name.charAt(0) == '\t';
      if (!folded) framing = name.strip().equalsIgnoreCase("Transfer-Encoding") || name.strip().equalsIgnoreCase("Content-Length");
      if (!framing) continue;
      if (!lines.isEmpty()) lines.append("\\r\\n");
      String value = read.value(i);
      lines.append(name.isEmpty() ? " " + value : name + ":" + (value.isEmpty() ? "" : " " + value));
    }
    return lines.toString();
  }
}
