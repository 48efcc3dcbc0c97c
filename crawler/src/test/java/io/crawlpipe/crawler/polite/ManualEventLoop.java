package io.crawlpipe.crawler.polite;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.PriorityQueue;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * An {@link EventLoop} for tests: events queue up until the test runs them on its own thread with
 * {@link #runPending()}, and time moves only when the test calls {@link #advance}. Remembers every
 * delay it was asked to schedule. Events may be submitted from any thread; run them from one.
 */
final class ManualEventLoop implements EventLoop {
  private record Timer(long due, long seq, Runnable event) {}

  private final Queue<Runnable> events = new ConcurrentLinkedQueue<>();
  private final PriorityQueue<Timer> timers = new PriorityQueue<>(
      (a, b) -> a.due != b.due ? Long.compare(a.due, b.due) : Long.compare(a.seq, b.seq));
  private final List<Duration> scheduled = new ArrayList<>();
  private volatile long now;
  private long seq;

  @Override
  public void execute(Runnable event) {
    events.add(event);
  }

  @Override
  public synchronized void schedule(Runnable event, Duration delay) {
    scheduled.add(delay);
    timers.add(new Timer(now + delay.toNanos(), seq++, event));
  }

  @Override
  public long nanoTime() {
    return now;
  }

  /** Runs queued events, and the events they queue, until none is left. */
  void runPending() {
    Runnable event;
    while ((event = events.poll()) != null) event.run();
  }

  /** Moves time forward by {@code by}, running each timer at its due time, in order. */
  void advance(Duration by) {
    long target = now + by.toNanos();
    runPending();
    Timer next;
    while ((next = dueBy(target)) != null) {
      now = next.due;
      next.event.run();
      runPending();
    }
    now = target;
  }

  private synchronized Timer dueBy(long target) {
    Timer first = timers.peek();
    return first != null && first.due <= target ? timers.poll() : null;
  }

  /** Every delay passed to {@link #schedule}, in order. */
  synchronized List<Duration> scheduledDelays() {
    return List.copyOf(scheduled);
  }

  /** Time elapsed on this loop since it was created. */
  Duration elapsed() {
    return Duration.ofNanos(now);
  }
}
