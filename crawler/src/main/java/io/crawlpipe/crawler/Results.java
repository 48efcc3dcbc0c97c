package io.crawlpipe.crawler;

import io.crawlpipe.crawler.fetch.AsyncFetcher;
import io.crawlpipe.crawler.fetch.FetchException;
import io.crawlpipe.crawler.fetch.FetchResult;
import io.crawlpipe.parser.ExtractTimeoutException;
import io.crawlpipe.parser.ExtractionException;
import io.crawlpipe.parser.ParsedPage;
import io.crawlpipe.store.CrawlResult;
import io.crawlpipe.store.ErrorType;
import io.crawlpipe.store.ResultError;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Turns what the stages produced, or how they failed, into result lines. Stateless. */
final class Results {
  private static final Logger log = LoggerFactory.getLogger(Results.class);

  private Results() {}

  /** A fetched (and possibly parsed) page. {@code ok} is true for 2xx. */
  static CrawlResult success(FetchResult f, ParsedPage page) {
    return new CrawlResult(f.url(), f.finalUrl(), f.status(), f.isSuccessful(), f.contentType(),
        f.body().length, page.title(), page.charset(), f.fetchedAt(), f.elapsedMs(), f.attempts(),
        page.data(), null);
  }

  /**
   * A response whose body was not read because of its content type or content coding (see {@code
   * Http1Fetcher} and {@code OkHttpFetcher}): {@code unsupported_content} saying {@code why} (one
   * line, not null) for 2xx, plain data (status, type, no body) otherwise.
   */
  static CrawlResult unsupported(FetchResult f, String why) {
    CrawlResult result = success(f, ParsedPage.unparsed(null));
    if (!f.isSuccessful()) return result;
    return result.withError(new ResultError(ErrorType.UNSUPPORTED_CONTENT, why));
  }

  /** An input line that is not a fetchable URL; it is never fetched. */
  static CrawlResult invalid(String url, String problem, Instant at) {
    return CrawlResult.failure(url, at, 0, 0, new ResultError(ErrorType.INVALID_URL, problem));
  }

  /**
   * A fetched page whose extraction failed: its fetch facts and {@code basics} (the default
   * extraction's title and charset; no data), with extract_timeout or extract_error.
   */
  static CrawlResult extractFailure(FetchResult fetched, ParsedPage basics, ExtractionException e) {
    return success(fetched, basics).withError(new ResultError(
        e instanceof ExtractTimeoutException ? ErrorType.EXTRACT_TIMEOUT : ErrorType.EXTRACT_ERROR, e.getMessage()));
  }

  /**
   * The one place where a failed URL becomes a result line. A fetch failure keeps its type,
   * attempts and, when it has them, the times of its last attempt (else {@code startedAt} and
   * {@code elapsedMs} are used); anything else is a bug, logged with its trace and {@code hint}
   * ({@link InternalFailures#log}; null: at DEBUG only, the caller tells it), whose line has
   * {@code attempts}: what the caller knows of them (0 before a fetch ended).
   */
  static CrawlResult failure(String url, Instant startedAt, long elapsedMs, int attempts, Throwable error,
      String hint) {
    Throwable cause = AsyncFetcher.cause(error);
    return switch (cause) {
      case FetchException e when e.fetchedAt() != null -> CrawlResult.failure(url, e.fetchedAt(), e.elapsedMs(),
          e.attempts(), new ResultError(e.type(), e.getMessage()));
      case FetchException e -> CrawlResult.failure(url, startedAt, elapsedMs, e.attempts(),
          new ResultError(e.type(), e.getMessage()));
      default -> {
        InternalFailures.log(log, url, cause, hint);
        yield CrawlResult.failure(url, startedAt, elapsedMs, attempts,
            new ResultError(ErrorType.INTERNAL, FetchException.internalMessage(cause)));
      }
    };
  }
}
