package io.crawlpipe.crawler.process;

import java.io.IOException;

/** A line on a worker pipe is not a message of the worker protocol; the message quotes its start. */
class ProtocolException extends IOException {
  /** How many characters of a line, or of a string value, a message quotes. */
  static final int QUOTED = 120;

  ProtocolException(String message, Throwable cause) {
    super(message, cause);
  }

  ProtocolException(String message) {
    super(message);
  }

  /** {@code text} (not null) as a message quotes it: its first {@link #QUOTED} characters, "…" if there are more. */
  static String clipped(String text) {
    return text.length() > QUOTED ? text.substring(0, QUOTED) + "…" : text;
  }

  /**
   * The line is not a message of this protocol: the message names {@code problem} and quotes the
   * start of {@code line} ({@link #clipped}). {@code cause} may be null.
   */
  static ProtocolException notProtocol(String problem, String line, Throwable cause) {
    String message = "not a protocol line (" + problem + "): " + clipped(line);
    return cause == null ? new ProtocolException(message) : new ProtocolException(message, cause);
  }
}
