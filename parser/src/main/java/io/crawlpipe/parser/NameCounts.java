package io.crawlpipe.parser;

import java.util.TreeMap;

/**
 * How many elements of each packed name ({@link TagName}) are open, as a scan counts them: {@link
 * #add} on a start tag, {@link #remove} on an end tag. Names are any {@code long} but 0 (an empty
 * name, which a tag never has). One instance per scan; not thread-safe.
 *
 * <p>Each call looks at no more than {@link #MAX_PROBES} slots of an open-addressing table, plus,
 * for a name that did not fit there, one look-up in a tree (logarithmic in the number of distinct
 * names), whatever the names: a scan stays linear (up to that logarithm) even on a page whose tag
 * names were chosen to collide. A name's first slot is picked by all 64 bits of it, mixed as
 * murmur3's fmix64 mixes them; a name whose {@link #MAX_PROBES} slots from there are all taken by
 * other names is kept in the tree instead (names chosen to collide; an ordinary page's hardly
 * ever). The table grows to keep at most half its slots taken, and the tree's names are placed
 * again as it grows. Names are never dropped, only their counts go down to 0, so the table and
 * the tree hold the distinct names seen (bounded by the page).
 */
final class NameCounts {
  /** The most slots of the table one look-up examines. */
  static final int MAX_PROBES = 16;
  private static final long FREE = 0;
  /** What {@link #find} gives when all {@link #MAX_PROBES} slots hold other names. */
  private static final int TAKEN = Integer.MIN_VALUE;
  private long[] names = new long[16];
  private int[] counts = new int[16];
  /** Distinct names held, in the table and the tree. */
  private int size;
  /** Names that found no free slot among their {@link #MAX_PROBES}, with their counts; null until one. */
  private TreeMap<Long, Integer> overflow;
  private long extraProbes;

  /** Counts one more open element named {@code name}. */
  void add(long name) {
    int i = find(name);
    if (i >= 0) {
      counts[i]++;
    } else if (i != TAKEN || !changeOverflow(name, 1)) {
      size++;
      if (2 * size > names.length) {
        grow();
        i = find(name);
      }
      place(i, name, 1);
    }
  }

  /** Counts one fewer open element named {@code name}; nothing when none is open. */
  void remove(long name) {
    int i = find(name);
    if (i >= 0) {
      if (counts[i] > 0) counts[i]--;
    } else if (i == TAKEN) {
      changeOverflow(name, -1);
    }
  }

  /** True when an element named {@code name} is open. */
  boolean contains(long name) {
    int i = find(name);
    if (i >= 0) return counts[i] > 0;
    Integer count = i == TAKEN && overflow != null ? overflow.get(name) : null;
    return count != null && count > 0;
  }

  /**
   * How many slots of the table the calls so far looked at past the first slot each looked at, for
   * tests to bound the work done: an ordinary page's names mostly find theirs at the first.
   */
  long extraProbes() {
    return extraProbes;
  }

  /** The slot of the table where a search for {@code name} starts, in a table of {@code mask + 1} slots. */
  static int home(long name, int mask) {
    long h = name;
    h ^= h >>> 33;
    h *= 0xFF51AFD7ED558CCDL;
    h ^= h >>> 33;
    h *= 0xC4CEB9FE1A85EC53L;
    h ^= h >>> 33;
    return (int) h & mask;
  }

  /**
   * The slot holding {@code name}; or, when the table does not hold it, {@code -1 - slot} of the
   * free slot where it would go, or {@link #TAKEN} when its slots hold other names (the tree may
   * hold it: a name in the tree had its slots taken then, and slots are freed only by a regrowth,
   * which places every name again).
   */
  private int find(long name) {
    int mask = names.length - 1;
    int i = home(name, mask);
    long held = names[i];
    if (held == name) return i;
    if (held == FREE) return -1 - i;
    for (int k = 1; k < MAX_PROBES; k++) {
      extraProbes++;
      i = (i + 1) & mask;
      if (names[i] == name) return i;
      if (names[i] == FREE) return -1 - i;
    }
    return TAKEN;
  }

  /** Adds {@code delta} to the count of {@code name} in the tree, not below 0; false when the tree does not hold it. */
  private boolean changeOverflow(long name, int delta) {
    Integer count = overflow == null ? null : overflow.get(name);
    if (count != null) overflow.put(name, Math.max(0, count + delta));
    return count != null;
  }

  /** Puts {@code name}, held nowhere yet, where {@link #find} gave {@code found}: a free slot, or the tree. */
  private void place(int found, long name, int count) {
    if (found == TAKEN) {
      if (overflow == null) overflow = new TreeMap<>();
      overflow.put(name, count);
    } else {
      names[-1 - found] = name;
      counts[-1 - found] = count;
    }
  }

  private void grow() {
    long[] oldNames = names;
    int[] oldCounts = counts;
    TreeMap<Long, Integer> oldOverflow = overflow;
    names = new long[oldNames.length * 2];
    counts = new int[oldNames.length * 2];
    overflow = null;
    for (int j = 0; j < oldNames.length; j++) {
      if (oldNames[j] != FREE) place(find(oldNames[j]), oldNames[j], oldCounts[j]);
    }
    if (oldOverflow != null) oldOverflow.forEach((name, count) -> place(find(name), name, count));
  }
}
