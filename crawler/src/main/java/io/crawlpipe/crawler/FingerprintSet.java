package io.crawlpipe.crawler;

import java.util.Objects;

/**
 * A set of 64-bit fingerprints of input lines, for de-duplicating a URL list without keeping its
 * text: open addressing (linear probing) over a {@code long[]} at most three-quarters full, so
 * 11 to 21 bytes per distinct line (ten million lines: a 128 MiB table, 192 MiB while it last
 * doubles). Two distinct lines share a fingerprint with probability about n²/2⁶⁵ (≈3·10⁻⁶ for
 * ten million lines); such a line would be counted as a duplicate. Not thread-safe: owned by the list reader
 * (or filled before a run, then only read by it, as the set of URLs a resumed run skips).
 */
public final class FingerprintSet {
  private static final float MAX_LOAD = 0.75f;
  private long[] slots = new long[1024];
  private int size;

  /** Adds the line's fingerprint (null refused); true when it was not there yet. */
  public boolean add(CharSequence line) {
    return add(fingerprint(Objects.requireNonNull(line, "line")));
  }

  /** True when a line with the same fingerprint was added. */
  public boolean contains(CharSequence line) {
    long key = fingerprint(Objects.requireNonNull(line, "line"));
    key = key == 0 ? 1 : key;
    int mask = slots.length - 1;
    for (int i = (int) (key ^ (key >>> 32)) & mask; slots[i] != 0; i = (i + 1) & mask) {
      if (slots[i] == key) return true;
    }
    return false;
  }

  public int size() {
    return size;
  }

  boolean add(long fingerprint) {
    long key = fingerprint == 0 ? 1 : fingerprint;
    if (size + 1 > slots.length * MAX_LOAD) grow();
    if (!insert(slots, key)) return false;
    size++;
    return true;
  }

  private static boolean insert(long[] table, long key) {
    int mask = table.length - 1;
    for (int i = (int) (key ^ (key >>> 32)) & mask; ; i = (i + 1) & mask) {
      if (table[i] == 0) {
        table[i] = key;
        return true;
      }
      if (table[i] == key) return false;
    }
  }

  private void grow() {
    long[] bigger = new long[slots.length * 2];
    for (long key : slots) {
      if (key != 0) insert(bigger, key);
    }
    slots = bigger;
  }

  /** FNV-1a over the UTF-16 chars, then MurmurHash3's 64-bit finaliser for good bit mixing. */
  static long fingerprint(CharSequence s) {
    long h = 0xcbf29ce484222325L;
    for (int i = 0; i < s.length(); i++) {
      h ^= s.charAt(i);
      h *= 0x100000001b3L;
    }
    h ^= s.length();
    h ^= h >>> 33;
    h *= 0xff51afd7ed558ccdL;
    h ^= h >>> 33;
    h *= 0xc4ceb9fe1a85ec53L;
    h ^= h >>> 33;
    return h;
  }
}
