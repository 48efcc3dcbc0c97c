package io.crawlpipe.parser;

import java.util.Arrays;

/**
 * The SVG or MathML elements open inside the foreign content a {@link TitleFinder} skips, by
 * packed name ({@link TagName}), root first. The stack grows with the page, and its names are also
 * counted ({@link NameCounts}), so whether an end tag matches an open element is known in bounded
 * time and each element is pushed and popped once: a scan stays linear however deep the content
 * or however many end tags match nothing. One instance per scan; not thread-safe.
 */
final class ForeignStack {
  private long[] names = new long[32];
  private final NameCounts counts = new NameCounts();
  private int depth;

  /** Opens an element named {@code name} (not 0) inside the current one. */
  void push(long name) {
    if (depth == names.length) names = Arrays.copyOf(names, 2 * depth);
    names[depth++] = name;
    counts.add(name);
  }

  /** True when an element named {@code name} is open. */
  boolean contains(long name) {
    return counts.contains(name);
  }

  /** Closes the innermost element named {@code name} (one that {@link #contains}) and those inside it. */
  void popTo(long name) {
    long popped;
    do {
      popped = names[--depth];
      counts.remove(popped);
    } while (popped != name);
  }

  /** True when no element is open: the root, if any, has been closed. */
  boolean isEmpty() {
    return depth == 0;
  }

  /** Closes every element, as when HTML content ends the foreign content. */
  void clear() {
    while (depth > 0) counts.remove(names[--depth]);
  }

  /** The extra slots its {@link NameCounts} looked at so far ({@link NameCounts#extraProbes}). */
  long extraProbes() {
    return counts.extraProbes();
  }
}
