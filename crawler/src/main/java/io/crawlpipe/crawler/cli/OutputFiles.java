package io.crawlpipe.crawler.cli;

import io.crawlpipe.store.AtomicFileSink;
import io.crawlpipe.store.ResultFileScanner.Scan;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.function.BooleanSupplier;

/**
 * For {@link ResultOutput}: the files of one run's output, as the file system has them now: where
 * the lines written so far are, whether the run wrote anything of its own, and the removal of what
 * it made and left empty. {@code atomic} is the temporary file's sink (null unless the results are
 * renamed onto the target at the end), {@code target} the file (null for standard output), {@code
 * resumed} what {@code --resume} kept (null when none), {@code appendStart} the {@code --append} file
 * as the run found it (null for any other output). Immutable; each method asks the file system
 * anew, so it is as thread-safe as the file system is.
 */
record OutputFiles(AtomicFileSink atomic, Path target, Scan resumed, AppendStart appendStart) {

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
   * The file that held the lines written so far (the temporary file, or the {@code --append} file)
   * when it is known to exist no more (its directory was removed mid-run); null otherwise, and for
   * any other output.
   */
  Path linesGone() {
    Path lines = atomic != null ? atomic.partial() : appendStart != null ? target : null;
    return lines != null && Files.notExists(lines, LinkOption.NOFOLLOW_LINKS) ? lines : null;
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
   * (not on a stream, a device or a pipe).
   */
  String soFar(String name) {
    if (atomic != null) return OutputPhrases.soFar(atomic.partial().toString(), true);
    return OutputPhrases.soFar(name, standardStream() == null && !OutputTargets.isStream(target));
  }

  /** True for an empty temporary file ({@link #wroteNothing}) that this run created, not one it resumed. */
  private boolean ownAndEmpty() {
    return resumed == null && wroteNothing();
  }
}
