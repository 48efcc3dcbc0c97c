package io.crawlpipe.crawler.fetch;

import java.io.IOException;
import java.net.ProtocolException;
import java.util.List;
import okhttp3.Connection;
import okhttp3.Headers;
import okhttp3.Response;
import okhttp3.ResponseBody;
import okio.Okio;

/**
 * Puts right, in a response head as OkHttp read it, what {@link Http1Connection} reads otherwise,
 * so that both clients give the same result: a header name with spaces around it ({@code
 * Content-Type : text/html}) as the name; an obsolete folded line as part of the header above it
 * (OkHttp keeps it as a header with no name); a {@code Content-Length} list ({@code 88, 88}) as
 * its one length, and conflicting ones ({@code 5} and {@code 92}) or malformed ones ({@code abc},
 * {@code +44}) as an error; a body OkHttp framed otherwise than {@code http1} by the framing headers
 * so put right ({@link OkHttpBodyFraming}); a {@code 101 Switching Protocols} as an error; no body for a 204 or
 * 304, whatever it declares (OkHttp reads a 304's as the page); and decodes gzip itself ({@link
 * GzipBodySource}, an empty body being empty) in place of OkHttp's BridgeInterceptor, which sees no
 * {@code Content-Encoding} after this and decodes nothing. What OkHttp decided before a network
 * interceptor sees the response cannot be put right here (see docs/HTTP.md).
 *
 * <p>An HTTP/1 connection whose framing turns out wrong is closed, not reused. Stateless.
 */
final class OkHttpFraming {
  private OkHttpFraming() {}

  /** {@code response}, fresh from the network on {@code connection} (null: unknown), put right. */
  static Response repair(Response response, Connection connection) throws IOException {
    if (response.code() >= 100 && response.code() < 200) refuseInterim(response, connection);
    Headers unfolded = unfolded(response.headers());
    Response fixed = unfolded == null ? response : response.newBuilder().headers(unfolded).build();
    List<String> lengths = fixed.headers("Content-Length");
    if (lengths.stream().anyMatch(length -> length.strip().startsWith("-"))) {
      return fixed; // OkHttpFetcher refuses it; OkHttp fails on such a body even when closing it
    }
    boolean gzip = ContentCodings.isGzip(String.join(", ", fixed.headers("Content-Encoding")));
    boolean noBody = fixed.code() == 204 || fixed.code() == 304;
    if (noBody) {
      if (fixed.body().contentLength() == 0 && !gzip) return fixed;
      if (fixed.body().contentLength() != 0) retire(connection); // what follows the head is not this response's
      fixed.body().close();
    } else {
      fixed = OkHttpBodyFraming.framed(response.headers(), fixed, connection);
    }
    if (!noBody && !gzip) return fixed;
    Response.Builder builder = fixed.newBuilder();
    // Without the headers of the encoding once decoded, as OkHttp's own decoding leaves them.
    if (gzip) builder.headers(fixed.headers().newBuilder().removeAll("Content-Encoding").removeAll("Content-Length").build());
    ResponseBody body = fixed.body();
    return builder.body(noBody ? ResponseBody.create(new byte[0], body.contentType())
        : ResponseBody.create(Okio.buffer(new GzipBodySource(body.source())), body.contentType(), -1)).build();
  }

  /**
   * Fails on an interim (1xx) response, which OkHttp hands on only for a {@code 101 Switching
   * Protocols} (it reads past the others): crawlpipe asked for no upgrade, so what follows on the
   * connection is not HTTP, and the connection is closed. In {@link Http1Connection}'s words.
   */
  private static void refuseInterim(Response response, Connection connection) throws ProtocolException {
    retire(connection);
    response.body().close();
    throw new ProtocolException(response.code() == 101 ? "unexpected 101 Switching Protocols"
        : "unexpected interim response " + response.code());
  }

  /**
   * {@code headers} with names stripped and each obsolete folded line joined to the header above
   * it by a space, as {@link Http1Connection} reads them; null when no name needs it (the usual
   * case, found without building anything). OkHttp stores a folded line with no colon as a header
   * with an empty name, and one with a colon under a name that starts with a space; a line with no
   * colon that is not folded looks the same as the first, and is joined too ({@code http1} drops it).
   */
  static Headers unfolded(Headers headers) {
    boolean needed = false;
    for (int i = 0; i < headers.size() && !needed; i++) {
      String name = headers.name(i);
      needed = name.isEmpty() || name.charAt(0) <= ' ' || name.charAt(name.length() - 1) <= ' ';
    }
    if (!needed) return null;
    Headers.Builder builder = new Headers.Builder();
    String lastName = null;
    StringBuilder lastValue = null;
    for (int i = 0; i < headers.size(); i++) {
      String name = headers.name(i);
      String value = headers.value(i);
      boolean folded = name.isEmpty() || name.charAt(0) == ' ' || name.charAt(0) == '\t';
      if (folded) {
        String line = name.isEmpty() ? value : name.strip() + ": " + value;
        if (lastValue != null && !line.isEmpty() && (!name.isEmpty() || continues(lastValue, line))) {
          if (!lastValue.isEmpty()) lastValue.append(' ');
          lastValue.append(line);
        }
        continue;
      }
      if (lastName != null) add(builder, lastName, lastValue.toString());
      lastName = name.strip();
      lastValue = new StringBuilder(value);
    }
    if (lastName != null) add(builder, lastName, lastValue.toString());
    return builder.build();
  }

  /**
   * Whether a line OkHttp read without a colon continues the value above it (a folded line, its
   * leading space lost) rather than being a line that is no header (which {@code http1} drops): it
   * is taken to be folded when the value above is empty ({@code Content-Encoding:} with its value
   * on the next line) or ends in {@code ;} or {@code ,}, or when it holds a space, {@code =}, {@code
   * ;} or {@code ,} (a parameter, a date's rest); a lone word after a value is dropped.
   */
  private static boolean continues(CharSequence above, String line) {
    if (above.isEmpty()) return true;
    char end = above.charAt(above.length() - 1);
    return end == ';' || end == ',' || line.chars().anyMatch(c -> c == ' ' || c == '\t' || c == '=' || c == ';' || c == ',');
  }

  /** Adds the header, unless its name is one OkHttp builds no header with (it only read it leniently). */
  private static void add(Headers.Builder builder, String name, String value) {
    try {
      builder.addUnsafeNonAscii(name, value);
    } catch (IllegalArgumentException notAName) {
      // Dropped: a name with a space or control character inside names nothing we read.
    }
  }

  /**
   * Closes {@code connection} (null: unknown) if it is HTTP/1, where what follows a badly framed
   * response is not the next one's. An HTTP/2 connection carries other fetches' streams, and each
   * stream is framed on its own: closing the response resets its stream alone.
   */
  static void retire(Connection connection) {
    if (connection != null && OkHttpConnections.isHttp1(connection)) OkHttpConnections.retire(connection);
  }
}
