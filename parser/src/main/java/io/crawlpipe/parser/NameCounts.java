package io.crawlpipe.parser;

/**
 * How many elements of each packed name ({@link TagName}) are open, as a scan counts them: {@link
 * #add} on a start tag, {@link #remove} on an end tag. An open-addressing table that grows with the
 * number of distinct names (bounded by the page), so each call takes constant time on average and
 * a scan stays linear. Names are any {@code long} but 0 (an empty name, which a tag never has). One
 * instance per scan; not thread-safe.
 */
final class NameCounts {
  private static final long FREE = 0;
  private long[] names = new long[16];
  private int[] counts = new int[16];
  private int size;

  /** Counts one more open element named {@code name}. */
  void add(long name) {
    int i = slot(name);
    if (names[i] == FREE) {
      if (2 * (size + 1) > names.length) {
        grow();
        i = slot(name);
      }
      names[i] = name;
      size++;
    }
    counts[i]++;
  }

  /** Counts one fewer open element named {@code name}; nothing when none is open. */
  void remove(long name) {
    int i = slot(name);
    if (counts[i] > 0) counts[i]--;
  }

  /** True when an element named {@code name} is open. */
  boolean contains(long name) {
    return counts[slot(name)] > 0;
  }

  /** The slot holding {@code name}, or the free slot where it would go. */
  private int slot(long name) {
    int mask = names.length - 1;
    int i = (int) ((name * 0x9E3779B97F4A7C15L) >>> 32) & mask;
    while (names[i] != FREE && names[i] != name) i = (i + 1) & mask;
    return i;
  }

  private void grow() {
    long[] oldNames = names;
    int[] oldCounts = counts;
    names = new long[oldNames.length * 2];
    counts = new int[oldNames.length * 2];
    for (int j = 0; j < oldNames.length; j++) {
      if (oldNames[j] == FREE) continue;
      int i = slot(oldNames[j]);
      names[i] = oldNames[j];
      counts[i] = oldCounts[j];
    }
  }
}
