package io.crawlpipe.crawler.cli;

import io.crawlpipe.crawler.FingerprintSet;
import io.crawlpipe.store.AtomicFileSink;
import io.crawlpipe.store.OutputLock;
import io.crawlpipe.store.ResultFileScanner.Scan;
import io.crawlpipe.store.ResultSink;
import io.crawlpipe.store.StoreException;
import java.io.IOException;
import java.nio.file.Path;

/**
 * Where one run's results go, with the lock and what a resumed run already has; opened by {@link
 * OutputOpening}. Four kinds:
 * standard output or error, written through the run's own stream ({@code --out -}, or a name of it
 * such as {@code /dev/stdout}: see {@link StandardStream}; no temporary file, a lock only if one is
 * named); an existing non-regular file such as a device or a
 * named pipe, written directly (lock only if one is named); a file written through {@link
 * AtomicFileSink} and renamed onto the target by {@link #finish()}; or, with {@code --append}, the
 * target itself.
 * Owns its sink and lock; {@link #close()} releases both, leaving an unfinished temporary file for
 * {@code --resume}. {@link #abandon()} may be called from another thread; the rest is the owner's.
 * {@link #finish()} and {@link #abandon()} are serialised: an abandon that comes during the commit
 * waits for it, and then reports the output complete.
 */
final class ResultOutput implements AutoCloseable {
  /** The sink as the crawl writes to it, noting that a line reached it; closing it closes the sink. */
  private final NotingSink noting;
  private final OutputLock lock;
  /**
   * {@code OUT.lock} when {@link #lock} is another file (--lock): the output's own, so that a run
   * without that --lock is kept out too; null otherwise.
   */
  private final OutputLock ownLock;
  private final String name;
  private final FingerprintSet done;
  private final OutputFiles files;
  /** What {@link #files} hold, and how the last line says it. */
  private final OutputHoldings holdings;
  /** Held by {@link #finish} and {@link #abandon} throughout, so neither sees the other half done. */
  private final Object sealing = new Object();
  /** Set once {@link #finish} has completed the output. Guarded by {@code sealing}. */
  private boolean finished;
  /** Set by {@link #abandon}: {@link #finish} then leaves the lines where it said. Guarded by {@code sealing}. */
  private boolean abandoned;
  /** Set by {@link #leaveAsItWas}: the target is not replaced. Guarded by {@code sealing}. */
  private boolean leftAsItWas;

  /**
   * Takes ownership of {@code sink} and the locks; {@code atomic}, {@code lock}, {@code ownLock},
   * {@code resumed} and {@code appendStart} (given only for an {@code --append} file) may be null.
   */
  ResultOutput(ResultSink sink, AtomicFileSink atomic, OutputLock lock, OutputLock ownLock, Path target,
      String name, FingerprintSet done, Scan resumed, AppendStart appendStart) {
    this.noting = new NotingSink(sink);
    this.lock = lock;
    this.ownLock = ownLock;
    this.name = name;
    this.done = done;
    this.files = new OutputFiles(atomic, target, resumed, appendStart,
        appendStart != null ? OutputFiles.keyOf(target) : null);
    this.holdings = new OutputHoldings(files, name, noting);
  }

  ResultSink sink() {
    return noting;
  }

  /** URLs the earlier run finished (empty unless resuming); the new run skips them. */
  FingerprintSet done() {
    return done;
  }

  /** True when {@code --resume} found an earlier run's file to continue (perhaps an empty one). */
  boolean resumedFile() {
    return files.resumed() != null;
  }

  /** Final lines kept from the earlier run ({@link #resumedFailed()}: how many of them failed). */
  long resumedLines() {
    return holdings.resumedLines();
  }

  long resumedFailed() {
    return files.resumed() == null ? 0 : files.resumed().finalFailed();
  }

  /** True when {@link #finish} renames a temporary file onto the target (the default mode, a regular file). */
  boolean replacesTarget() {
    return files.atomic() != null;
  }

  /** How the summary names the output: {@code stdout}, {@code stderr} or the file. */
  String name() {
    return name;
  }

  /** The file the results go to (a device or pipe, too), or null for {@code --out -}. */
  Path target() {
    return files.target();
  }

  /** The standard stream the results go to through the run's own stream, or null for a file. */
  StandardStream standardStream() {
    return files.standardStream();
  }

  /**
   * Completes the output: flushes, and renames the temporary file onto the target. After {@link
   * #abandon} it does nothing: the process is ending, and the lines stay where that said.
   *
   * @throws io.crawlpipe.store.StoreException when that fails (the temporary file stays), or when
   *     the {@code --append} file was removed or replaced during the run ({@link #linesLost} says so)
   */
  void finish() {
    synchronized (sealing) {
      if (abandoned) return;
      if (files.atomic() != null) files.atomic().commit(); else closeInPlace();
      finished = true;
    }
  }

  /**
   * Closes a sink that writes to the target itself; writes to an {@code --append} file removed or
   * replaced since it was opened went to a file that no longer has its name, which fails the run.
   */
  private void closeInPlace() {
    noting.close();
    if (noting.wroteLine() && files.appendFileLost()) {
      throw new StoreException("cannot finish results file " + name, new IOException(OutputPhrases.appendFileLost(name)));
    }
  }

  /**
   * For a run a stop ended before it read a URL: instead of {@link #finish}, leaves the target as
   * it was (its empty temporary file is removed by {@link #close}, or kept if the run resumed it),
   * so that an empty results file does not replace the last run's. Does so, and returns true, only
   * for a temporary file that holds no byte, or an {@code --append} file that kept no earlier run's lines for {@code --resume}
   * and had nothing appended (if the run created it, {@link #close} removes it); otherwise (a stream,
   * kept lines, a line written) returns false and changes nothing.
   */
  boolean leaveAsItWas() {
    synchronized (sealing) {
      if (finished || abandoned || !(holdings.heldNothing() || files.appendedNothing())) return false;
      leftAsItWas = true;
      return true;
    }
  }

  /**
   * That the {@code --append} file was removed or replaced during the run before this run appended
   * a line to it, after "; ", or null ({@link OutputHoldings#appendFileLostUntouched}).
   */
  String appendFileLostUntouched() {
    return holdings.appendFileLostUntouched();
  }

  /** True once {@link #leaveAsItWas} left the target as it was. */
  boolean leftAsItWas() {
    synchronized (sealing) {
      return leftAsItWas;
    }
  }

  /**
   * Seals the output at once, for a second stop signal: waits for the line being written (or for a
   * {@link #finish} under way), then closes without renaming. Returns what the stop leaves, to follow
   * "; " in its line: where the lines written so far are and whether --resume can finish the run
   * (not on a stream, a device or a pipe), with why closing failed if it did (after a failed write);
   * that they are lost, when the file that held them is gone or replaced, or that it was removed
   * before it held a line ({@link #linesLost}); that no line was written and the target was left as
   * it was, when its temporary file held no byte and was the run's own (it is removed); or, once {@link #finish} has completed the output, that the
   * results are complete. Never throws for a sink that fails to close.
   */
  String abandon() {
    String unclosed;
    synchronized (sealing) {
      if (finished) return OutputPhrases.complete(name(), standardStream() != null);
      abandoned = true;
      unclosed = noting.closeProblem();
      if (files.removedEmptyPartial()) return OutputPhrases.nothingWritten(name());
    }
    return holdings.leftByAStop(unclosed);
  }

  /**
   * Releases the sink (without renaming: an unfinished run's lines stay for --resume) and the lock.
   * A temporary file the run created and wrote nothing to (it stopped or failed before its first
   * line) is removed: it holds nothing to resume, and the next run would only warn about discarding
   * it. One that {@code --resume} continued is kept even when empty (its earlier run's lines were all
   * {@code cancelled}): it is that run's, and the next {@code --resume} must continue it, not take
   * the target for it ({@link EarlierResults#resumeSource}). An {@code --append} file this run
   * created and {@link #leaveAsItWas left as it was} is removed.
   */
  @Override
  public void close() throws IOException {
    try {
      if (!finished()) {
        noting.closeQuietly();
        files.removeUnused(this::leftAsItWas);
      }
    } catch (IOException e) {
      // The run already failed or stopped; the error it reported is the one that matters.
    } finally {
      try (OutputLock own = ownLock) {
        if (lock != null) lock.close();
      }
    }
  }

  /**
   * True when the run's temporary file exists and holds no byte: no line was written to it (nor
   * kept from an earlier run), so the target stays as it was ({@link OutputHoldings#wroteNothing}).
   */
  boolean wroteNothing() {
    return holdings.wroteNothing();
  }

  /**
   * That the lines written so far are gone or not where they were written, or that the temporary
   * file was removed before it held one, after "; "; or null ({@link OutputHoldings#linesLost}).
   */
  String linesLost() {
    return holdings.linesLost();
  }

  private boolean finished() {
    synchronized (sealing) {
      return finished;
    }
  }

  /** The earlier run's results cannot be continued as asked: one line saying why; nothing was changed. */
  static final class Refused extends IOException {
    Refused(String message) {
      super(message);
    }
  }
}
