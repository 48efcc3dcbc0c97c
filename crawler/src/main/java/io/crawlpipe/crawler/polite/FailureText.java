package io.crawlpipe.crawler.polite;

import io.crawlpipe.crawler.fetch.FetchException;
import io.crawlpipe.store.ErrorType;
import java.util.regex.Pattern;

/**
 * How a failure reads in the reason {@link RobotsPolicy} gives a host's URLs and in its log lines:
 * safely, for a bug's exception ({@link #of}), and alike in every mode, for a fetch's error
 * ({@link #ofFetch}). Stateless: any thread.
 */
final class FailureText {
  /** The {@code IllegalStateException: } that {@link FetchException#internalMessage} starts with. */
  private static final Pattern CLASS_NAME_PREFIX = Pattern.compile("^[A-Z][A-Za-z0-9_$]*(?:Exception|Error): (?=\\S)");

  private FailureText() {
  }

  /**
   * {@code failure}'s {@code toString()}, or its class name when that throws too: the verdicts a
   * bug ends in must not fail themselves on an exception as buggy as the code that threw it.
   * {@code failure} must not be null; never throws a {@link RuntimeException}.
   */
  static String of(Throwable failure) {
    try {
      return String.valueOf(failure);
    } catch (RuntimeException e) {
      return failure.getClass().getName() + " (its message could not be read)";
    }
  }

  /**
   * {@code type: message} for a FetchException, else {@code error.toString()} ({@code "null"} for
   * null). An {@code internal} one's message loses a leading Java class name ({@code
   * IllegalStateException: }, which a worker of {@code processes} mode puts there, {@link
   * FetchException#internalMessage}), so that the host's reason reads alike in every mode ({@link
   * RobotsPolicy#unfetched} gives the message alone).
   */
  static String ofFetch(Throwable error) {
    if (!(error instanceof FetchException e)) return String.valueOf(error);
    String message = e.getMessage();
    if (e.type() == ErrorType.INTERNAL && message != null) {
      message = CLASS_NAME_PREFIX.matcher(message).replaceFirst("");
    }
    return e.type().code() + ": " + message;
  }
}
