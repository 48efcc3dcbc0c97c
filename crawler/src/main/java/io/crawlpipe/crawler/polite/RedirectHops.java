package io.crawlpipe.crawler.polite;

import io.crawlpipe.crawler.fetch.FetchException;
import io.crawlpipe.crawler.fetch.FetchResult;
import io.crawlpipe.crawler.fetch.Redirects;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Follows the redirects of the scheduler's URLs one hop at a time. The modes follow none (see
 * {@link io.crawlpipe.crawler.fetch.FetchSettings#withoutRedirects}): a redirect comes back as a
 * response, and instead of being the URL's result it sends the URL on, in the same attempt, to
 * the front of its target host's queue, where that host's robots.txt, {@code --per-host},
 * {@code --delay}, {@code Retry-After} pause and circuit breaker apply to the hop as to any other
 * request. A hop goes where {@link Redirects#target} says: to the {@code Location} without its
 * user info, so no hop's URL, final URL or message holds any. Up to {@code maxRedirects} hops;
 * the next one, or one back to a URL the chain has been at (a loop, which would only go round
 * until the limit), fails the URL as {@code too_many_redirects}, a {@code Location} that is not an
 * http(s) URL as {@code io}.
 *
 * <p>Confined to the scheduler's event loop.
 */
final class RedirectHops {
  private final int maxRedirects;
  private final Consumer<FetchTask> enqueueHop;

  /** {@code enqueueHop} puts a redirected task at the front of its (new) host's queue and pumps that host. */
  RedirectHops(int maxRedirects, Consumer<FetchTask> enqueueHop) {
    if (maxRedirects < 0) throw new IllegalArgumentException("maxRedirects must be >= 0, was " + maxRedirects);
    this.maxRedirects = maxRedirects;
    this.enqueueHop = Objects.requireNonNull(enqueueHop, "enqueueHop");
  }

  /** Completes {@code task} with {@code result}, its final response, or sends it on where {@code result} redirects. */
  void settle(FetchTask task, FetchResult result) {
    String next;
    HostKey nextHost;
    try {
      next = Redirects.target(task.url(), result);
      if (next == null) {
        task.succeed(result);
        return;
      }
      if (task.hops() >= maxRedirects) throw Redirects.tooMany(task.url(), maxRedirects, next);
      if (task.hasBeenAt(next)) throw Redirects.loop(task.url(), task.hops() + 1, next);
      nextHost = HostKey.of(next);
    } catch (FetchException e) {
      task.fail(e);
      return;
    }
    task.redirectTo(next, nextHost); // (next is an http(s) URL as OkHttp prints it: HostKey.of takes it)
    enqueueHop.accept(task);
  }
}
