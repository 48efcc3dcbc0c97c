package io.crawlpipe.crawler.fetch;

import java.io.IOException;
import okhttp3.Connection;
import okhttp3.Interceptor;
import okhttp3.Response;

/**
 * The network interceptor of {@link SharedClient}'s clients, which holds OkHttp to what {@link
 * Http1Fetcher} does with a server that breaks HTTP/1.1's framing. Before a request is sent on a
 * connection, it checks that no bytes wait there that no request asked for ({@link
 * OkHttpConnections#unread}): such a connection is closed and the request fails with {@link
 * StaleConnection} before anything was sent, for {@link OkHttpFetcher} to send it again on
 * another.
 *
 * <p>Thread-safe; stateless but for the immutable {@link OkHttpConnections}.
 */
final class OkHttpExchangeGuard implements Interceptor {
  private final OkHttpConnections connections;

  OkHttpExchangeGuard(OkHttpConnections connections) {
    this.connections = java.util.Objects.requireNonNull(connections, "connections");
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
    return chain.proceed(chain.request());
  }
}
