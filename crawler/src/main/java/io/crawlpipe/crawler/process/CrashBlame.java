package io.crawlpipe.crawler.process;

import java.util.Collection;

/**
 * The {@link JobRouter}'s rules for the URLs of lost workers: which URL a lost worker is blamed on,
 * how the URLs it held become suspects, and which worker a suspect, or another URL, may join (see
 * the router for what these rules achieve).
 *
 * <p>Stateless. Every method reads or writes {@link WorkerProcess} and {@link PoolJob} fields
 * guarded by the pool's lock, so is called with that lock held. Arguments are never null.
 */
final class CrashBlame {
  private CrashBlame() {}

  /**
   * The URL {@code w} died of, as far as can be told: the one it was silent about, or its only URL;
   * null when none can be blamed. A lone suspect beside other URLs is not blamed, as any of them
   * may have killed {@code w}.
   */
  static PoolJob blame(WorkerProcess w) {
    if (w.culprit != null && w.inFlight.get(w.culprit.id()) == w.culprit) return w.culprit;
    return w.inFlight.size() == 1 ? w.inFlight.values().iterator().next() : null;
  }

  /**
   * The URLs of a worker that died blaming none become suspects sharing a worker with at most half
   * as many suspects as there were ({@code held}, or a suspect's share if smaller), rounded up.
   */
  static void halveShares(Collection<PoolJob> held) {
    for (PoolJob job : held) {
      int was = job.suspect() ? Math.min(job.suspectShare, held.size()) : held.size();
      job.suspectShare = Math.max(1, (was + 1) / 2);
    }
  }

  /** Whether {@code w} holds fewer suspects than the share of {@code suspect} and of each suspect it holds. */
  static boolean hasRoomForSuspect(WorkerProcess w, PoolJob suspect) {
    int held = 0;
    int share = suspect.suspectShare;
    for (PoolJob job : w.inFlight.values()) {
      if (!job.suspect()) continue;
      held++;
      share = Math.min(share, job.suspectShare);
    }
    return held < share;
  }

  /** Whether {@code w} holds a suspect of share 1, which no URL may join. */
  static boolean holdsLoneSuspect(WorkerProcess w) {
    return w.inFlight.values().stream().anyMatch(job -> job.suspectShare == 1);
  }
}
