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
 * without end, servers that never answer, requests held until the test lets them go. Each route
 * writes its response to the socket itself; one request per connection. Routes are chosen by path
 * without the query; unknown paths (robots.txt included) get 404. Counts requests per route.
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
      String path = readRequestPath(socket.getInputStream()).split("\\?", 2)[0];
      requests.computeIfAbsent(path, p -> new AtomicInteger()).incrementAndGet();
      routes.getOrDefault(path, FaultServer::notFound).serve(socket, socket.getOutputStream());
    } catch (IOException | InterruptedException e) {
      // the client hung up or the server is closing: nothing to do
    }
  }

  /** Reads the request head and returns the path of its request line. */
  private static String readRequestPath(InputStream in) throws IOException {
    ByteArrayOutputStream head = new ByteArrayOutputStream();
    int last4 = 0;
    int b;
    while ((b = in.read()) != -1 && head.size() < 16_384) {
      head.write(b);
      last4 = (last4 << 8) | b;
      if (last4 == 0x0d0a0d0a) break;  // \r\n\r\n ends the head
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
