package io.crawlpipe.crawler.fetch;

import io.crawlpipe.parser.ContentTypes;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import okhttp3.Call;
import okhttp3.HttpUrl;
import okhttp3.Request;
import okhttp3.Response;

/**
 * Fetches with a {@link SharedClient}: each hop with the configuration for its URL's scheme.
 * Redirects are followed here, not by OkHttp, so the limit is ours and the final URL is known; the
 * redirect past the limit is returned as the response, without its body (the crawl's {@code
 * HostScheduler} asks for none and follows them itself); one deadline covers every hop and the body. The body
 * is read in chunks and abandoned as soon as it passes {@code maxBytes} of decoded bytes, so an
 * oversized or endless body is never held whole. A body whose content type is not text, HTML, JSON
 * or XML ({@link ContentTypes#isTextual}), or that is in a content coding crawlpipe does not decode
 * ({@link ContentCodings}), is not read at all (a {@code /robots.txt} always is): the result has the
 * status, the type and an empty body. A request that went on a pooled connection
 * and got no byte of an answer (the server closed the connection while it was idle), or an HTTP/1
 * {@code 408} (the server timed the connection out), is sent again on a new connection, once per hop, as
 * {@link Http1Fetcher} does; OkHttp's own resends are off ({@link SharedClient}). A request whose HTTP/2
 * stream the server refused ({@code REFUSED_STREAM}: not processed, RFC 9113 §8.7) is sent again
 * at once, on a new connection, up to {@link #MAX_REFUSALS} times per fetch; any other stream
 * reset is the request's answer, a failure, but {@code CANCEL}, which is also how OkHttp fails the
 * streams of a connection the server closed. Thread-safe; the
 * client is owned by the caller.
 */
public final class OkHttpFetcher implements Fetcher {
  /** How many more connections a request is tried on when the one it was to go on held unasked bytes. */
  private static final int MAX_RESENDS = 4;
  /** How many times a request whose HTTP/2 stream the server refused (REFUSED_STREAM) is sent again. */
  static final int MAX_REFUSALS = 3;

  private final SharedClient client;
  private final FetchSettings settings;
  private final Clock clock;
  private final UrlParser urls = new UrlParser(UrlParser.KEPT_AUTHORITIES);

  public OkHttpFetcher(SharedClient client, FetchSettings settings, Clock clock) {
    this.client = Objects.requireNonNull(client, "client");
    this.settings = Objects.requireNonNull(settings, "settings");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  @Override
  public FetchResult fetch(String url) throws FetchException {
    return fetch(url, () -> {});
  }

  @Override
  public FetchResult fetch(String url, Runnable sent) throws FetchException {
    Instant fetchedAt = clock.instant();
    long start = System.nanoTime();
    long deadline = start + settings.timeout().toNanos();
    OkHttpFetchState fetch = new OkHttpFetchState(url, urls.require(url), new FetchProgress(settings.timeout(), sent),
        fetchedAt, start, deadline);
    while (true) {
      FetchResult result = attempt(fetch);
      if (result != null) return result;
    }
  }

  /**
   * Sends {@code fetch}'s current request once: the fetch's result when that response is its last;
   * null when the fetch goes on, {@code fetch} moved to the next request (a redirect's target, or
   * the same request again on a new connection).
   */
  private FetchResult attempt(OkHttpFetchState fetch) throws FetchException {
    FetchProgress progress = fetch.progress();
    progress.request(fetch.current().host(), fetch.hop() == 0 ? null : fetch.current().toString());
    OkHttpCallEvents events = new OkHttpCallEvents(progress);
    Call call = newCall(fetch.current(), fetch.resent(), fetch.deadline(), events);
    try (Response response = call.execute()) {
      return answered(fetch, call, events, response);
    } catch (FetchException e) {
      throw e;
    } catch (OkHttpExchangeGuard.StaleConnection e) {
      // Not sent: the connection held bytes no request asked for, and was closed. Sent again, as http1 does.
      if (fetch.staleConnection() > MAX_RESENDS) throw FetchFailures.classify(fetch.url(), e, fetch.deadlinePassed(), progress);
    } catch (IOException e) {
      failed(fetch, call, events, e);
    } finally {
      client.ended(call);
    }
    return null;
  }

  /**
   * What {@code response} to {@code fetch}'s current request makes of the fetch: its result, or
   * null with {@code fetch} moved on to a redirect's target, or to the same request on a new
   * connection after a {@code 408} on a reused HTTP/1 one. Whatever fails here abandons the call
   * ({@link #abandon}) before the response is closed.
   */
  private FetchResult answered(OkHttpFetchState fetch, Call call, OkHttpCallEvents events, Response response)
      throws IOException {
    try {
      OkHttpResponseHead.requireWellFormed(fetch.url(), response);
      if (response.code() == 408 && events.reused() && !fetch.resent() && OkHttpResponseHead.isHttp1(response)) {
        events.retireConnection(); // its idle timeout, not an answer: RFC 9110 lets the request be repeated
        fetch.resend();
        return null;
      }
      HttpUrl next = fetch.hop() < settings.maxRedirects()
          ? OkHttpResponseHead.redirectTarget(fetch.url(), fetch.current(), response) : null;
      if (next == null) return result(fetch, response);
      fetch.redirectTo(next);
      return null;
    } catch (Throwable failure) {
      abandon(call, events);
      throw failure;
    }
  }

  /**
   * Marks {@code fetch}'s request, which failed with {@code e}, to be sent again on a new
   * connection, or throws the fetch's failure. A refused HTTP/2 stream is sent again up to {@link
   * #MAX_REFUSALS} times; any other failure once, if nothing came back ({@link #mayResend}).
   */
  private static void failed(OkHttpFetchState fetch, Call call, OkHttpCallEvents events, IOException e)
      throws FetchException {
    boolean deadlinePassed = fetch.deadlinePassed();
    // Not processed (RFC 9113 §8.7): sent again at once on a new connection, whose first stream
    // no limit of concurrent streams refuses (the pool's may be full, or opened before its settings came).
    if (!deadlinePassed && events.refused(e) && !call.isCanceled() && fetch.refusedAgain() <= MAX_REFUSALS) {
      fetch.resend();
      return;
    }
    if (fetch.resent() || deadlinePassed || !mayResend(call, events, e)) {
      throw FetchFailures.classify(fetch.url(), events.explained(e), deadlinePassed, fetch.progress());
    }
    fetch.resend();
  }

  /**
   * A call for {@code url} within {@code deadline}, registered with the client until it ends, on a
   * connection of the shared pool, or on a new one when {@code fresh}.
   */
  private Call newCall(HttpUrl url, boolean fresh, long deadline, OkHttpCallEvents events) {
    Call call = (fresh ? client.forNewConnection(url) : client.forUrl(url)).newCall(request(url));
    call.timeout().timeout(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
    call.addEventListener(events);
    client.started(call);
    return call;
  }

  /**
   * Ends a call whose response failed while open, whatever failed (a read, the limit, an Error),
   * before the response is closed: the call is cancelled and, on HTTP/1, its connection closed and
   * its bytes read ahead dropped ({@link OkHttpCallEvents#abandonConnection}), so that OkHttp's
   * close does not read on to discard the rest of the body (it would read a chunk-size line that
   * never ends for ever, past {@code --timeout}) and always completes, giving the connection back
   * rather than leaking it. On HTTP/2 the cancel resets the call's own stream, and the connection
   * goes on carrying the other fetches' streams.
   */
  private static void abandon(Call call, OkHttpCallEvents events) {
    call.cancel();
    events.abandonConnection();
  }

  /**
   * True when the request that failed with {@code e} may be sent again on a new connection, as
   * {@link Http1Fetcher} does: it went on a pooled connection, nothing of a response came back (the
   * server closed the connection while it was idle; an HTTP/2 stream reset is an answer), and the
   * call was not cancelled.
   */
  private static boolean mayResend(Call call, OkHttpCallEvents events, IOException e) {
    return events.reused() && events.nothingReceived(e) && !call.isCanceled();
  }

  /** The result of the final hop's {@code response}: its body read if wanted; a redirect handed back without it. */
  private FetchResult result(OkHttpFetchState fetch, Response response) throws IOException {
    // A redirect past the limit is handed back as it is, its Location not even resolved, without its body.
    boolean handedBack = OkHttpResponseHead.redirectLocation(response) != null;
    String coding = OkHttpBodyReader.contentEncoding(response);
    boolean reads = OkHttpBodyReader.reads(fetch.current(), response, coding);
    byte[] body = !handedBack && reads
        ? OkHttpBodyReader.read(fetch.url(), response.body(), fetch.progress(), settings.maxBytes()) : new byte[0];
    long elapsedMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - fetch.start());
    return new FetchResult(fetch.url(), fetch.current().toString(), response.code(), response.header("Content-Type"),
        FetchResult.keptHeaders(name -> name.equals("content-encoding") ? coding : response.header(name)), body,
        fetch.fetchedAt(), elapsedMs, 1);
  }

  private Request request(HttpUrl url) {
    // Accept-Encoding set here, not left to OkHttp, which leaves it out of a request with a Range
    // header; OkHttpFraming decodes gzip either way.
    Request.Builder request = new Request.Builder().url(requested(url)).header("User-Agent", settings.userAgent())
        .header("Accept-Encoding", "gzip");
    for (RequestHeader header : settings.headers()) request.addHeader(header.name(), header.value());
    return request.build();
  }

  /**
   * {@code url} without its user info and fragment, which RFC 9112 keeps out of a request target:
   * OkHttp sends a proxy the URL it is given whole ({@code GET http://user:pass@host/#f}), as
   * {@link Http1Fetcher} never does. {@code url} itself when it has neither, as most have.
   */
  private static HttpUrl requested(HttpUrl url) {
    if (url.encodedUsername().isEmpty() && url.encodedPassword().isEmpty() && url.encodedFragment() == null) return url;
    return url.newBuilder().username("").password("").fragment(null).build();
  }
}
