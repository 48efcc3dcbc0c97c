package io.crawlpipe.crawler.process;

import java.io.IOException;

/** A line on a worker pipe is not a message of the worker protocol; the message quotes its start. */
class ProtocolException extends IOException {
  ProtocolException(String message, Throwable cause) {
    super(message, cause);
  }

  ProtocolException(String message) {
    super(message);
  }
}
