package io.crawlpipe.bench;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.util.List;

/**
 * The {@code nio} floor: curl's own design on the JVM. One platform thread, one {@link Selector},
 * {@code concurrency} non-blocking keep-alive connections to the list's one host, each sending
 * its next GET when its last response has been read; bodies are read into one shared buffer and
 * thrown away (per page only the request and the response head are allocated), unless a {@link
 * Pages} consumer is given: then each body is read into an array of its own and handed to it on
 * this thread ({@code nio-parse}). No virtual threads, no blocking reads. Understands only URLs
 * with a port and a path, {@code Content-Length} framing, CRLF heads and 200 responses (what the
 * synthetic site sends); anything else fails the run naming the URL (or, for a head it cannot
 * parse, waits). Not thread-safe: {@link #fetchAll} runs on its caller's thread.
 */
final class NioFloor {
  private final List<String> urls;
  private final Pages pages; // null: bodies are thrown away
  private final ByteBuffer in = ByteBuffer.allocateDirect(256 * 1024);
  private int next;
  private int open;
  private long bytes;

  private NioFloor(List<String> urls, Pages pages) {
    this.urls = urls;
    this.pages = pages;
  }

  /** What is done with each 200 response's body, on the selector's thread. */
  interface Pages {
    void page(String url, String contentType, byte[] body) throws IOException;
  }

  /** Fetches every URL of {@code urls} (all of one host) over {@code concurrency} connections; returns the body bytes read. */
  static long fetchAll(List<String> urls, int concurrency) throws IOException {
    return new NioFloor(urls, null).run(concurrency);
  }

  /** The same, handing each body to {@code pages}. */
  static long fetchAll(List<String> urls, int concurrency, Pages pages) throws IOException {
    return new NioFloor(urls, pages).run(concurrency);
  }

  /** One connection's state: the request being written, then the response head and body being read. */
  private static final class Conn {
    ByteBuffer request;
    String url;
    final StringBuilder head = new StringBuilder(256);
    long bodyLeft = -1; // -1 while the head is being read
    String contentType;
    byte[] body; // only with a Pages consumer
  }

  private long run(int concurrency) throws IOException {
    if (urls.isEmpty()) return 0;
    URI first = URI.create(urls.getFirst());
    InetSocketAddress address = new InetSocketAddress(first.getHost(), first.getPort());
    Selector selector = Selector.open();
    try {
      for (int c = 0; c < Math.min(concurrency, urls.size()); c++) {
        SocketChannel channel = SocketChannel.open(address);
        channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
        channel.configureBlocking(false);
        Conn conn = new Conn();
        SelectionKey key = channel.register(selector, 0, conn);
        open++;
        sendNext(key, conn);
      }
      while (open > 0) { // not selector.keys(): a closed channel's key leaves it only in a select, which would then block
        selector.select();
        for (SelectionKey key : selector.selectedKeys()) {
          Conn conn = (Conn) key.attachment();
          if (key.isWritable()) write(key, conn);
          else if (key.isReadable()) read(key, conn);
        }
        selector.selectedKeys().clear();
      }
    } finally {
      for (SelectionKey key : selector.keys()) key.channel().close(); // after a failure: the others still open
      selector.close();
    }
    return bytes;
  }

  /** Starts this connection's next request, or closes it when the list is done. */
  private void sendNext(SelectionKey key, Conn conn) throws IOException {
    if (next >= urls.size()) {
      key.channel().close();
      open--;
      return;
    }
    conn.url = urls.get(next++);
    conn.request = ByteBuffer.wrap(SocketGetter.request(URI.create(conn.url)));
    conn.head.setLength(0);
    conn.bodyLeft = -1;
    write(key, conn);
  }

  private void write(SelectionKey key, Conn conn) throws IOException {
    ((SocketChannel) key.channel()).write(conn.request);
    key.interestOps(conn.request.hasRemaining() ? SelectionKey.OP_WRITE : SelectionKey.OP_READ);
  }

  private void read(SelectionKey key, Conn conn) throws IOException {
    in.clear();
    int n = ((SocketChannel) key.channel()).read(in);
    if (n < 0) throw new IOException(conn.url + ": connection closed mid-response");
    in.flip();
    while (in.hasRemaining()) {
      if (conn.bodyLeft < 0) {
        readHead(conn);
      } else {
        int take = (int) Math.min(conn.bodyLeft, in.remaining());
        if (conn.body != null) in.get(conn.body, conn.body.length - (int) conn.bodyLeft, take);
        else in.position(in.position() + take);
        conn.bodyLeft -= take;
        bytes += take;
      }
      if (conn.bodyLeft == 0) {
        if (in.hasRemaining()) throw new IOException(conn.url + ": bytes after the response");
        if (pages != null) pages.page(conn.url, conn.contentType, conn.body);
        sendNext(key, conn);
        return;
      }
    }
  }

  /** Takes head bytes from the buffer up to the blank line; then sets the body's length. */
  private void readHead(Conn conn) throws IOException {
    while (in.hasRemaining() && conn.bodyLeft < 0) {
      char c = (char) (in.get() & 0xff);
      conn.head.append(c);
      int len = conn.head.length();
      if (c == '\n' && len >= 4 && conn.head.charAt(len - 3) == '\n') readHeaders(conn);
    }
  }

  /** Sets the body's length (and its array and content type when bodies are kept) from a 200 response's head. */
  private void readHeaders(Conn conn) throws IOException {
    String head = conn.head.toString();
    if (!head.startsWith("HTTP/1.1 200")) throw new IOException(conn.url + ": " + head.lines().findFirst().orElse(""));
    long length = -1;
    conn.contentType = null;
    for (String line : head.split("\r\n")) {
      if (line.regionMatches(true, 0, "content-length:", 0, 15)) length = Long.parseLong(line.substring(15).strip());
      if (line.regionMatches(true, 0, "content-type:", 0, 13)) conn.contentType = line.substring(13).strip();
    }
    if (length < 0) throw new IOException(conn.url + ": no Content-Length");
    conn.body = pages == null ? null : new byte[Math.toIntExact(length)];
    conn.bodyLeft = length;
  }
}
