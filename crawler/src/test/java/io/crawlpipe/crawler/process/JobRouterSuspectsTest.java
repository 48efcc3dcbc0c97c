package io.crawlpipe.crawler.process;

import static org.assertj.core.api.Assertions.assertThat;

import io.crawlpipe.crawler.fetch.FetchException;
import io.crawlpipe.store.ErrorType;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The URLs of a worker that died blaming none go again in halves; stand-in workers that are no processes. */
class JobRouterSuspectsTest extends JobRouterTestBase {
  private static final int PER_WORKER = 32;

  JobRouterSuspectsTest() {
    super(PER_WORKER);
  }

  /** {@code w} dies (no URL it held is known to have killed it); its replacement is ready. */
  private WorkerProcess diesAndIsReplaced(WorkerProcess w) {
    live.remove(w);
    w.state = WorkerProcess.State.GONE;
    router.requeue(w, w + " was killed by signal 9", false, after);
    WorkerProcess replacement = ready();
    router.dispatch(live, after);
    flush();
    return replacement;
  }

  private List<PoolJob> onOneWorker(int urls) {
    WorkerProcess w = ready();
    List<PoolJob> jobs = IntStream.range(0, urls).mapToObj(i -> new PoolJob(i, "http://a.test/" + i)).toList();
    jobs.forEach(job -> router.add(job, after));
    router.dispatch(live, after);
    assertThat(w.inFlight).hasSize(urls);
    return jobs;
  }

  /**
   * One round of answers: the first live worker dies (and is replaced) if it holds {@code killer},
   * and answers every other URL it holds; then the router dispatches again.
   */
  private void answerRound(PoolJob killer) {
    WorkerProcess w = live.getFirst();
    if (w.inFlight.containsValue(killer)) w = diesAndIsReplaced(w);
    for (PoolJob job : List.copyOf(w.inFlight.values())) {
      if (job != killer) router.answered(w, job.id(), j -> j.result().complete(null), after);
    }
    router.dispatch(live, after);
    flush();
  }

  @Test
  void theUrlsOfAWorkerKilledFromOutsideGoAgainHalfAtOnceNotOneAtATime() {
    List<PoolJob> jobs = onOneWorker(30);

    WorkerProcess replacement = diesAndIsReplaced(live.getFirst());

    assertThat(replacement.inFlight).as("half of the 30 suspects at once").hasSize(15);
    for (PoolJob job : List.copyOf(replacement.inFlight.values())) {
      router.answered(replacement, job.id(), j -> j.result().complete(null), after);
    }
    router.dispatch(live, after);
    assertThat(replacement.inFlight).as("then the other half").hasSize(15);
    assertThat(jobs).noneMatch(job -> job.crashes > 0);
  }

  @Test
  void aPageThatKillsEveryWorkerAmong32IsIsolatedInAboutLog2RoundsAndAloneFails() {
    List<PoolJob> innocent = new ArrayList<>(onOneWorker(31));
    PoolJob killer = new PoolJob(99, "http://a.test/killer");
    router.add(killer, after);
    router.dispatch(live, after);
    int rounds = 0;
    for (; rounds < 64 && !(killer.result().isDone() && innocent.stream().allMatch(j -> j.result().isDone())); rounds++) {
      answerRound(killer);
    }

    assertThat(killer.result()).isCompletedExceptionally();
    FetchException e = (FetchException) killer.result().exceptionNow();
    assertThat(e.type()).isEqualTo(ErrorType.WORKER_CRASHED);
    assertThat(e).hasMessageStartingWith("3 worker processes died while fetching it");
    assertThat(innocent).allSatisfy(job -> assertThat(job.result()).isCompleted().isNotCompletedExceptionally())
        .allSatisfy(job -> assertThat(job.crashes).isZero());
    assertThat(rounds).as("rounds of answers: log2(32) halvings and 3 deaths blamed, not one suspect a round")
        .isLessThanOrEqualTo(2 * (1 + 5 + 3));
  }

  @Test
  void aNewPageThatKillsItsWorkerIsBlamedNotTheLoneSuspectsItWouldHaveJoined() {
    List<PoolJob> innocent = onOneWorker(2);
    diesAndIsReplaced(live.getFirst());
    PoolJob killer = new PoolJob(99, "http://a.test/killer");
    router.add(killer, after);
    router.dispatch(live, after);
    assertThat(live.getFirst().inFlight.values()).as("no new URL joins a suspect of share 1").doesNotContain(killer);
    for (int rounds = 0; rounds < 16 && !killer.result().isDone(); rounds++) {
      answerRound(killer);
    }

    assertThat(innocent).allSatisfy(job -> assertThat(job.crashes).isZero())
        .allSatisfy(job -> assertThat(job.result()).isCompleted().isNotCompletedExceptionally());
    assertThat(killer.crashes).isEqualTo(3);
    assertThat(((FetchException) killer.result().exceptionNow()).type()).isEqualTo(ErrorType.WORKER_CRASHED);
  }

  @Test
  void aLoneSuspectIsNotBlamedForAWorkerThatDiesHoldingAnotherUrlToo() {
    List<PoolJob> suspects = onOneWorker(2);
    WorkerProcess other = ready();
    PoolJob fresh = new PoolJob(7, "http://a.test/fresh");
    router.add(fresh, after);
    router.dispatch(live, after);
    WorkerProcess first = live.getFirst();
    live.remove(first);
    router.requeue(first, first + " was killed by signal 9", false, after);
    router.dispatch(live, after);
    assertThat(other.inFlight.values()).as("one suspect beside the URL it had").hasSize(2).contains(fresh);

    live.remove(other);
    PoolJob blamed = router.requeue(other, other + " was killed by signal 9", false, after);

    assertThat(blamed).isNull();
    assertThat(suspects).allSatisfy(job -> assertThat(job.crashes).isZero());
    assertThat(fresh.crashes).isZero();
  }
}
