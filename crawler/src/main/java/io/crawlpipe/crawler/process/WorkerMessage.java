package io.crawlpipe.crawler.process;

import io.crawlpipe.crawler.fetch.FetchException;
import io.crawlpipe.crawler.fetch.FetchResult;
import io.crawlpipe.store.ErrorType;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * A message a worker writes to its stdout: one {@link Hello} in answer to the parent's, then one
 * {@link Page} or {@link Failure} per fetch job, in completion order, each preceded by a {@link
 * Started} when the job asked for one. See {@link ProtocolCodec},
 * which writes them; the parent reads them with a {@link WorkerMessageReader}.
 */
sealed interface WorkerMessage {

  /** The protocol version the worker speaks, and its process id. */
  record Hello(int version, long pid) implements WorkerMessage {}

  /** The worker is writing job {@code id}'s request (its connection open); its {@link ParentMessage.Fetch} asked to hear of it. */
  record Started(long id) implements WorkerMessage {}

  /** A response as the worker read it; {@code body} travels as raw bytes after the message's line. */
  record Page(long id, String finalUrl, int status, String contentType, Map<String, String> headers,
      byte[] body, Instant fetchedAt, long elapsedMs, int attempts) implements WorkerMessage {
    public Page {
      Objects.requireNonNull(finalUrl, "finalUrl");
      Objects.requireNonNull(body, "body");
      Objects.requireNonNull(fetchedAt, "fetchedAt");
    }

    static Page of(long id, FetchResult r) {
      return new Page(id, r.finalUrl(), r.status(), r.contentType(), r.headers(), r.body(),
          r.fetchedAt(), r.elapsedMs(), r.attempts());
    }

    FetchResult toFetchResult(String url) {
      return new FetchResult(url, finalUrl, status, contentType, headers, body, fetchedAt, elapsedMs, attempts);
    }
  }

  /**
   * No response could be read: the error type and message the worker's fetcher reported, and when
   * the worker started the fetch and how long it took, as a {@link Page} has them. {@code
   * fetchedAt} is null when the worker did not say (a worker of a build before failures carried
   * it); {@code elapsedMs} is then 0.
   */
  record Failure(long id, ErrorType errorType, String message, int attempts, Instant fetchedAt, long elapsedMs)
      implements WorkerMessage {
    public Failure {
      Objects.requireNonNull(errorType, "errorType");
      if (elapsedMs < 0) throw new IllegalArgumentException("elapsedMs must be >= 0, was " + elapsedMs);
      if (fetchedAt == null && elapsedMs != 0) {
        throw new IllegalArgumentException("elapsedMs must be 0 without a fetchedAt, was " + elapsedMs);
      }
    }

    /** {@code e}, from the fetch the worker started at {@code fetchedAt} and that took {@code elapsedMs}. */
    static Failure of(long id, FetchException e, Instant fetchedAt, long elapsedMs) {
      return new Failure(id, e.type(), e.getMessage(), e.attempts(), Objects.requireNonNull(fetchedAt, "fetchedAt"),
          elapsedMs);
    }

    /** The failure as the parent's future ends with it: timed by the worker when the worker said. */
    FetchException toException(String url) {
      FetchException e = new FetchException(url, errorType, message, null, attempts);
      return fetchedAt == null ? e : e.withTiming(fetchedAt, elapsedMs);
    }
  }
}
