package io.crawlpipe.crawler.fetch;

import static java.nio.charset.StandardCharsets.ISO_8859_1;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.net.ProtocolException;
import java.net.SocketException;

/**
 * The read side of an {@link Http1Connection}: one 8 KB buffer over the socket's stream, read as
 * lines of a response head or chunk framing (each run of them held to a byte budget, so a server
 * cannot make it buffer without end, and named by its {@link Part} when it fails) or as raw body
 * bytes, large reads going straight from the socket into the caller's array.
 *
 * <p>Used by one thread at a time, the one running the connection's exchange; {@link
 * #closedLocally()} may come from any thread.
 */
final class Http1Input {
  private static final int BUFFER = 8 * 1024;

  private final InputStream in;
  private final byte[] buf = new byte[BUFFER];
  private int pos;
  private int limit;
  private int budget;
  /** The part whose lines {@link #budget} is for; null before the first line. */
  private Part budgetFor;
  private boolean received;
  private volatile boolean closedLocally;

  Http1Input(InputStream in) {
    this.in = in;
  }

  /** The next exchange starts: no byte of its response has arrived yet. */
  void newExchange() {
    received = false;
  }

  /** True once a byte of the current exchange's response has arrived. */
  boolean receivedAny() {
    return received;
  }

  /** True when bytes past what was read so far are already buffered. */
  boolean hasBuffered() {
    return pos < limit;
  }

  /** Bytes that can be read without blocking: those buffered, else as many as the stream says it holds. */
  int available() throws IOException {
    return pos < limit ? limit - pos : in.available();
  }

  /** This side closed the connection (deadline, cancel): from now on an end of stream is an error. */
  void closedLocally() {
    closedLocally = true;
  }

  /**
   * A part of a response read as lines, as its failures name it: a connection that ends inside it
   * closed "inside " {@code inside}; lines past its budget make it "longer than 262144 bytes".
   */
  enum Part {
    HEAD("the response head", "response head"),
    CHUNK_SIZE("the chunked body", "chunk-size line"),
    TRAILER("the chunked body", "trailer section");

    private final String inside;
    private final String name;

    Part(String inside, String name) {
      this.inside = inside;
      this.name = name;
    }
  }

  /**
   * Starts a budget of {@link Http1Connection#MAX_HEAD_BYTES} for the lines of {@code part} read
   * from here on. A line of another part than the budget's starts one of its own.
   */
  void newLineBudget(Part part) {
    budget = Http1Connection.MAX_HEAD_BYTES;
    budgetFor = part;
  }

  /**
   * A line of {@code part} without its CR LF (or bare LF), bytes as ISO-8859-1 characters, charged
   * to the part's budget: past it, a ProtocolException naming the part ("chunk-size line is longer
   * than 262144 bytes"). A connection that ends before the line does is an EOFException:
   * "connection closed before a response" when no byte of the exchange's response has arrived,
   * else "connection closed inside " and the part ("the response head").
   */
  String readLine(Part part) throws IOException {
    if (part != budgetFor) newLineBudget(part);
    ByteArrayOutputStream spill = null;
    while (true) {
      for (int i = pos; i < limit; i++) {
        if (buf[i] != '\n') continue;
        String line;
        if (spill == null) {
          line = new String(buf, pos, i - pos, ISO_8859_1);
        } else {
          spill.write(buf, pos, i - pos);
          line = spill.toString(ISO_8859_1);
        }
        charge(i + 1 - pos);
        pos = i + 1;
        return line.endsWith("\r") ? line.substring(0, line.length() - 1) : line;
      }
      if (spill == null) spill = new ByteArrayOutputStream();
      spill.write(buf, pos, limit - pos);
      charge(limit - pos);
      pos = limit;
      if (fill() < 0) {
        throw new EOFException(received ? "connection closed inside " + part.inside : "connection closed before a response");
      }
    }
  }

  private void charge(int bytes) throws ProtocolException {
    budget -= bytes;
    if (budget < 0) throw new ProtocolException(budgetFor.name + " is longer than " + Http1Connection.MAX_HEAD_BYTES + " bytes");
  }

  /** Up to {@code len} body bytes, -1 at the end of the stream: buffered ones first, large reads straight from the socket. */
  int read(byte[] b, int off, int len) throws IOException {
    if (len == 0) return 0;
    if (pos == limit) {
      if (len >= BUFFER) {
        int n = in.read(b, off, len);
        if (n > 0) received = true;
        return n < 0 ? endOfStream() : n;
      }
      if (fill() < 0) return -1;
    }
    int n = Math.min(len, limit - pos);
    System.arraycopy(buf, pos, b, off, n);
    pos += n;
    return n;
  }

  /**
   * Drops up to {@code max} body bytes without blocking: buffered ones, else as many as the stream
   * already holds. The count dropped; 0 when none is there now (or at the end of the stream).
   */
  int skipAvailable(long max) throws IOException {
    if (pos == limit) {
      int available = in.available();
      if (available <= 0) return 0;
      pos = 0;
      limit = 0;
      int n = in.read(buf, 0, Math.min(available, BUFFER)); // no more than is there: does not block
      if (n < 0) endOfStream(); // throws if this side closed it
      if (n <= 0) return 0;
      limit = n;
      received = true;
    }
    int n = (int) Math.min(max, limit - pos);
    pos += n;
    return n;
  }

  /**
   * True when a whole line can be read without blocking: it is buffered, or completed by bytes the
   * stream already holds (read into the buffer here). A line longer than the buffer is not waited for.
   */
  boolean lineReady() throws IOException {
    int scanned = pos;
    while (true) {
      for (int i = scanned; i < limit; i++) {
        if (buf[i] == '\n') return true;
      }
      if (pos > 0) { // room at the end for what may complete the line
        System.arraycopy(buf, pos, buf, 0, limit - pos);
        limit -= pos;
        pos = 0;
      }
      int available = limit == BUFFER ? 0 : in.available();
      if (available <= 0) return false;
      int n = in.read(buf, limit, Math.min(available, BUFFER - limit)); // no more than is there: does not block
      if (n <= 0) return false;
      scanned = limit;
      limit += n;
      received = true;
    }
  }

  /** Refills the empty buffer; the count read, or -1 at the end of the stream. */
  private int fill() throws IOException {
    pos = 0;
    limit = 0;
    int n = in.read(buf, 0, BUFFER);
    if (n > 0) {
      limit = n;
      received = true;
    }
    return n < 0 ? endOfStream() : n;
  }

  /**
   * -1, the end of the stream; or, when this side closed the connection, a SocketException: a TLS
   * socket reads a local close as the end, which must not end a body.
   */
  private int endOfStream() throws SocketException {
    if (closedLocally) throw new SocketException("connection closed");
    return -1;
  }
}
