package io.crawlpipe.crawler.cli;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the fatal line of a crawl that ran out of heap ({@link FatalLine}) adds after the error: the
 * heap is too small for this run, a larger one to try, and what became of the results: the lines
 * written so far are kept and {@code --resume} continues the run ({@link #hint}), or, once the
 * results file is complete and in place, that it is ({@link #complete}). Stateless; every method
 * returns a string, never null.
 */
final class OutOfMemoryHints {
  /** A heap size as the launcher takes {@code CRAWLPIPE_HEAP}: a number and k, m or g. */
  private static final Pattern HEAP_SIZE = Pattern.compile("([1-9][0-9]{0,8})([kKmMgG])");
  private static final long MIB = 1024 * 1024;
  /** The shift of each size suffix {@link #HEAP_SIZE} takes: {@code 512m} is {@code 512 << 20} bytes. */
  private static final Map<Character, Integer> UNIT_SHIFTS = Map.of('k', 10, 'm', 20, 'g', 30);

  private OutOfMemoryHints() {}

  /** {@link #hint(String, long, String)} with {@code env}'s {@code CRAWLPIPE_HEAP} and this JVM's maximum heap. */
  static String hint(RunEnvironment env, String resume) {
    return hint(env.variables().apply("CRAWLPIPE_HEAP"), Runtime.getRuntime().maxMemory(), resume);
  }

  /**
   * The hint for a crawl that ran out of heap: the heap is too small for this run, named by {@code
   * heap} (the launcher's {@code CRAWLPIPE_HEAP}; null, or not a size it takes, when the JVM's
   * maximum {@code maxHeap} bytes is named instead), with a larger value to try ({@link #raised});
   * and, when {@code resume} ({@link #resumeOption}) is not null, that it ({@code --resume}, or
   * {@code --append --resume}) continues from the lines written.
   */
  static String hint(String heap, long maxHeap, String resume) {
    return tooSmall(heap, maxHeap,
        resume == null ? null : "the lines written so far are kept, and " + resume + " with the larger heap continues the run");
  }

  /** As {@link #hint(RunEnvironment, String)} once the results in {@code out} (not null) are complete: no resume. */
  static String complete(RunEnvironment env, String out) {
    return tooSmall(env.variables().apply("CRAWLPIPE_HEAP"), Runtime.getRuntime().maxMemory(),
        "the results in " + out + " are complete");
  }

  /** The hint's words about the heap, then {@code then} (if not null) after a semicolon, in parentheses. */
  private static String tooSmall(String heap, long maxHeap, String then) {
    Matcher size = HEAP_SIZE.matcher(heap == null ? "" : heap);
    boolean set = size.matches();
    long mebibytes = Math.max(1, (maxHeap + MIB - 1) / MIB);
    String now = set ? "CRAWLPIPE_HEAP=" + heap : "at most " + mebibytes + "m";
    long bytes = set ? Long.parseLong(size.group(1)) << UNIT_SHIFTS.get(Character.toLowerCase(size.group(2).charAt(0))) : maxHeap;
    return " (the heap, " + now + ", is too small for this run: raise it" + (set ? "" : " with CRAWLPIPE_HEAP")
        + ", e.g. CRAWLPIPE_HEAP=" + raised(bytes) + (then != null ? "; " + then + ")" : ")");
  }

  /**
   * A heap to try after {@code bytes} ran out: four times as much, at least 128m (a {@code --resume}
   * holds the finished lines' URLs beside the list's, so twice was not always enough), at most the
   * launcher's 4096g; in whole mebibytes or gibibytes.
   */
  private static String raised(long bytes) {
    long mib = Math.min(4096L * 1024, Math.max(128, (Math.min(bytes, Long.MAX_VALUE / 4) * 4 + MIB - 1) / MIB));
    return mib % 1024 == 0 ? mib / 1024 + "g" : mib + "m";
  }

  /**
   * How a run whose {@code --out} is {@code out} (null when not given) and that appends or not is
   * continued: {@code --resume}, or {@code --append --resume}; null when its results do not
   * go to a file (stdout {@code -}, a device or a pipe), which nothing continues.
   */
  static String resumeOption(String out, boolean append) {
    if (out == null || out.equals("-")) return null;
    try {
      if (OutputTargets.isStream(Path.of(out))) return null;
    } catch (InvalidPathException e) {
      return null; // no such file was written
    }
    return append ? "--append --resume" : "--resume";
  }
}
