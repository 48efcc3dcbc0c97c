package io.crawlpipe.crawler.cli;

import io.crawlpipe.store.AtomicFileSink;
import io.crawlpipe.store.ResultFileScanner.Scan;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.function.BooleanSupplier;

/**
 * For {@link ResultOutput}: the files of one run's output, as the file system has them now: where
 * the lines written so far are, whether the run wrote anything of its own, and the removal of what
 * it made and left empty. {@code atomic} is the temporary file's sink (null unless the results are
 * renamed onto the target at the end), {@code target} the file (null for standard output), {@code
 * resumed} what {@code --resume} kept (null when none), {@code appendStart} the {@code --append} file
 * as the run found it (null for any other output), {@code appendKey} that file's {@link
 * BasicFileAttributes#fileKey key} (device and inode) once the sink opened it ({@link #keyOf}; null
 * when the file system has none, and for any other output). Immutable; each method asks the file
 * system anew, so it is as thread-safe as the file system is.
 */
record OutputFiles(AtomicFileSink atomic, Path target, Scan resumed, AppendStart appendStart, Object appendKey) {
  OutputFiles {
    if (appendKey != null && appendStart == null) throw new IllegalArgumentException("a file key is kept for an --append file only");
  }

  /** The key of the file {@code file} names (following links), or null when it has none or cannot be read. */
  static Object keyOf(Path file) {
    try {
      return Files.readAttributes(file, BasicFileAttributes.class).fileKey();
    } catch (IOException e) {
      return null;
    }
  }

  /** The standard stream the results go to through the run's own stream, or null for a file. */
  StandardStream standardStream() {
    return target == null ? StandardStream.STDOUT : StandardStream.of(target);
  }

  /**
   * True when the run's temporary file exists and holds no byte: no line was written to it (nor
   * kept from an earlier run), so the target stays as it was.
   */
  boolean wroteNothing() {
    try {
      return atomic != null && Files.exists(atomic.partial()) && Files.size(atomic.partial()) == 0;
    } catch (IOException e) {
      return false;
    }
  }

  /**
   * What became of the lines written so far, after "; ", when they are known not to be where the
   * run wrote them: the temporary file exists no more ({@link OutputPhrases#lost}: its directory was
   * removed mid-run), or the {@code --append} file was removed or replaced ({@link #appendFileLost});
   * null otherwise, and for any other output.
   */
  String linesLost() {
    if (atomic != null) {
      return Files.notExists(atomic.partial(), LinkOption.NOFOLLOW_LINKS) ? OutputPhrases.lost(atomic.partial().toString()) : null;
    }
    return appendFileLost() ? OutputPhrases.appendFileLost(target.toString()) : null;
  }

  /**
   * True when the {@code --append} file is gone, or its name is another file's now than the one the
   * sink opened ({@code appendKey}: moved away, or replaced): what the run appended is not in it.
   * False for any other output, and when it cannot be told.
   */
  boolean appendFileLost() {
    if (appendStart == null) return false;
    if (Files.notExists(target)) return true; // following links, as the sink did
    Object now = keyOf(target);
    return appendKey != null && now != null && !appendKey.equals(now);
  }

  /** True for an {@code --append} file without kept lines that nothing was appended to. */
  boolean appendedNothing() {
    return appendStart != null && resumed == null && appendStart.unchanged(target);
  }

  /** Removes the temporary file if it is the run's own and holds no byte ({@link #ownAndEmpty}); true once it is gone. */
  boolean removedEmptyPartial() {
    if (!ownAndEmpty()) return false;
    try {
      Files.delete(atomic.partial());
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  /**
   * Removes what the run made and left unused: its own empty temporary file ({@link #ownAndEmpty}),
   * and an {@code --append} file it created, once {@code leftAsItWas} (asked only for such a file)
   * says that it was left as it was.
   *
   * @throws IOException when a removal fails
   */
  void removeUnused(BooleanSupplier leftAsItWas) throws IOException {
    if (ownAndEmpty()) Files.delete(atomic.partial());
    if (appendStart != null && !appendStart.existed() && leftAsItWas.getAsBoolean()) Files.delete(target);
  }

  /**
   * What a stop leaves, in {@link OutputPhrases#soFar}'s words: where the lines written so far are
   * (the temporary file, else the output named {@code name}) and whether --resume can finish the run
   * (not on a stream, a device or a pipe); with the {@code unclosed} problem when closing the sink
   * failed (null when it did not); or, when that file is gone or replaced and {@code held} lines
   * (this run wrote one, or it resumed some), that they are not there ({@link #linesLost}).
   */
  String soFar(String name, String unclosed, boolean held) {
    String lost = held ? linesLost() : null;
    if (lost != null) return lost;
    String where = atomic != null ? atomic.partial().toString() : name;
    boolean resumable = atomic != null || standardStream() == null && !OutputTargets.isStream(target);
    return unclosed == null ? OutputPhrases.soFar(where, resumable) : OutputPhrases.soFarUnclosed(where, unclosed, resumable);
  }

  /** True for an empty temporary file ({@link #wroteNothing}) that this run created, not one it resumed. */
  private boolean ownAndEmpty() {
    return resumed == null && wroteNothing();
  }
}
