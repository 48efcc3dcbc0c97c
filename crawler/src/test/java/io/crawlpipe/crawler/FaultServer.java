package io.crawlpipe.crawler;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A raw HTTP/1.1 server on 127.0.0.1 for behaviours MockWebServer cannot give: bodies streamed
 * without end, servers that never answer, and counting requests handled at once. Each route writes
 * its response to the socket itself; one request per connection. Unknown paths (robots.txt
 * included) get 404. Counts requests per path and the most requests handled at once.
 */
final class FaultServer implements AutoCloseable {
  /** Serves one request; may block, stream forever (until the client hangs up) or close abruptly. */
  @FunctionalInterface
  interface Route {
    void serve(Socket socket, OutputStream out) throws IOException, InterruptedException;
  }

  private final ServerSocket server;
  private final Map<String, Route> routes;
  private final ExecutorService connections = Executors.newVirtualThreadPerTaskExecutor();
  private final Map<String, AtomicInteger> requests = new ConcurrentHashMap<>();
  private final AtomicInteger inFlight = new AtomicInteger();
  private final AtomicInteger maxInFlight = new AtomicInteger();

  FaultServer(Map<String, Route> routes) throws IOException {
    this.routes = Map.copyOf(routes);
    this.server = new ServerSocket(0, 200, InetAddress.getLoopbackAddress());
    connections.execute(this::acceptLoop);
  }

  String url(String path) {
    return "http://127.0.0.1:" + server.getLocalPort() + path;
  }

  int requests(String path) {
    AtomicInteger n = requests.get(path);
    return n == null ? 0 : n.get();
  }

  /** Requests being served right now. */
  int inFlight() {
    return inFlight.get();
  }

  /** The most requests that were being served at the same moment. */
  int maxInFlight() {
    return maxInFlight.get();
  }

  private void acceptLoop() {
    while (!server.isClosed()) {
      try {
        Socket socket = server.accept();
        connections.execute(() -> handle(socket));
      } catch (IOException e) {
        return;  // closed
      }
    }
  }

  private void handle(Socket socket) {
    try (socket) {
      String path = readRequestPath(socket.getInputStream());
      requests.computeIfAbsent(path, p -> new AtomicInteger()).incrementAndGet();
      maxInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
      try {
        routes.getOrDefault(path, FaultServer::notFound).serve(socket, socket.getOutputStream());
      } finally {
        inFlight.decrementAndGet();
      }
    } catch (IOException | InterruptedException e) {
      // the client hung up or the server is closing: nothing to do
    }
  }

  /** Reads the request head and returns the path of its request line. */
  private static String readRequestPath(InputStream in) throws IOException {
    ByteArrayOutputStream head = new ByteArrayOutputStream();
    int b;
    while ((b = in.read()) != -1) {
      head.write(b);
      byte[] bytes = head.toByteArray();
      int n = bytes.length;
      if (n >= 4 && bytes[n - 4] == '\r' && bytes[n - 3] == '\n' && bytes[n - 2] == '\r' && bytes[n - 1] == '\n') break;
    }
    String requestLine = head.toString(StandardCharsets.ISO_8859_1).lines().findFirst().orElse("");
    String[] parts = requestLine.split(" ");
    return parts.length > 1 ? parts[1] : "";
  }

  /** Writes a status line and headers (Connection: close is added). */
  static void head(OutputStream out, int status, String... headers) throws IOException {
    StringBuilder h = new StringBuilder("HTTP/1.1 ").append(status).append(" X\r\nConnection: close\r\n");
    for (String header : headers) h.append(header).append("\r\n");
    out.write(h.append("\r\n").toString().getBytes(StandardCharsets.ISO_8859_1));
    out.flush();
  }

  /** A complete response with a body. */
  static void respond(OutputStream out, int status, String contentType, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    head(out, status, "Content-Type: " + contentType, "Content-Length: " + bytes.length);
    out.write(bytes);
    out.flush();
  }

  private static void notFound(Socket socket, OutputStream out) throws IOException {
    respond(out, 404, "text/plain", "not found");
  }

  @Override
  public void close() throws IOException {
    server.close();
    connections.shutdownNow();
  }
}
