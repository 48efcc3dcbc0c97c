package io.crawlpipe.crawler.process;

import io.crawlpipe.store.ErrorType;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.Objects;
import tools.jackson.core.TokenStreamFactory;

/**
 * Reads a worker's messages from its stdout, as {@link ProtocolCodec} describes them: one JSON
 * line each, a page's line followed by the raw bytes of its body. The line is parsed field by
 * field ({@link MessageFields}); the body is copied, never decoded or scanned. A page's declared
 * {@code body_length} is checked against the body limit before anything is allocated for it, and
 * a line against {@link #MAX_LINE}.
 *
 * <p>Not thread-safe: the thread reading the worker's stdout owns it; the caller closes the stream.
 */
final class WorkerMessageReader {
  /** The longest array a JVM reliably allocates. */
  private static final long MAX_ARRAY = Integer.MAX_VALUE - 8;
  /** The longest line: far more than a page's URL and headers or a failure's message need. */
  static final int MAX_LINE = 1 << 20;

  private final LineReader lines;
  private final TokenStreamFactory json;
  private final int maxBody;

  /** {@code maxBodyBytes}: the largest body a page may declare (the {@code --max-bytes} both sides fetch with). */
  WorkerMessageReader(InputStream in, long maxBodyBytes, TokenStreamFactory json) {
    if (maxBodyBytes < 0) throw new IllegalArgumentException("maxBodyBytes must be >= 0, was " + maxBodyBytes);
    this.lines = new LineReader(in, MAX_LINE);
    this.json = Objects.requireNonNull(json, "json");
    this.maxBody = (int) Math.min(maxBodyBytes, MAX_ARRAY);
  }

  /**
   * Reads the next message; null at the end of the stream.
   *
   * @throws FrameException if a page's body cannot be framed or a line is too long: the stream
   *     is out of step, and nothing more can be read from it
   * @throws ProtocolException if the line is not a message of this protocol; the stream is still
   *     in step, and the next call reads the line after it
   * @throws IOException if the stream cannot be read
   */
  WorkerMessage next() throws IOException {
    if (!lines.next()) return null;
    MessageFields f = MessageFields.parse(json, lines.bytes(), lines.length());
    return switch (f.requiredText("type")) {
      case "page" -> page(f);
      case "failure" -> failure(f);
      case "hello" -> new WorkerMessage.Hello(f.integer("version"), f.number("pid"));
      case "started" -> new WorkerMessage.Started(f.number("id"));
      default -> throw f.notProtocol("unknown type");
    };
  }

  /** Takes the body first, so that a page with a bad field leaves the stream in step. */
  private WorkerMessage.Page page(MessageFields f) throws IOException {
    byte[] body = body(f);
    return new WorkerMessage.Page(f.number("id"), f.requiredText("final_url"), f.integer("status"),
        f.text("content_type"), f.strings("headers"), body, fetchedAt(f), f.number("elapsed_ms"), f.integer("attempts"));
  }

  /** A failure, timed when it carries {@code fetched_at_second} or {@code fetched_at_nano} (then all three fields). */
  private static WorkerMessage.Failure failure(MessageFields f) throws ProtocolException {
    long id = f.number("id");
    ErrorType type = errorType(f);
    String message = f.text("message");
    int attempts = f.integer("attempts");
    if (f.value("fetched_at_second") == null && f.value("fetched_at_nano") == null) {
      return new WorkerMessage.Failure(id, type, message, attempts, null, 0);
    }
    return new WorkerMessage.Failure(id, type, message, attempts, fetchedAt(f), elapsedMs(f));
  }

  private static long elapsedMs(MessageFields f) throws ProtocolException {
    long ms = f.number("elapsed_ms");
    if (ms < 0) throw f.notProtocol("elapsed_ms must be >= 0, was " + ms);
    return ms;
  }

  /** Two numbers, as {@link Instant} holds it: ISO-8601 text is exact too, but slow to parse. */
  private static Instant fetchedAt(MessageFields f) throws ProtocolException {
    int nano = f.integer("fetched_at_nano");
    if (nano < 0 || nano > 999_999_999) throw f.notProtocol("fetched_at_nano must be from 0 to 999999999, was " + nano);
    long second = f.number("fetched_at_second");
    try {
      return Instant.ofEpochSecond(second, nano);
    } catch (DateTimeException e) {
      throw f.notProtocol("fetched_at_second is beyond the instants Java holds, was " + second);
    }
  }

  private byte[] body(MessageFields f) throws IOException {
    Object declared = f.value("body_length");
    if (!(declared instanceof Long n) || n < 0 || n > maxBody) {
      throw f.brokenFrame("body_length must be a whole number from 0 to " + maxBody + " (the body limit), was "
          + MessageFields.shown(declared), false);
    }
    try {
      return lines.take(n.intValue());
    } catch (EOFException e) {
      throw f.brokenFrame("truncated body: " + e.getMessage(), true);
    }
  }

  private static ErrorType errorType(MessageFields f) throws ProtocolException {
    String code = f.requiredText("error_type");
    ErrorType type = ErrorType.ofCode(code);
    if (type != null) return type;
    throw f.notProtocol("unknown error_type " + MessageFields.shown(code));
  }
}
