package io.crawlpipe.crawler.fetch;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import javax.net.ServerSocketFactory;

/**
 * A server on 127.0.0.1 that answers each request head it reads with the next canned reply, byte
 * for byte as given, so tests can send what MockWebServer will not (odd framing, broken heads).
 * Records each request head and counts connections. Thread-safe.
 */
final class RawHttpServer implements AutoCloseable {
  /**
   * Bytes to write for one request, then whether to close the connection; {@code repeated} (null:
   * none), written after them again and again until the client goes away or {@link #ENDLESS_FOR}
   * passes, after which the connection is closed.
   */
  record Reply(byte[] bytes, boolean close, byte[] repeated) {
    Reply(byte[] bytes, boolean close) {
      this(bytes, close, null);
    }
  }

  /** How long a reply with a repeated tail is written at most: the server stops by itself. */
  private static final long ENDLESS_FOR = TimeUnit.SECONDS.toNanos(30);

  private final ServerSocket server;
  private final boolean https;
  private final BlockingQueue<Reply> replies = new LinkedBlockingQueue<>();
  private final List<String> requests = new CopyOnWriteArrayList<>();
  private final List<Socket> sockets = new CopyOnWriteArrayList<>();
  private final AtomicInteger connections = new AtomicInteger();
  private final AtomicLong sent = new AtomicLong();
  private final AtomicInteger repeating = new AtomicInteger();

  RawHttpServer() throws IOException {
    this(ServerSocketFactory.getDefault());
  }

  /** A server whose sockets come from {@code sockets}: an SSLServerSocketFactory makes it speak TLS. */
  RawHttpServer(ServerSocketFactory sockets) throws IOException {
    server = sockets.createServerSocket(0, 50, InetAddress.getLoopbackAddress());
    https = server instanceof javax.net.ssl.SSLServerSocket;
    Thread.ofVirtual().start(this::acceptLoop);
  }

  /** Queues {@code raw} (ISO-8859-1) as the reply to the next request; the connection stays open. */
  void enqueue(String raw) {
    replies.add(new Reply(raw.getBytes(ISO_8859_1), false));
  }

  /** Queues {@code raw} encoded as UTF-8, as servers send non-ASCII header values; the connection stays open. */
  void enqueueUtf8(String raw) {
    replies.add(new Reply(raw.getBytes(UTF_8), false));
  }

  /** Queues {@code raw}, after which the server closes the connection. */
  void enqueueThenClose(String raw) {
    replies.add(new Reply(raw.getBytes(ISO_8859_1), true));
  }

  /**
   * Queues {@code raw}, then {@code repeated} written for ever after it (both ISO-8859-1): an endless
   * response, until the client closes the connection (or 30 s pass). {@link #bytesSent} counts it.
   */
  void enqueueThenRepeat(String raw, String repeated) {
    replies.add(new Reply(raw.getBytes(ISO_8859_1), false, repeated.getBytes(ISO_8859_1)));
  }

  /** How many endless replies are being written: until the client closes their connection. */
  int repeating() {
    return repeating.get();
  }

  /** The bytes of replies written so far, endless ones included. */
  long bytesSent() {
    return sent.get();
  }

  /** Writes {@code raw} (ISO-8859-1) unasked on the newest connection, which stays open. */
  void sendUnasked(String raw) throws IOException {
    Socket socket = sockets.getLast();
    socket.getOutputStream().write(raw.getBytes(ISO_8859_1));
    socket.getOutputStream().flush();
  }

  /**
   * Writes {@code raw} (ISO-8859-1) unasked on the newest connection, as a server does to an idle
   * one it times out, then closes that connection.
   */
  void sendUnaskedThenClose(String raw) throws IOException {
    Socket socket = sockets.getLast();
    socket.getOutputStream().write(raw.getBytes(ISO_8859_1));
    socket.getOutputStream().flush();
    socket.close();
  }

  String url(String path) {
    return (https ? "https" : "http") + "://127.0.0.1:" + server.getLocalPort() + path;
  }

  int connectionCount() {
    return connections.get();
  }

  /** The request heads read so far, in order. */
  List<String> requests() {
    return List.copyOf(requests);
  }

  private void acceptLoop() {
    try {
      while (true) {
        Socket socket = server.accept();
        connections.incrementAndGet();
        sockets.add(socket);
        Thread.ofVirtual().start(() -> serve(socket));
      }
    } catch (IOException closed) {
      // The server was closed.
    }
  }

  private void serve(Socket socket) {
    try (socket; InputStream in = socket.getInputStream(); OutputStream out = socket.getOutputStream()) {
      while (true) {
        String head = readHead(in);
        if (head == null) return;
        requests.add(head);
        Reply reply = replies.poll(10, TimeUnit.SECONDS);
        if (reply == null) return;
        out.write(reply.bytes());
        out.flush();
        sent.addAndGet(reply.bytes().length);
        if (reply.repeated() != null) repeat(out, reply.repeated());
        if (reply.close() || reply.repeated() != null) return;
      }
    } catch (IOException | InterruptedException e) {
      // The client went away or the test ended.
    }
  }

  /** Writes {@code bytes} again and again: ends when the client goes away (an IOException) or after {@link #ENDLESS_FOR}. */
  private void repeat(OutputStream out, byte[] bytes) throws IOException {
    repeating.incrementAndGet();
    try {
      for (long start = System.nanoTime(); System.nanoTime() - start < ENDLESS_FOR; ) {
        out.write(bytes);
        sent.addAndGet(bytes.length);
      }
    } finally {
      repeating.decrementAndGet();
    }
  }

  private static String readHead(InputStream in) throws IOException {
    ByteArrayOutputStream head = new ByteArrayOutputStream();
    int matched = 0;
    for (int b; (b = in.read()) >= 0; ) {
      head.write(b);
      matched = (b == "\r\n\r\n".charAt(matched)) ? matched + 1 : (b == '\r' ? 1 : 0);
      if (matched == 4) return head.toString(ISO_8859_1);
    }
    return null;
  }

  @Override
  public void close() throws IOException {
    server.close();
    for (Socket socket : sockets) socket.close();
  }
}
