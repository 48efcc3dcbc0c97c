package io.crawlpipe.crawler.process;

import java.io.IOException;
import java.io.OutputStream;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.event.Level;

/**
 * The parent's handle on one worker process: its pipes, the two daemon threads reading its stdout
 * (protocol lines, reported to {@link WorkerEvents} by {@link WorkerStdout}) and stderr (forwarded
 * to the log), and the pool's bookkeeping for it. Writes to stdin are serialised by a lock of its
 * own; the fields marked so are guarded by the pool's lock.
 */
final class WorkerProcess {
  private static final Logger log = LoggerFactory.getLogger(WorkerProcess.class);
  private static final int KILL_WAIT_SECONDS = 5;
  /** How long a worker whose stdout ended, or whose stdin broke, has to exit before it is killed. */
  private static final int EXIT_AFTER_EOF_SECONDS = 2;

  /** STARTING until its hello; RETIRING once it is to get no more jobs; GONE once it exited. */
  enum State { STARTING, READY, RETIRING, GONE }

  private final int id;
  private final Process process;
  private final ProtocolCodec codec;
  private final long maxBodyBytes;
  private final long heap;
  private StderrForwarder stderr;
  private Thread stderrThread;
  private final ReentrantLock stdinLock = new ReentrantLock();
  private final long startNanos = System.nanoTime();
  /** Completes when the worker said hello; fails with the reason it never will. */
  final CompletableFuture<Void> ready = new CompletableFuture<>();
  /** Jobs sent and not answered, by id. Guarded by the pool's lock. */
  final Map<Long, PoolJob> inFlight = new HashMap<>();
  /** Guarded by the pool's lock. */
  State state = State.STARTING;
  /** Jobs ever sent to it. Guarded by the pool's lock. */
  int assigned;
  /** Why the pool killed it, or null. Guarded by the pool's lock. */
  String killReason;
  /** The URL it was killed for being silent about, or null. Guarded by the pool's lock. */
  PoolJob culprit;

  /** {@code maxBodyBytes}: the largest page body the worker may send (its {@code --max-bytes}); {@code heap}: its {@code --worker-heap}. */
  WorkerProcess(int id, Process process, ProtocolCodec codec, long maxBodyBytes, long heap) {
    this.id = id;
    this.process = Objects.requireNonNull(process, "process");
    this.codec = Objects.requireNonNull(codec, "codec");
    this.maxBodyBytes = maxBodyBytes;
    this.heap = heap;
  }

  int id() {
    return id;
  }

  long pid() {
    return process.pid();
  }

  /** Milliseconds since the process was started. */
  long ageMillis() {
    return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startNanos);
  }

  CompletableFuture<Process> onExit() {
    return process.onExit();
  }

  /** Starts the reader threads and sends the hello; a worker that cannot take it is killed. */
  void start(ParentMessage.Hello hello, WorkerEvents events) {
    stderr = new StderrForwarder(process.getErrorStream(), id, pid());
    ready.thenRun(stderr::release);  // its stderr is held until its hello
    stderrThread = Thread.ofPlatform().daemon().name("worker-" + id + "-err").start(stderr);
    WorkerStdout stdout = new WorkerStdout(this, process, codec, maxBodyBytes, events);
    Thread.ofPlatform().daemon().name("worker-" + id + "-out").start(stdout);
    send(hello);
  }

  /**
   * Writes one message to the worker's stdin; if the pipe is broken, kills the worker if it still
   * runs {@value #EXIT_AFTER_EOF_SECONDS} s later (its reader then reports it gone, as it does for
   * one that ended). Does not wait for that.
   */
  void send(ParentMessage message) {
    byte[] line = codec.line(message);
    stdinLock.lock();
    try {
      OutputStream stdin = process.getOutputStream();
      stdin.write(line);
      stdin.flush();
    } catch (IOException e) {
      log.debug("worker {} pid={}: cannot write to stdin: {}", id, pid(), e.getMessage());
      // A broken pipe mostly means it ended, though it may not be reaped yet (isAlive still true):
      // killing it then would close its stderr unread (its last words), so it gets time to end.
      process.onExit().orTimeout(EXIT_AFTER_EOF_SECONDS, TimeUnit.SECONDS).exceptionally(stillRunning -> {
        kill();
        return null;
      });
    } finally {
      stdinLock.unlock();
    }
  }

  /** Closes the worker's stdin, which tells it to exit. */
  void closeStdin() {
    stdinLock.lock();
    try {
      process.getOutputStream().close();
    } catch (IOException e) {
      log.debug("worker {} pid={}: closing stdin: {}", id, pid(), e.getMessage());
    } finally {
      stdinLock.unlock();
    }
  }

  /** Sends SIGKILL (or the platform's equivalent); the reader reports the worker gone. */
  void kill() {
    process.destroyForcibly();
  }

  /**
   * Waits (briefly) for the process to end after its stdout closed, and for its stderr to be read
   * to the end (its JVM's last words), and says how it ended. On the stdout thread ({@link
   * WorkerStdout}).
   */
  String awaitEnd() {
    int status;
    try {
      if (!process.waitFor(EXIT_AFTER_EOF_SECONDS, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        process.waitFor();
      }
      if (stderrThread != null) stderrThread.join(Duration.ofSeconds(5));  // at once but on a starved machine: it has ended
      status = process.exitValue();
      // -XX:+ExitOnOutOfMemoryError exits with 3, after its message on stderr
      if (status == 3 && ranOutOfMemory()) return "ran out of memory (--worker-heap " + JvmWorkerLauncher.heapSize(heap) + ")";
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      process.destroyForcibly();
      return "closed its stdout";
    }
    return status > 128 ? "was killed by signal " + (status - 128) : "exited with status " + status;
  }

  /**
   * On the stdout thread, after {@link WorkerEvents#onGone}: ends the hold on the stderr lines it
   * sent before its hello ({@link StderrForwarder#endHold}), at DEBUG, since the pool's line named
   * its first words, unless it was killed (read after onGone took the pool's lock on this thread):
   * then at WARN. After its hello this does nothing.
   */
  void endStderrHold() {
    if (stderr != null) stderr.endHold(killReason == null ? Level.DEBUG : Level.WARN);
  }

  /** Whether its stderr, read to the end (its JVM's last words included), said it ran out of memory. */
  private boolean ranOutOfMemory() {
    return stderr != null && stderr.sawOutOfMemory();
  }

  /** Its first line on stderr once it has ended ({@link StderrForwarder#firstWords()}); null when none. */
  String firstWords() {
    return stderr == null ? null : stderr.firstWords();
  }

  /**
   * Waits up to {@code grace} for the process to exit, then kills it and waits for that too, so
   * that on return it no longer exists (bar a process that survives SIGKILL, which is logged).
   */
  void awaitExit(Duration grace) {
    try {
      if (process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) return;
      log.debug("{} still running when its wait to exit ended; killing it", this);
      process.destroyForcibly();
      if (!process.waitFor(KILL_WAIT_SECONDS, TimeUnit.SECONDS)) log.warn("{} did not exit after SIGKILL", this);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      process.destroyForcibly();
    }
  }

  @Override
  public String toString() {
    return "worker " + id + " (pid " + pid() + ")";
  }
}
