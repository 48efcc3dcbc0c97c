package io.crawlpipe.parser;

/**
 * The HTML elements open where a {@link TitleFinder} has read to, counted by packed name ({@link
 * TagName}), not built as a tree: a start tag opens one, an end tag closes one of its name if any
 * is open. Besides those counted, {@link #isOpen} knows the tr and tbody a browser fills in around
 * a table's cell; other implied elements and implied ends (such as a {@code <p>} closed by a
 * {@code <div>}) are not followed. Each call looks at a bounded number of {@link NameCounts} slots.
 * One instance per scan; not thread-safe.
 */
final class OpenElements {
  private final NameCounts counts = new NameCounts();

  /** Counts one more open element named {@code name} (not 0): its start tag was read. */
  void open(long name) {
    counts.add(name);
  }

  /** Closes one element named {@code name}, if one is counted open: its end tag was read. */
  void close(long name) {
    counts.remove(name);
  }

  /** True when an element named {@code name} is counted open (those a browser fills in aside). */
  boolean counted(long name) {
    return counts.contains(name);
  }

  /**
   * True when an HTML element named {@code name} is open: counted open, or a tr or tbody that a
   * browser fills in around a table's cell, which its markup need not have: in an open table, a tr
   * is open where a td or th is, and a tbody where a tr is ({@code <table><td>} opens both), unless
   * a thead or tfoot is open (its rows need no tbody), and neither while a caption is open (it is
   * in no row).
   */
  boolean isOpen(long name) {
    if (counts.contains(name)) return true;
    if (name != TagName.TR && name != TagName.TBODY || !counts.contains(TagName.TABLE)
        || counts.contains(TagName.CAPTION)) {
      return false;
    }
    boolean cell = counts.contains(TagName.TD) || counts.contains(TagName.TH);
    if (name == TagName.TR) return cell;
    return (cell || counts.contains(TagName.TR)) && !counts.contains(TagName.THEAD) && !counts.contains(TagName.TFOOT);
  }

  /** The extra slots its {@link NameCounts} looked at so far ({@link NameCounts#extraProbes}). */
  long extraProbes() {
    return counts.extraProbes();
  }
}
