package io.crawlpipe.crawler.fetch;

import static java.nio.charset.StandardCharsets.ISO_8859_1;

import java.io.IOException;
import java.net.ConnectException;
import java.net.Socket;

/**
 * A {@code CONNECT} tunnel through an {@link HttpProxy} to an {@code https} origin, opened on a
 * socket already connected to the proxy (and guarded by the fetch's alarm); the TLS handshake with
 * the origin then runs over the same socket. Stateless.
 */
final class Http1Tunnel {
  private Http1Tunnel() {}

  /**
   * Asks {@code proxy} for a tunnel to {@code origin} over {@code socket}; returns once the proxy
   * agreed (2xx). Any other answer is a {@link ConnectException} naming the proxy and its status.
   */
  static void open(Socket socket, Origin origin, HttpProxy proxy) throws IOException {
    String authority = (origin.host().indexOf(':') >= 0 ? "[" + origin.host() + "]" : origin.host()) + ":" + origin.port();
    String authorization = proxy.authorization();
    String request = "CONNECT " + authority + " HTTP/1.1\r\nHost: " + authority + "\r\n"
        + (authorization == null ? "" : "Proxy-Authorization: " + authorization + "\r\n") + "\r\n";
    Http1Connection exchange = new Http1Connection(origin, socket, socket);
    exchange.send(request.getBytes(ISO_8859_1));
    int status = exchange.readHead().status();
    if (status < 200 || status > 299) {
      throw new ConnectException("proxy " + proxy + " answered " + status + " to CONNECT " + authority);
    }
  }
}
