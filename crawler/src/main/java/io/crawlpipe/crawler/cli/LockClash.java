package io.crawlpipe.crawler.cli;

import io.crawlpipe.store.LockHeldException;
import io.crawlpipe.store.OutputLock;
import java.nio.file.Path;

/** The line of a run refused because another holds its output lock (exit 75). Stateless. */
final class LockClash {
  private LockClash() {}

  /**
   * Who holds the lock and what it writes, as its lock file says (an absolute path, named as this
   * run names it when it is this run's output too); without that (a run of an older version), the
   * output is named only when the lock is the output's own, since a shared {@code --lock}'s holder
   * may be writing another day's file. A lock file that other code of this very process holds (an
   * embedding program) is said to be that, not another run. A holder writing to its standard
   * output (what it says as {@code -}) is said to be writing to standard output. A lock on the
   * output file itself ({@link io.crawlpipe.store.SameFileLock}) held by another run can only be
   * one it reached through another name: a hard link.
   */
  static String message(LockHeldException e, String out) {
    if (e.byOtherCodeInThisProcess()) return e.getMessage() + "; not starting '" + out + "'";
    String who = "another run (pid " + (e.pid() == null ? "unknown" : e.pid()) + ")";
    if (!out.equals("-") && e.lockFile().equals(Path.of(out))) {
      return who + " is writing '" + out + "' through another name for the same file (a hard link); not starting";
    }
    boolean own = !out.equals("-") && e.lockFile().equals(OutputLock.besides(Path.of(out)));
    boolean same = e.holding() != null && !out.equals("-") && e.holding().equals(Path.of(out).toAbsolutePath().toString());
    String holding = same ? out : e.holding() != null ? e.holding() : own ? out : null;
    if ("-".equals(holding)) return who + " is writing to standard output (lock " + e.lockFile() + "); not starting";
    return holding != null ? who + " is writing '" + holding + "' (lock " + e.lockFile() + "); not starting"
        : who + " holds the lock " + e.lockFile() + "; not starting '" + out + "'";
  }
}
