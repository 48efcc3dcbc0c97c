package io.crawlpipe.crawler;

import java.util.List;
import java.util.stream.IntStream;

/**
 * The names {@link CrawlStats} counts lines under: a status's class ({@code 2xx}) and the kind of a
 * failure without an error ({@code http_4xx}). The names of classes 0..9 are made once, not per
 * line. Stateless.
 */
final class StatusClasses {
  private static final List<String> CLASSES = IntStream.range(0, 10).mapToObj(c -> c + "xx").toList();
  private static final List<String> HTTP_FAILURES = CLASSES.stream().map(c -> "http_" + c).toList();

  private StatusClasses() {}

  /** {@code 2xx} ... {@code 5xx}, or {@code none} when no response was read. */
  static String of(Integer status) {
    return status == null ? "none" : named(status, CLASSES, "");
  }

  /** The kind of a failure without an error: {@code http_4xx} ..., or {@code unknown} without a status. */
  static String failureKind(Integer status) {
    return status == null ? "unknown" : named(status, HTTP_FAILURES, "http_");
  }

  /** The name of {@code status}'s class from {@code names}, made anew only for a status outside 0..999. */
  private static String named(int status, List<String> names, String prefix) {
    int c = status / 100;
    return c >= 0 && c < names.size() ? names.get(c) : prefix + c + "xx";
  }
}
