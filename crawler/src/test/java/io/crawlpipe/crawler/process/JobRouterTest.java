package io.crawlpipe.crawler.process;

import static org.assertj.core.api.Assertions.assertThat;

import io.crawlpipe.crawler.fetch.FetchException;
import io.crawlpipe.store.ErrorType;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Where the URLs of a lost worker go, with stand-in workers that are no processes. */
class JobRouterTest extends JobRouterTestBase {
  JobRouterTest() {
    super(4);
  }

  /** {@code w} dies: its URLs go back to the router and to the survivors; then its replacement is ready. */
  private void dies(WorkerProcess w) {
    live.remove(w);
    w.state = WorkerProcess.State.GONE;
    router.requeue(w, w + " exited with status 3", false, after);
    router.dispatch(live, after);
    ready();
    router.dispatch(live, after);
    flush();
  }

  private WorkerProcess holderOf(PoolJob job) {
    return live.stream().filter(w -> w.inFlight.containsValue(job)).findFirst().orElse(null);
  }

  @Test
  void urlsThatShareAWorkerWithAPageThatKillsItAreFetchedAgainAndOnlyThatPageFails() {
    ready();
    PoolJob killer = new PoolJob(0, "http://a.test/killer");
    List<PoolJob> innocent = IntStream.rangeClosed(1, 3).mapToObj(i -> new PoolJob(i, "http://a.test/" + i)).toList();
    innocent.forEach(job -> router.add(job, after));
    router.add(killer, after);
    router.dispatch(live, after);  // all four on the one worker
    ready();

    for (int round = 0; round < 20 && !allDone(innocent, killer); round++) {
      WorkerProcess holder = holderOf(killer);
      if (holder != null) dies(holder);
      for (WorkerProcess w : live) {
        List<PoolJob> suspects = w.inFlight.values().stream().filter(PoolJob::suspect).toList();
        int share = suspects.stream().mapToInt(j -> j.suspectShare).min().orElse(Integer.MAX_VALUE);
        assertThat(suspects).as("suspects on " + w + ", within their share").hasSizeLessThanOrEqualTo(share);
      }
      for (WorkerProcess w : List.copyOf(live)) {  // the killer's worker dies before it answers anything
        if (w.inFlight.containsValue(killer)) continue;
        for (PoolJob job : List.copyOf(w.inFlight.values())) router.answered(w, job.id(), j -> j.result().complete(null), after);
      }
      router.dispatch(live, after);
      after.forEach(Runnable::run);
      after.clear();
    }

    assertThat(killer.result()).isCompletedExceptionally();
    FetchException e = (FetchException) killer.result().exceptionNow();
    assertThat(e.type()).isEqualTo(ErrorType.WORKER_CRASHED);
    assertThat(e).hasMessageStartingWith("3 worker processes died while fetching it");
    assertThat(innocent).allSatisfy(job -> assertThat(job.result()).isCompleted().isNotCompletedExceptionally());
  }

  private static boolean allDone(List<PoolJob> jobs, PoolJob killer) {
    return killer.result().isDone() && jobs.stream().allMatch(job -> job.result().isDone());
  }

  @Test
  void theUrlsOfALostWorkerWaitForRoomInsteadOfOverloadingTheSurvivor() {
    WorkerProcess first = ready();
    WorkerProcess second = ready();
    List<PoolJob> jobs = IntStream.range(0, 8).mapToObj(i -> new PoolJob(i, "http://a.test/" + i)).toList();
    jobs.forEach(job -> router.add(job, after));
    router.dispatch(live, after);
    assertThat(first.inFlight).hasSize(4);
    assertThat(second.inFlight).hasSize(4);

    live.remove(first);
    first.state = WorkerProcess.State.GONE;
    router.requeue(first, first + " exited with status 3", false, after);
    router.dispatch(live, after);
    assertThat(second.inFlight).as("the survivor holds no more than its share").hasSize(4);

    WorkerProcess replacement = ready();
    router.dispatch(live, after);
    assertThat(replacement.inFlight).as("half of the 4 suspects").hasSize(2);
    PoolJob answered = second.inFlight.values().iterator().next();
    router.answered(second, answered.id(), j -> {}, after);
    router.dispatch(live, after);
    assertThat(second.inFlight).as("room for one suspect").hasSize(4);
    assertThat(jobs).noneMatch(job -> job.crashes > 0);
  }

  @Test
  void aUrlWaitingAgainAfterItsWorkerDiedIsCancelledByAStopSayingSo() {
    WorkerProcess first = ready();
    PoolJob job = new PoolJob(1, "http://a.test/1");
    router.add(job, after);
    router.dispatch(live, after);
    live.remove(first);
    router.requeue(first, first + " was killed by signal 9", false, after);  // no worker to take it yet

    router.stop("run stopped (SIGTERM) before a worker took this URL", after);
    after.forEach(Runnable::run);

    FetchException e = (FetchException) job.result().exceptionNow();
    assertThat(e.type()).isEqualTo(ErrorType.CANCELLED);
    assertThat(e).hasMessage("run stopped (SIGTERM) before a worker took this URL again (" + first
        + " died while fetching it)");
    assertThat(e.attempts()).isEqualTo(1);
  }
}
