package io.crawlpipe.bench;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.Writer;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A deterministic local site for benchmarks, bound to 127.0.0.1: {@code /page/N} (N in
 * 0..pages-1, any query string ignored) is an HTML page titled "Page N", padded to about
 * {@code size} bytes, answered after {@code latency}; anything else is 404. A minimal HTTP/1.1
 * keep-alive server with one virtual thread per connection, so it is not the bottleneck and
 * latency costs no carrier thread. With {@code hosts} above 1 it listens on that many ports, each
 * port a host of its own to a crawler (its politeness, robots.txt and connections are per
 * host and port), all serving the same pages; {@code /robots.txt} is 404 everywhere, so every page
 * is allowed. Thread-safe; {@link #close()} stops it.
 */
public final class SyntheticSite implements AutoCloseable {
  private static final byte[] NOT_FOUND =
      "HTTP/1.1 404 Not Found\r\nContent-Type: text/plain\r\nContent-Length: 0\r\n\r\n".getBytes(StandardCharsets.US_ASCII);
  private final List<ServerSocket> servers = new ArrayList<>();
  private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
  private final int pages;
  private final Duration latency;
  private final byte[] head = "<!doctype html><html><head><meta charset=\"utf-8\"><title>Page ".getBytes(StandardCharsets.US_ASCII);
  private final byte[] tail;

  /** One host: {@code port} 0 picks a free one. */
  public SyntheticSite(int port, int pages, int size, Duration latency) throws IOException {
    this(port, 1, pages, size, latency);
  }

  /** {@code hosts} hosts on consecutive ports from {@code port}, or on free ones if it is 0. */
  public SyntheticSite(int port, int hosts, int pages, int size, Duration latency) throws IOException {
    if (hosts < 1) throw new IllegalArgumentException("hosts must be at least 1, was " + hosts);
    this.pages = pages;
    this.latency = latency;
    this.tail = tail(size);
    try {
      for (int i = 0; i < hosts; i++) {
        ServerSocket server = new ServerSocket(port == 0 ? 0 : port + i, 4096, InetAddress.getLoopbackAddress());
        servers.add(server);
        executor.execute(() -> acceptLoop(server));
      }
    } catch (IOException e) {
      close();
      throw e;
    }
  }

  private static byte[] tail(int size) {
    StringBuilder body = new StringBuilder("</title></head><body><h1>Synthetic</h1>\n");
    String para = "<p>Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor.</p>\n";
    while (body.length() + para.length() + 20 < size) body.append(para);
    return body.append("</body></html>\n").toString().getBytes(StandardCharsets.US_ASCII);
  }

  /** The first host's base URL, e.g. {@code http://127.0.0.1:41234}. */
  public String baseUrl() {
    return baseUrl(0);
  }

  private String baseUrl(int host) {
    return "http://127.0.0.1:" + servers.get(host).getLocalPort();
  }

  private void acceptLoop(ServerSocket server) {
    while (!server.isClosed()) {
      try {
        Socket socket = server.accept();
        executor.execute(() -> serve(socket));
      } catch (IOException e) {
        return; // closed
      }
    }
  }

  /** HTTP/1.1 keep-alive on one connection: GET requests only, which is all a crawler sends. */
  private void serve(Socket socket) {
    try (socket; InputStream in = new BufferedInputStream(socket.getInputStream(), 8192);
         OutputStream out = new BufferedOutputStream(socket.getOutputStream(), 64 * 1024)) {
      socket.setTcpNoDelay(true);
      String requestLine;
      while ((requestLine = readLine(in)) != null) {
        boolean close = false;
        for (String header; (header = readLine(in)) != null && !header.isEmpty(); ) {
          if (header.regionMatches(true, 0, "connection: close", 0, 17)) close = true;
        }
        if (!latency.isZero()) Thread.sleep(latency); // the simulated server latency itself
        respond(out, requestLine);
        out.flush();
        if (close) return;
      }
    } catch (IOException | InterruptedException e) {
      // client went away or the site is closing
    }
  }

  private void respond(OutputStream out, String requestLine) throws IOException {
    int sp1 = requestLine.indexOf(' ');
    int sp2 = requestLine.indexOf(' ', sp1 + 1);
    int n = sp1 < 0 || sp2 < 0 ? -1 : pageNumber(requestLine.substring(sp1 + 1, sp2));
    if (n < 0) {
      out.write(NOT_FOUND);
      return;
    }
    byte[] number = Integer.toString(n).getBytes(StandardCharsets.US_ASCII);
    String headers = "HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\nContent-Length: "
        + (head.length + number.length + tail.length) + "\r\n\r\n";
    out.write(headers.getBytes(StandardCharsets.US_ASCII));
    out.write(head);
    out.write(number);
    out.write(tail);
  }

  private static String readLine(InputStream in) throws IOException {
    StringBuilder line = new StringBuilder(64);
    for (int b; (b = in.read()) != -1; ) {
      if (b == '\n') return line.toString();
      if (b != '\r') line.append((char) b);
    }
    return line.isEmpty() ? null : line.toString();
  }

  private int pageNumber(String target) {
    int query = target.indexOf('?');
    String path = query < 0 ? target : target.substring(0, query);
    if (!path.startsWith("/page/")) return -1;
    try {
      int n = Integer.parseInt(path.substring(6));
      return n >= 0 && n < pages ? n : -1;
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  /**
   * Writes {@code count} page URLs (cycling through the pages, and through the hosts in turn) to
   * {@code file}, one per line.
   */
  public void writeList(Path file, long count) throws IOException {
    try (Writer w = Files.newBufferedWriter(file)) {
      for (long i = 0; i < count; i++) {
        w.write(baseUrl((int) (i % servers.size())));
        w.write("/page/");
        w.write(Long.toString(i % pages));
        if (i >= pages) w.write("?r=" + i); // distinct lines beyond the page count
        w.write('\n');
      }
    }
  }

  @Override
  public void close() throws IOException {
    for (ServerSocket server : servers) server.close();
    executor.shutdownNow();
  }

  /**
   * {@code SyntheticSite [--port P] [--hosts H] [--pages N] [--size BYTES] [--latency-ms MS] [--list FILE --count C]}:
   * serves until stdin closes (or is killed); prints the first host's base URL on stdout first.
   */
  public static void main(String[] args) throws IOException {
    Args a = Args.parse(args);
    try (SyntheticSite site = new SyntheticSite(a.port(), a.hosts(), a.pages(), a.size(), Duration.ofMillis(a.latencyMs()))) {
      if (a.list() != null) site.writeList(Path.of(a.list()), a.count());
      PrintStream out = System.out;
      out.println(site.baseUrl());
      out.flush();
      while (System.in.read() != -1) {
        // serve until our stdin is closed by the benchmark driver
      }
    }
  }

  record Args(int port, int hosts, int pages, int size, long latencyMs, String list, long count) {
    static Args parse(String[] args) {
      int port = 0, hosts = 1, pages = 1000, size = 30 * 1024;
      long latency = 0, count = -1;
      String list = null;
      for (int i = 0; i + 1 < args.length; i += 2) {
        switch (args[i]) {
          case "--port" -> port = Integer.parseInt(args[i + 1]);
          case "--hosts" -> hosts = Integer.parseInt(args[i + 1]);
          case "--pages" -> pages = Integer.parseInt(args[i + 1]);
          case "--size" -> size = Integer.parseInt(args[i + 1]);
          case "--latency-ms" -> latency = Long.parseLong(args[i + 1]);
          case "--list" -> list = args[i + 1];
          case "--count" -> count = Long.parseLong(args[i + 1]);
          default -> throw new IllegalArgumentException("unknown option " + args[i]);
        }
      }
      return new Args(port, hosts, pages, size, latency, list, count < 0 ? pages : count);
    }
  }
}
