package io.crawlpipe.crawler.process;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * A lock whose critical sections may defer work until after it is released: the body changes
 * state under the lock and adds what must follow (writing to a pipe, completing a future,
 * starting a process) to a list that runs, in order, once the lock is free. So no slow pipe and
 * no pipeline stage ever runs under the lock. Thread-safe.
 */
final class DeferringLock {
  private final ReentrantLock lock = new ReentrantLock();

  /** Runs {@code body} under the lock, then the actions it deferred, on the calling thread. */
  void run(Consumer<List<Runnable>> body) {
    List<Runnable> after = new ArrayList<>();
    lock.lock();
    try {
      body.accept(after);
    } finally {
      lock.unlock();
    }
    after.forEach(Runnable::run);
  }

  /** Runs {@code body} under the lock and returns its value. */
  <T> T get(Supplier<T> body) {
    lock.lock();
    try {
      return body.get();
    } finally {
      lock.unlock();
    }
  }

  Condition newCondition() {
    return lock.newCondition();
  }
}
