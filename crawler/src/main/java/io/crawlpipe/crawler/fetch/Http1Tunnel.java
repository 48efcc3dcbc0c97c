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

  /** The proxy answered, but not with a tunnel: the same answer would come from its other addresses. */
  static final class Refused extends ConnectException {
    Refused(String message) {
      super(message);
    }
  }

  /**
   * Asks {@code proxy} for a tunnel to {@code origin} over {@code socket}; returns once the proxy
   * agreed (2xx). Any other answer, or bytes sent after it (the origin cannot have spoken yet), is
   * {@link Refused}, naming the proxy (never its credentials) and what it did.
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
      throw new Refused("proxy " + proxy + " answered " + status + " to CONNECT " + authority);
    }
    if (exchange.hasBuffered()) {
      throw new Refused("proxy " + proxy + " sent data after agreeing to CONNECT " + authority);
    }
  }
}
