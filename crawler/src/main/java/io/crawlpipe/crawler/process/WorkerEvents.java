package io.crawlpipe.crawler.process;

/**
 * What a worker's stdout reader reports to the pool. Both methods are called on that worker's
 * reader thread, in order; {@code onGone} exactly once, last.
 */
interface WorkerEvents {

  /** A protocol line arrived from {@code worker}. */
  void onMessage(WorkerProcess worker, WorkerMessage message);

  /** The worker's stdout ended and the process has exited; {@code exit} says how ("exited with status 0"). */
  void onGone(WorkerProcess worker, String exit);
}
