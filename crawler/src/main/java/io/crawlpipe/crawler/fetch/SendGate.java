package io.crawlpipe.crawler.fetch;

/**
 * Where a fetch mode asks before it writes a URL's request again because the process fetching it
 * was lost ({@code processes} mode: its worker died or was replaced): the {@link
 * io.crawlpipe.crawler.polite.HostScheduler} lets the request go once its host's delay since the
 * last request written to that host has passed, as for a first send, so a re-send never reaches a
 * site sooner than {@code --delay} after another request to it. See {@link
 * AsyncFetcher#fetch(String, Runnable, SendGate)}.
 *
 * <p>Implementations are thread-safe and return at once.
 */
@FunctionalInterface
public interface SendGate {
  /**
   * The mode wants to write the request again: runs {@code send} once, on any thread, when it may.
   * {@code send} never runs if the crawl ends first (its scheduler closed), so a mode must not wait
   * for it to end the URL's future. {@code send} must not throw.
   */
  void resend(Runnable send);
}
