package io.crawlpipe.crawler.fetch;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ProtocolException;
import java.net.Socket;
import java.util.Objects;
import javax.net.SocketFactory;
import okhttp3.Connection;

/**
 * Bounds what OkHttp reads ahead on an HTTP/1 connection without taking it. okio reads a
 * chunk-size line's hex digits, and the line after a chunk's data, without a limit: a server that
 * sends {@code 0} for ever after a chunked head filled the heap, and OkHttp's parser has no hook to
 * bound it. So the sockets of {@link #sockets()} refuse a read, with a {@link ReadAheadExceeded},
 * while the HTTP/1 connection that the reading thread's call holds ({@link #watch}) has more than
 * {@link #LIMIT} bytes read ahead and not yet parsed ({@link OkHttpConnections#buffered}). A body
 * is taken from that buffer as it arrives, a segment at a time, and OkHttp's own reader of a
 * response head stops at 256 KiB, so only a line of a chunked body's framing or trailer gets that
 * far. With TLS the socket read is the raw one under the TLS socket, on the same thread.
 *
 * <p>Thread-safe: what is watched is the calling thread's own.
 */
final class OkHttpReadAhead {
  /** The most bytes read ahead and not parsed: four times a response head's limit. */
  static final long LIMIT = 4L * Http1Connection.MAX_HEAD_BYTES;

  private final OkHttpConnections connections;
  private final ThreadLocal<Connection> watched = new ThreadLocal<>();
  private final SocketFactory sockets = new Sockets();

  OkHttpReadAhead(OkHttpConnections connections) {
    this.connections = Objects.requireNonNull(connections, "connections");
  }

  /** The factory of the client's sockets, whose reads are bounded. */
  SocketFactory sockets() {
    return sockets;
  }

  /** From now on the calling thread's reads are bounded by {@code connection}'s read-ahead, if it is HTTP/1. */
  void watch(Connection connection) {
    if (OkHttpConnections.isHttp1(connection)) watched.set(connection);
    else watched.remove();
  }

  /** The calling thread's call has ended: its reads are no longer bounded. */
  void unwatch() {
    watched.remove();
  }

  private void check() throws IOException {
    Connection connection = watched.get();
    if (connection != null && connections.buffered(connection) > LIMIT) throw new ReadAheadExceeded();
  }

  /**
   * A read refused: more than {@link #LIMIT} bytes read ahead and not parsed. With TLS it is thrown
   * under the TLS socket, whose failure then wraps it ({@link FetchFailures} looks for it there).
   */
  static final class ReadAheadExceeded extends ProtocolException {
    ReadAheadExceeded() {
      super("a line of the chunked body's framing is longer than " + LIMIT + " bytes");
    }
  }

  /** A socket whose input checks the read-ahead before each read. */
  private final class BoundedSocket extends Socket {
    private InputStream input;

    @Override
    public synchronized InputStream getInputStream() throws IOException {
      if (input == null) {
        input = new FilterInputStream(super.getInputStream()) {
          @Override
          public int read() throws IOException {
            check();
            return super.read();
          }

          @Override
          public int read(byte[] bytes, int offset, int length) throws IOException {
            check();
            return super.read(bytes, offset, length);
          }
        };
      }
      return input;
    }
  }

  /** Unconnected {@link BoundedSocket}s, as OkHttp asks for them, or connected ones. */
  private final class Sockets extends SocketFactory {
    @Override
    public Socket createSocket() {
      return new BoundedSocket();
    }

    @Override
    public Socket createSocket(String host, int port) throws IOException {
      return connected(new InetSocketAddress(host, port), null);
    }

    @Override
    public Socket createSocket(String host, int port, InetAddress localHost, int localPort) throws IOException {
      return connected(new InetSocketAddress(host, port), new InetSocketAddress(localHost, localPort));
    }

    @Override
    public Socket createSocket(InetAddress host, int port) throws IOException {
      return connected(new InetSocketAddress(host, port), null);
    }

    @Override
    public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort)
        throws IOException {
      return connected(new InetSocketAddress(address, port), new InetSocketAddress(localAddress, localPort));
    }

    private Socket connected(InetSocketAddress remote, InetSocketAddress local) throws IOException {
      Socket socket = new BoundedSocket();
      try {
        if (local != null) socket.bind(local);
        socket.connect(remote);
        return socket;
      } catch (IOException | RuntimeException e) {
        socket.close();
        throw e;
      }
    }
  }
}
