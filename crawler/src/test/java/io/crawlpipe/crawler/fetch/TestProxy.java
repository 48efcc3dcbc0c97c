package io.crawlpipe.crawler.fetch;

import static java.nio.charset.StandardCharsets.ISO_8859_1;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * An HTTP proxy on 127.0.0.1 for tests. A request in absolute form is answered by the proxy itself,
 * with a text body naming the request line it got ({@code via proxy: GET http://... HTTP/1.1}); a
 * {@code CONNECT host:port} is tunnelled to that port on 127.0.0.1. With {@link #requireAuthorization}
 * a request without that {@code Proxy-Authorization} gets a 407 with a Basic challenge; {@link
 * #refuseTunnels} answers every {@code CONNECT} with a status, and {@link #sendAfterTunnel} sends
 * bytes of its own after agreeing to one. Every request head is kept, in order.
 */
final class TestProxy implements AutoCloseable {
  private final ServerSocket server;
  private final ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();
  private final List<String> heads = new CopyOnWriteArrayList<>();
  private final List<Socket> sockets = new CopyOnWriteArrayList<>();
  private volatile String requiredAuthorization;
  private volatile int tunnelRefusal;
  private volatile String afterTunnel = "";

  TestProxy() throws IOException {
    server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    threads.submit(this::accept);
  }

  String url() {
    return "http://127.0.0.1:" + server.getLocalPort();
  }

  /** Request heads received, oldest first. */
  List<String> heads() {
    return heads;
  }

  void requireAuthorization(String value) {
    requiredAuthorization = value;
  }

  void refuseTunnels(int status) {
    tunnelRefusal = status;
  }

  /** Sends {@code text} right after agreeing to a tunnel, as a broken proxy might. */
  void sendAfterTunnel(String text) {
    afterTunnel = text;
  }

  private void accept() {
    try {
      while (true) {
        Socket socket = server.accept();
        sockets.add(socket);
        threads.submit(() -> serve(socket));
      }
    } catch (IOException closed) {
      // the test is over
    }
  }

  private void serve(Socket socket) {
    try (socket) {
      InputStream in = socket.getInputStream();
      OutputStream out = socket.getOutputStream();
      for (String head; (head = readHead(in)) != null; ) {
        heads.add(head);
        String requestLine = head.substring(0, head.indexOf("\r\n"));
        String required = requiredAuthorization;
        if (required != null && !head.contains("\r\nProxy-Authorization: " + required + "\r\n")) {
          out.write(("HTTP/1.1 407 Proxy Authentication Required\r\nProxy-Authenticate: Basic realm=\"test\"\r\n"
              + "Content-Length: 0\r\n\r\n").getBytes(ISO_8859_1));
        } else if (requestLine.startsWith("CONNECT ")) {
          tunnel(requestLine, in, out);
          return;
        } else {
          byte[] body = ("via proxy: " + requestLine).getBytes(ISO_8859_1);
          out.write(("HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: " + body.length + "\r\n\r\n")
              .getBytes(ISO_8859_1));
          out.write(body);
        }
        out.flush();
      }
    } catch (IOException e) {
      // the client went away
    }
  }

  private void tunnel(String requestLine, InputStream in, OutputStream out) throws IOException {
    if (tunnelRefusal != 0) {
      out.write(("HTTP/1.1 " + tunnelRefusal + " Refused\r\nContent-Length: 0\r\n\r\n").getBytes(ISO_8859_1));
      return;
    }
    String authority = requestLine.split(" ")[1];
    int port = Integer.parseInt(authority.substring(authority.lastIndexOf(':') + 1));
    try (Socket target = new Socket(InetAddress.getLoopbackAddress(), port)) {
      out.write(("HTTP/1.1 200 Connection established\r\n\r\n" + afterTunnel).getBytes(ISO_8859_1));
      out.flush();
      threads.submit(() -> copy(target.getInputStream(), out));
      copy(in, target.getOutputStream());
    }
  }

  private static Void copy(InputStream from, OutputStream to) throws IOException {
    try {
      from.transferTo(to);
    } catch (IOException e) {
      // one side closed
    }
    return null;
  }

  /** A request head up to its blank line, read a byte at a time (nothing of a tunnel is read ahead); null at the end. */
  private static String readHead(InputStream in) throws IOException {
    ByteArrayOutputStream head = new ByteArrayOutputStream();
    for (int b; (b = in.read()) >= 0; ) {
      head.write(b);
      String text = head.toString(ISO_8859_1);
      if (text.endsWith("\r\n\r\n")) return text;
    }
    return null;
  }

  @Override
  public void close() throws IOException {
    server.close();
    for (Socket socket : sockets) socket.close();
    threads.shutdownNow();
  }
}
