package io.crawlpipe.crawler;

import io.crawlpipe.crawler.fetch.Redirects;
import io.crawlpipe.store.CrawlResult;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes a run's lines to its sink ({@link SinkGuard}, so nothing after the sink failed), each with
 * the writing thread's interrupt status cleared meanwhile and then restored; counts each line
 * written in the run's {@link CrawlStats} and logs its {@code -v} line ({@link #doneLine}) on the
 * {@link Pipeline}'s logger. Does not own the sink guard or the stats.
 *
 * <p>Thread-safe: any thread writes (the sink guard serializes the writes). Results are never null.
 */
final class LineWriter {
  private static final Logger log = LoggerFactory.getLogger(Pipeline.class);
  private final SinkGuard sink;
  private final CrawlStats stats;

  LineWriter(SinkGuard sink, CrawlStats stats) {
    this.sink = Objects.requireNonNull(sink, "sink");
    this.stats = Objects.requireNonNull(stats, "stats");
  }

  /**
   * Writes {@code result} to the sink, with the thread's interrupt status cleared meanwhile and then
   * restored: the reader's thread, the caller's, writes the {@code invalid_url} and {@code cancelled}
   * lines, and interrupting it must not stop the crawl (see {@link Crawler}), while a sink writing
   * through an interruptible channel would be closed by it and lose every later line.
   */
  void write(CrawlResult result) {
    boolean interrupted = Thread.interrupted();
    boolean written;
    try {
      written = sink.write(result);
    } finally {
      if (interrupted) Thread.currentThread().interrupt();
    }
    if (!written) return;
    stats.record(result);
    if (log.isDebugEnabled()) log.debug(doneLine(result));
  }

  /** True once the sink has failed: nothing more is written. */
  boolean failed() {
    return sink.failed();
  }

  /**
   * The {@code -v} line of a stored result: {@code done url=U status=S ms=M attempts=A error=-}, or
   * {@code error=TYPE message="..."} for a failure, with {@code final_url=F} after the URL when it was
   * redirected ({@link #redirected}); URLs and the message written by {@link LogText}. The URL is
   * named without the user info of its authority ({@link Redirects#withoutUserInfo}): a list line
   * {@code http://user:pass@host/x} is refused as {@code invalid_url}, but its password must not
   * reach the log, though its results line keeps the line as written.
   */
  static String doneLine(CrawlResult result) {
    StringBuilder line = new StringBuilder("done url=")
        .append(LogText.printable(Redirects.withoutUserInfo(result.url())));
    if (redirected(result)) line.append(" final_url=").append(LogText.printable(result.finalUrl()));
    line.append(" status=").append(result.status()).append(" ms=").append(result.elapsedMs())
        .append(" attempts=").append(result.attempts());
    if (result.error() == null) return line.append(" error=-").toString();
    return line.append(" error=").append(result.error().type().code())
        .append(" message=").append(LogText.quoted(result.error().message())).toString();
  }

  /**
   * True when {@code result} has a final URL that is not its list line as the crawl requests it
   * ({@link Redirects#requestedForm}, as the redirect loop check compares them): a redirect back to a
   * URL already requested fails the line, so a final URL of the same form was reached without one;
   * a line that is only written otherwise ({@code /日本語}, {@code HTTP://A:80/x/../y}) was not redirected.
   */
  private static boolean redirected(CrawlResult result) {
    String finalUrl = result.finalUrl();
    if (finalUrl == null || finalUrl.equals(result.url())) return false;
    return !Redirects.requestedForm(result.url()).equals(Redirects.requestedForm(finalUrl));
  }
}
