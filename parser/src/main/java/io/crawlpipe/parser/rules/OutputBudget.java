package io.crawlpipe.parser.rules;

import java.util.Collection;
import java.util.Map;

/**
 * The characters the {@code css}, {@code xpath} and {@code regex} fields of one page may extract
 * together: {@value #PER_CHARACTER} per character of the page's decoded text, and at least {@value
 * #MINIMUM}. Each value counts its characters and one more (a list of a million empty strings is
 * not free), an item's object one. Without it, what such fields extract could grow with the square
 * of the page (the text of each of 30,000 nested {@code div}s, a lookahead capturing the rest of
 * the page at every position): a 630 KB page gave a 167 MB value, and a crawl ran out of memory
 * before the time bound was reached. Not thread-safe: one per page, as its {@link PageContext}.
 */
final class OutputBudget {
  /** The budget of a page shorter than {@code MINIMUM / PER_CHARACTER} characters: 1 MiB of characters. */
  static final long MINIMUM = 1L << 20;
  /** Characters extracted per character of the page. */
  static final int PER_CHARACTER = 8;

  private final long limit;
  private long used;

  /** The budget of a page of {@code pageChars} characters. */
  OutputBudget(long pageChars) {
    if (pageChars < 0) throw new IllegalArgumentException("pageChars must be >= 0, was " + pageChars);
    this.limit = Math.max(MINIMUM, PER_CHARACTER * pageChars);
  }

  /** Thrown from {@link #charge} once the page's fields have extracted more than the limit; no stack trace. */
  static final class Exceeded extends RuntimeException {
    Exceeded() {
      super("output budget exceeded", null, false, false);
    }
  }

  /** The most characters this page's fields may extract. */
  long limit() {
    return limit;
  }

  /**
   * Counts a value a field extracted: a string's characters and one more; a list's, a set's or a
   * map's elements (and one for the container itself); anything else (a number, null) one.
   *
   * @throws Exceeded when the page's fields have now extracted more than {@link #limit()}
   */
  void charge(Object value) {
    used += size(value);
    if (used > limit) throw new Exceeded();
  }

  /** One unit, for a container whose contents were counted when they were built (an item's object). */
  void chargeOne() {
    charge(null);
  }

  private static long size(Object value) {
    if (value instanceof String s) return s.length() + 1L;
    long size = 1;
    if (value instanceof Collection<?> elements) for (Object e : elements) size += size(e);
    if (value instanceof Map<?, ?> map) for (Object e : map.values()) size += size(e);
    return size;
  }

  /** The message's end: "values passed N characters, the most ...". */
  String exceeded() {
    return "values passed " + limit + " characters, the most a page's css, xpath and regex fields may extract ("
        + PER_CHARACTER + " per character of the page's text, at least " + MINIMUM + ")";
  }
}
