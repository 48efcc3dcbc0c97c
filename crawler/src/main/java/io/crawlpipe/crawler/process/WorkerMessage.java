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

  /** No response could be read: the error type and message the worker's fetcher reported. */
  record Failure(long id, ErrorType errorType, String message, int attempts) implements WorkerMessage {
    public Failure {
      Objects.requireNonNull(errorType, "errorType");
    }

    static Failure of(long id, FetchException e) {
      return new Failure(id, e.type(), e.getMessage(), e.attempts());
    }

    FetchException toException(String url) {
      return new FetchException(url, errorType, message, null, attempts);
    }
  }
}
