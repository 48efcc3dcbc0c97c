package io.crawlpipe.crawler.fetch;

import io.crawlpipe.crawler.Suppressed;
import java.io.EOFException;
import java.io.IOException;
import java.net.ProtocolException;
import okhttp3.Call;
import okhttp3.Connection;
import okhttp3.EventListener;
import okhttp3.Interceptor;
import okhttp3.Response;

/**
 * The network interceptor of {@link SharedClient}'s clients, which holds OkHttp to what {@link
 * Http1Fetcher} does with a server that breaks HTTP/1.1's framing. Before a request is sent on a
 * connection, it checks that no bytes wait there that no request asked for ({@link
 * OkHttpConnections#unread}; its {@link BodyEndCheck} already looked when the last body ended):
 * such a connection is closed and the request fails with {@link
 * StaleConnection} before anything was sent, for {@link OkHttpFetcher} to send it again on
 * another. After the response head, {@link OkHttpFraming} puts right what OkHttp's lenient
 * parsing left as it read it. A response head over 256 KiB fails in the words {@code http1} uses.
 *
 * <p>Thread-safe; stateless but for the immutable {@link OkHttpConnections}.
 */
final class OkHttpExchangeGuard implements Interceptor {
  private static final String HEAD_CUT = "unexpected end of stream on ";
  private static final String NO_LINE_END = "\\n not found: limit=";

  private final OkHttpConnections connections;

  OkHttpExchangeGuard(OkHttpConnections connections) {
    this.connections = java.util.Objects.requireNonNull(connections, "connections");
  }

  /**
   * The call's listener that retires its connection when the response body ends with bytes still
   * waiting behind it (a {@code Content-Length} too short, a second response in the same write):
   * OkHttp fires {@code responseBodyEnd} before it returns the connection to the pool, so such a
   * connection never waits there for the next request, and a pool of them cannot use up a
   * request's resends. Bytes that arrive later are caught before the next request ({@link
   * #intercept}). While the call holds its connection, the calling thread's reads are bounded by
   * {@link OkHttpReadAhead}. One per call.
   */
  static final class BodyEndCheck extends EventListener {
    private final OkHttpConnections connections;
    private final OkHttpReadAhead readAhead;
    private volatile Connection connection;

    BodyEndCheck(OkHttpConnections connections, OkHttpReadAhead readAhead) {
      this.connections = connections;
      this.readAhead = readAhead;
    }

    @Override
    public void connectionAcquired(Call call, Connection acquired) {
      connection = acquired;
      readAhead.watch(acquired);
    }

    @Override
    public void responseBodyEnd(Call call, long byteCount) {
      Connection ended = connection;
      if (ended != null && connections.unread(ended)) OkHttpConnections.retire(ended);
    }

    @Override
    public void connectionReleased(Call call, Connection released) {
      readAhead.unwatch();
    }

    @Override
    public void callFailed(Call call, IOException e) {
      readAhead.unwatch();
    }
  }

  /**
   * The request was not sent: the connection it was to go on had bytes waiting that no request
   * asked for (more than the server's last response framed, or a response sent unasked), and was
   * closed. Sending it again on another connection is safe.
   */
  static final class StaleConnection extends IOException {
    StaleConnection() {
      super("the server sent more than its responses framed on every connection tried");
    }
  }

  @Override
  public Response intercept(Chain chain) throws IOException {
    Connection connection = chain.connection();
    if (connection != null && connections.unread(connection)) {
      OkHttpConnections.retire(connection);
      throw new StaleConnection();
    }
    Response response;
    try {
      response = chain.proceed(chain.request());
    } catch (IOException e) {
      if (connection != null && headTooLong(e, connection)) {
        OkHttpConnections.retire(connection);
        throw new ProtocolException("response head is longer than " + Http1Connection.MAX_HEAD_BYTES + " bytes");
      }
      throw e;
    }
    try {
      return OkHttpRetryAfter.hide(OkHttpFraming.repair(response, connection));
    } catch (IOException | RuntimeException | Error e) {
      abandon(response, connection, e);
      throw e;
    }
  }

  /**
   * Closes {@code response}, which putting right failed on with {@code failure}, and its
   * connection if HTTP/1 ({@link OkHttpConnections#abandon}; the call holds it until the
   * interceptors return): handed on to no one, the response would hold the connection until the
   * garbage collector found it, and OkHttp would log it as leaked. Over HTTP/2 closing the response
   * resets its own stream only. What the close throws is added to {@code failure} ({@link
   * Suppressed#add}: not when it is {@code failure} itself).
   */
  private void abandon(Response response, Connection connection, Throwable failure) {
    if (connection != null) connections.abandon(connection);
    try {
      response.close();
    } catch (RuntimeException | Error closing) {
      Suppressed.add(failure, closing);
    }
  }

  /**
   * True when OkHttp's "unexpected end of stream" on reading a response head means the head
   * passed its 256 KiB limit, not that the connection ended. okio's line reader says {@code \n not
   * found: limit=L} either way, L being the smaller of the bytes buffered and the limit left; so
   * the limit, not the end of the stream, stopped it when more than L bytes are buffered.
   */
  private boolean headTooLong(IOException e, Connection connection) {
    String message = e.getMessage();
    if (message == null || !message.startsWith(HEAD_CUT) || !(e.getCause() instanceof EOFException cause)) return false;
    String detail = cause.getMessage();
    if (detail == null || !detail.startsWith(NO_LINE_END)) return false;
    int end = detail.indexOf(' ', NO_LINE_END.length());
    try {
      long limit = Long.parseLong(detail.substring(NO_LINE_END.length(), end < 0 ? detail.length() : end));
      return connections.buffered(connection) > limit;
    } catch (NumberFormatException notANumber) {
      return false;
    }
  }
}
