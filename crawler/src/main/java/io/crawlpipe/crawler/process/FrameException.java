package io.crawlpipe.crawler.process;

/**
 * A worker's stdout cannot be split into messages any more: a page's {@code body_length} is
 * missing, not a whole number or beyond the body limit, the stream ended inside the body, or a
 * line is longer than the reader holds. Unlike a stray line, this leaves the stream out of step
 * (where the next message starts is unknown), so the parent abandons the worker. The message
 * names the problem (and quotes the page's line).
 */
final class FrameException extends ProtocolException {
  private final boolean streamEnded;

  FrameException(String message, boolean streamEnded) {
    super(message);
    this.streamEnded = streamEnded;
  }

  /** True if the stream ended inside the frame: the worker exited or was killed while writing it. */
  boolean streamEnded() {
    return streamEnded;
  }
}
