package io.crawlpipe.crawler.process;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A worker process that is no process and holds its fetch jobs unanswered until its {@link
 * Release} opens: it says hello, then answers each job it was sent with an empty 200 page, but only
 * once released; it ends when its stdin closes (as a worker exits then, even holding jobs) or it is
 * killed. For tests of how many workers the pool keeps alive while they hold slow URLs. Thread-safe:
 * the fakes sharing a release share its monitor.
 */
final class HoldingProcess extends EndsWhenKilledProcess {
  private static final AtomicLong PIDS = new AtomicLong(4_200_000);
  private static final Pattern FETCH_ID = Pattern.compile("\"type\":\"fetch\",\"id\":(\\d+)");

  /** Opened once, it lets the fakes answer; its monitor guards their state. Thread-safe. */
  static final class Release {
    private boolean open;  // guarded by this

    synchronized void open() {
      open = true;
      notifyAll();
    }
  }

  private final Release lock;
  private final Deque<Long> held = new ArrayDeque<>();  // guarded by lock
  private final ByteArrayOutputStream line = new ByteArrayOutputStream();  // guarded by lock
  private boolean stdinClosed;  // guarded by lock
  private ByteArrayInputStream answer = new ByteArrayInputStream(new byte[0]);  // read by the reader thread only
  private final InputStream stdout;
  private final OutputStream stdin = new OutputStream() {
    @Override
    public void write(int b) {
      synchronized (lock) {
        if (b != '\n') {
          line.write(b);
          return;
        }
        Matcher fetch = FETCH_ID.matcher(line.toString(StandardCharsets.UTF_8));
        if (fetch.find()) held.addLast(Long.parseLong(fetch.group(1)));
        line.reset();
        lock.notifyAll();
      }
    }

    @Override
    public void close() {
      synchronized (lock) {
        stdinClosed = true;
        lock.notifyAll();
      }
    }
  };

  HoldingProcess(Release release) {
    super(PIDS.incrementAndGet());
    this.lock = Objects.requireNonNull(release, "release");
    this.stdout = firstThen(hello(pid()), this::afterHello);
  }

  /** Jobs it was sent and has not answered. */
  int held() {
    synchronized (lock) {
      return held.size();
    }
  }

  private int afterHello(byte[] b, int off, int len) throws InterruptedException {
    int n = answer.read(b, off, len);
    if (n > 0) return n;
    Long id = nextAnswer();
    if (id == null) {
      end();  // its stdin closed: it exits
      return -1;
    }
    answer = new ByteArrayInputStream(("{\"type\":\"page\",\"id\":" + id + ",\"final_url\":\"http://a.test/\","
        + "\"status\":200,\"fetched_at_second\":0,\"fetched_at_nano\":0,\"elapsed_ms\":1,\"attempts\":1,"
        + "\"body_length\":0}\n").getBytes(StandardCharsets.UTF_8));
    return answer.read(b, off, len);
  }

  /** Waits until it is released and holds a job (returns its id) or its stdin closed (returns null). */
  private Long nextAnswer() throws InterruptedException {
    synchronized (lock) {
      while (true) {
        if (stdinClosed || ended()) return null;
        if (lock.open && !held.isEmpty()) return held.pollFirst();
        lock.wait();
      }
    }
  }

  @Override
  public void destroy() {
    synchronized (lock) {
      super.destroy();
      lock.notifyAll();
    }
  }

  @Override
  public OutputStream getOutputStream() {
    return stdin;
  }

  @Override
  public InputStream getInputStream() {
    return stdout;
  }
}
