package io.crawlpipe.crawler.fetch;

import io.crawlpipe.crawler.fetch.Http1Input.Part;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ProtocolException;
import java.net.Socket;
import java.util.Map;
import java.util.Objects;

/**
 * One HTTP/1.1 connection: writes a request, reads the response head (skipping interim 1xx
 * responses) and hands out the body framed as RFC 9112 §6.3 says — no body for 204 and 304, chunked
 * when the transfer codings are one {@code chunked}, else {@code Content-Length}, else until the
 * server closes; {@code identity} codings are ignored, and a body in any other transfer coding fails
 * when read. It may carry another request once a body was read to its end and the response
 * allowed keep-alive ({@link #reusable()}). A response head over 256 KiB is refused, as OkHttp does.
 * The body streams are in {@link Http1Bodies}, the buffered reading in {@link Http1Input}.
 *
 * <p>One exchange at a time, by one thread; {@link #close()} may come from any thread (the deadline's
 * watchdog) and makes a blocked read or write fail.
 */
final class Http1Connection implements Closeable {
  static final int MAX_HEAD_BYTES = 256 * 1024;

  private final Origin origin;
  private final Socket raw;
  private final Socket socket;
  private final Http1Input in;
  /** The TCP socket's own stream under a TLS socket, for {@link #hasUnaskedInput()}; null without TLS. */
  private final InputStream rawIn;
  private final OutputStream out;
  /** The head {@link #peekHead()} read, which {@link #readHead()} returns next; null when none. */
  private ResponseHead peeked;
  private boolean bodyEnded;
  private boolean keepAlive;
  private long idleSince;
  private volatile boolean closed;

  /** Over {@code socket}, which is {@code raw} or a TLS socket layered on it. */
  Http1Connection(Origin origin, Socket raw, Socket socket) throws IOException {
    this.origin = Objects.requireNonNull(origin, "origin");
    this.raw = Objects.requireNonNull(raw, "raw");
    this.socket = Objects.requireNonNull(socket, "socket");
    this.in = new Http1Input(socket.getInputStream());
    this.rawIn = socket == raw ? null : raw.getInputStream();
    this.out = socket.getOutputStream();
  }

  Origin origin() {
    return origin;
  }

  /** Starts an exchange: writes the whole request at once. */
  void send(byte[] request) throws IOException {
    in.newExchange();
    peeked = null;
    bodyEnded = false;
    keepAlive = false;
    out.write(request);
    out.flush();
  }

  /** True once a byte of the current exchange's response has arrived. */
  boolean receivedAny() {
    return in.receivedAny();
  }

  /** True when bytes past what was read so far are already buffered. */
  boolean hasBuffered() {
    return in.hasBuffered();
  }

  /**
   * True when bytes arrived that no request asked for: on an idle connection, a response the
   * server sent on its own (a {@code 408} before closing), which would be taken for the next
   * request's. Costs one {@code available()} on the TCP socket (an ioctl); with TLS also one on
   * the TLS layer's decrypted bytes (no system call). A failure to ask counts as true.
   */
  boolean hasUnaskedInput() {
    try {
      return in.available() > 0 || (rawIn != null && rawIn.available() > 0);
    } catch (IOException e) {
      return true;
    }
  }

  /**
   * Reads the final response's head now, waiting for it, so that its status can be looked at
   * before the exchange goes on; the next {@link #readHead()} returns it. A connection that ends
   * before any byte of it arrived fails with {@link #receivedAny()} false.
   */
  ResponseHead peekHead() throws IOException {
    if (peeked == null) peeked = readHead();
    return peeked;
  }

  /** Reads the final response's status line and headers (or returns the one {@link #peekHead()} read). */
  ResponseHead readHead() throws IOException {
    if (peeked != null) {
      ResponseHead head = peeked;
      peeked = null;
      return head;
    }
    in.newLineBudget(Part.HEAD); // interim responses' heads count too
    while (true) {
      String statusLine = in.readLine(Part.HEAD);
      for (int blank = 0; statusLine.isEmpty() && blank < 4; blank++) statusLine = in.readLine(Part.HEAD);
      int status = ResponseHead.parseStatus(statusLine);
      Map<String, String> headers = Http1Headers.read(in);
      if (status == 101) throw new ProtocolException("unexpected 101 Switching Protocols");
      if (status >= 200) {
        ResponseHead head = new ResponseHead(status, statusLine.charAt(7) == '1', headers);
        keepAlive = head.keepAlive();
        return head;
      }
    }
  }

  /** The body of {@code head}, which this connection just read; read it to its end to reuse the connection. */
  Http1Bodies.Body body(ResponseHead head) throws IOException {
    if (head.status() == 204 || head.status() == 304) return new Http1Bodies.FixedLength(this, 0);
    String transferEncoding = head.header("transfer-encoding");
    // With a Content-Length as well, or in HTTP/1.0, the framing is suspect: read it, never reuse (RFC 9112 §6.1).
    if (transferEncoding != null && (!head.http11() || head.header("content-length") != null)) keepAlive = false;
    BodyFraming framing = BodyFraming.http1(transferEncoding, head.header("content-length"));
    return switch (framing.kind()) {
      case CHUNKED -> new Http1Bodies.Chunked(this);
      case LENGTH -> new Http1Bodies.FixedLength(this, framing.length());
      case UNTIL_CLOSE -> new Http1Bodies.UntilClose(this);
      case UNDECODABLE -> new Http1Bodies.Undecodable(this, framing.problem());
    };
  }

  /**
   * True when the last body was read to its end, nothing was sent after it, and the server allows
   * another request here.
   */
  boolean reusable() {
    return bodyEnded && keepAlive && !in.hasBuffered() && !closed;
  }

  void idleSince(long nanos) {
    idleSince = nanos;
  }

  long idleSince() {
    return idleSince;
  }

  boolean isClosed() {
    return closed;
  }

  @Override
  public void close() {
    closed = true;
    in.closedLocally();
    try {
      raw.close(); // first the TCP socket: a TLS close would try to send close_notify, which can block
      if (socket != raw) socket.close();
    } catch (IOException ignored) {
      // Nothing more to release.
    }
  }

  /** A chunk-size line, at most 256 KiB long (extensions included); a longer one is a ProtocolException. */
  String readChunkSizeLine() throws IOException {
    in.newLineBudget(Part.CHUNK_SIZE);
    return in.readLine(Part.CHUNK_SIZE);
  }

  /** A line of a chunked body's trailer section, whose lines are at most 256 KiB together. */
  String readTrailerLine() throws IOException {
    return in.readLine(Part.TRAILER);
  }

  /** The body has been read to its end. */
  void bodyEnded() {
    bodyEnded = true;
  }

  /** The body ends with the connection, which then cannot carry another request. */
  void endsWithConnection() {
    keepAlive = false;
  }

  /** Drops up to {@code max} body bytes that are buffered or already arrived, without blocking; the count dropped, 0 if none. */
  int skipAvailable(long max) throws IOException {
    return in.skipAvailable(max);
  }

  /** True when a whole framing line can be read without blocking (see {@link Http1Input#lineReady}). */
  boolean lineReady() throws IOException {
    return in.lineReady();
  }

  /** Up to {@code len} body bytes, -1 at the end of the stream: buffered ones first, large reads straight from the socket. */
  int readRaw(byte[] b, int off, int len) throws IOException {
    return in.read(b, off, len);
  }
}
