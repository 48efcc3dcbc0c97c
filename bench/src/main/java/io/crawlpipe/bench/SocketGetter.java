package io.crawlpipe.bench;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;

/**
 * The {@code socket} floor's getter: one keep-alive connection to the list's one host, opened on
 * first use, and a hand-written HTTP/1.1 GET that understands only {@code Content-Length} framing
 * (all the synthetic site sends). Single-threaded.
 */
class SocketGetter implements FetchFloor.Getter {
  private Socket socket;
  private InputStream in;
  private OutputStream out;

  /** A 200 response's {@code Content-Type} (null if none) and body. */
  record Response(String contentType, byte[] body) {}

  @Override
  public long get(String url) throws IOException {
    return exchange(url).body().length;
  }

  /** GETs {@code url} over this getter's connection; anything but a 200 fails, naming the URL. */
  final Response exchange(String url) throws IOException {
    URI uri = URI.create(url);
    if (socket == null) {
      socket = new Socket(InetAddress.getByName(uri.getHost()), uri.getPort());
      socket.setTcpNoDelay(true);
      in = new BufferedInputStream(socket.getInputStream(), 16 * 1024);
      out = socket.getOutputStream();
    }
    out.write(request(uri));
    String status = line(url);
    if (!status.startsWith("HTTP/1.1 200")) throw new IOException(url + ": " + status);
    int length = -1;
    String contentType = null;
    for (String header; !(header = line(url)).isEmpty(); ) {
      if (header.regionMatches(true, 0, "content-length:", 0, 15)) length = Integer.parseInt(header.substring(15).strip());
      if (header.regionMatches(true, 0, "content-type:", 0, 13)) contentType = header.substring(13).strip();
    }
    if (length < 0) throw new IOException(url + ": no Content-Length");
    byte[] body = in.readNBytes(length);
    if (body.length != length) throw new IOException(url + ": body cut short");
    return new Response(contentType, body);
  }

  /** The floors' GET of {@code uri} (with its port and path), as sent. */
  static byte[] request(URI uri) {
    String target = uri.getRawQuery() == null ? uri.getRawPath() : uri.getRawPath() + "?" + uri.getRawQuery();
    return ("GET " + target + " HTTP/1.1\r\nHost: " + uri.getHost() + ":" + uri.getPort()
        + "\r\nUser-Agent: floor\r\nAccept-Encoding: identity\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
  }

  private String line(String url) throws IOException {
    StringBuilder line = new StringBuilder(64);
    for (int b; (b = in.read()) != '\n'; ) {
      if (b == -1) throw new IOException(url + ": connection closed mid-response");
      if (b != '\r') line.append((char) b);
    }
    return line.toString();
  }

  @Override
  public void close() throws IOException {
    if (socket != null) socket.close();
  }
}
