package io.crawlpipe.crawler.polite;

import io.crawlpipe.crawler.fetch.AsyncFetcher;
import io.crawlpipe.crawler.fetch.FetchResult;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * One request's send, for a host with a delay and for robots.txt (whose {@code Crawl-delay} may
 * bring one): the host's next start waits until the mode says this request was written ({@link
 * HostQueue#awaitingSend}), and the delay is timed from then. Otherwise nothing waits, and the
 * mode is not asked to report. A request the mode sends again (its worker died) waits for the
 * host's turn like a first send ({@link #resend}). Confined to the scheduler's event loop, except
 * {@link #sent} and {@link #resend}.
 */
final class RequestSend {
  private final HostQueue host;
  private final EventLoop loop;
  private final Consumer<HostQueue> pump;
  private final boolean awaited;
  private boolean settled;

  /** {@code pump} starts what the host may start once the send is known (see {@link AttemptRunner}). */
  RequestSend(HostQueue host, boolean robots, EventLoop loop, Consumer<HostQueue> pump) {
    this.host = host;
    this.loop = loop;
    this.pump = pump;
    this.awaited = robots || host.delayNanos() > 0;
    if (awaited) host.sendAwaited();
  }

  /** Whether the host waits for this send, and so the mode is asked to report it. */
  boolean awaited() {
    return awaited;
  }

  /**
   * Hands the request of {@code url} to {@code mode}, asking it to report the send ({@link #sent})
   * and to ask before a re-send ({@link #resend}) when the send is {@link #awaited}. Never throws:
   * what the mode throws is the failed future's (a URL whose attempt never completes would hold the
   * run for ever).
   */
  CompletableFuture<FetchResult> attempt(AsyncFetcher mode, String url) {
    try {
      return awaited ? mode.fetch(url, this::sent, this::resend) : mode.fetch(url);
    } catch (RuntimeException | Error e) {
      return CompletableFuture.failedFuture(e);
    }
  }

  /** The mode's report, on any thread: the request is written now (timed on the loop, so a little later). */
  void sent() {
    loop.execute(() -> {
      host.sentAt(loop.nanoTime());
      if (settled) return;  // written again on a new connection, or reported after the outcome
      settle();
      pump.accept(host);
    });
  }

  /**
   * The mode's {@link io.crawlpipe.crawler.fetch.SendGate}, on any thread: it would write this
   * request again. If its send is still awaited (it was never written), nothing of the host was
   * written since it was let go, and {@code send} runs at once; else it waits in the host's queue
   * until no other send is awaited and the delay since the last one has passed, and its send is
   * awaited again.
   */
  void resend(Runnable send) {
    loop.execute(() -> {
      if (!settled) {
        send.run();
        return;
      }
      host.resendWaiting(() -> {
        settled = false;
        host.sendAwaited();
        send.run();
      });
      pump.accept(host);
    });
  }

  /** The send is no longer awaited: it happened, or the request ended without it. */
  void settle() {
    if (!awaited || settled) return;
    settled = true;
    host.sendSettled();
  }
}
