package io.crawlpipe.crawler.fetch;

import io.crawlpipe.parser.ContentTypes;
import java.io.EOFException;
import java.io.IOException;
import java.net.ProtocolException;
import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import okhttp3.Call;
import okhttp3.HttpUrl;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;
import okio.Buffer;
import okio.BufferedSource;

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
  private static final int CHUNK = 16 * 1024;
  /** How many more connections a request is tried on when the one it was to go on held unasked bytes. */
  private static final int MAX_RESENDS = 4;
  /** How many times a request whose HTTP/2 stream the server refused (REFUSED_STREAM) is sent again. */
  static final int MAX_REFUSALS = 3;
  private static final String BODY_CUT = "unexpected end of stream";

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
    HttpUrl current = urls.require(url);
    FetchProgress progress = new FetchProgress(settings.timeout(), sent);
    int hop = 0;
    int staleResends = 0;
    int refusals = 0;
    boolean resent = false; // this hop's request, sent again on a new connection
    while (true) {
      progress.request(current.host(), hop == 0 ? null : current.toString());
      OkHttpCallEvents events = new OkHttpCallEvents(progress);
      Call call = newCall(current, resent, deadline, events);
      try (Response response = call.execute()) {
        try {
          OkHttpResponseHead.requireWellFormed(url, response);
          if (response.code() == 408 && events.reused() && !resent && OkHttpResponseHead.isHttp1(response)) {
            events.retireConnection(); // its idle timeout, not an answer: RFC 9110 lets the request be repeated
            resent = true;
            continue;
          }
          HttpUrl next = hop < settings.maxRedirects() ? OkHttpResponseHead.redirectTarget(url, current, response) : null;
          if (next == null) return result(url, current, response, progress, fetchedAt, start);
          current = next;
        } catch (Throwable failure) {
          abandon(call, events);
          throw failure;
        }
        hop++;
        resent = false;
      } catch (FetchException e) {
        throw e;
      } catch (OkHttpExchangeGuard.StaleConnection e) {
        // Not sent: the connection held bytes no request asked for, and was closed. Sent again, as http1 does.
        if (++staleResends > MAX_RESENDS) throw FetchFailures.classify(url, e, System.nanoTime() - deadline >= 0, progress);
      } catch (IOException e) {
        boolean deadlinePassed = System.nanoTime() - deadline >= 0;
        // Not processed (RFC 9113 §8.7): sent again at once on a new connection, whose first stream
        // no limit of concurrent streams refuses (the pool's may be full, or opened before its settings came).
        if (!deadlinePassed && events.refused(e) && !call.isCanceled() && ++refusals <= MAX_REFUSALS) {
          resent = true;
          continue;
        }
        if (resent || deadlinePassed || !mayResend(call, events, e)) {
          throw FetchFailures.classify(url, events.explained(e), deadlinePassed, progress);
        }
        resent = true;
      } finally {
        client.ended(call);
      }
    }
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
  private FetchResult result(String url, HttpUrl current, Response response, FetchProgress progress, Instant fetchedAt,
      long start) throws IOException {
    // A redirect past the limit is handed back as it is, its Location not even resolved, without its body.
    boolean handedBack = OkHttpResponseHead.redirectLocation(response) != null;
    String coding = contentEncoding(response);
    boolean reads = isRobotsTxt(current) || (ContentTypes.isTextual(response.header("Content-Type"))
        && ContentCodings.of(coding) != ContentCodings.Coding.NOT_DECODED);
    byte[] body = !handedBack && reads ? readBody(url, response.body(), progress) : new byte[0];
    long elapsedMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
    return new FetchResult(url, current.toString(), response.code(), response.header("Content-Type"),
        FetchResult.keptHeaders(name -> name.equals("content-encoding") ? coding : response.header(name)), body,
        fetchedAt, elapsedMs, 1);
  }

  /**
   * The response's Content-Encoding lines joined as one list, as {@code http1} reads them; null
   * when it has none, as after {@link OkHttpFraming} took away the header of a body it decodes.
   */
  private static String contentEncoding(Response response) {
    return response.header("Content-Encoding") == null ? null : String.join(", ", response.headers("Content-Encoding"));
  }

  /** True for a host's {@code /robots.txt}, whose body is read whatever its content type. */
  private static boolean isRobotsTxt(HttpUrl url) {
    return url.encodedPath().equals("/robots.txt") && url.encodedQuery() == null;
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

  private byte[] readBody(String url, ResponseBody body, FetchProgress progress) throws IOException {
    long max = settings.maxBytes();
    if (body.contentLength() > max) {
      throw tooLarge(url, "declared " + body.contentLength());
    }
    progress.readingBody(body.contentLength());
    BufferedSource source = body.source();
    Buffer buffer = new Buffer();
    try {
      while (source.read(buffer, CHUNK) != -1) {
        progress.bodyRead(buffer.size());
        if (buffer.size() > max) {
          buffer.clear();
          throw tooLarge(url, "more than " + max);
        }
      }
    } catch (ProtocolException e) {
      // OkHttp's words for a body of known length cut short; http1 says how much is missing.
      if (!BODY_CUT.equals(e.getMessage()) || body.contentLength() < 0) throw e;
      throw unread(body.contentLength() - buffer.size());
    } catch (EOFException e) {
      // okio's, without a word, when a chunked body ends where its next chunk size should be.
      if (e.getMessage() != null) throw e;
      throw new EOFException("connection closed before the body ended");
    }
    // OkHttp's HTTP/2 codec ends a body at the stream's end whatever its Content-Length (HTTP/1 framing
    // fails above); -1 for a body without one, or with one of the gzip bytes that GzipBodySource decodes.
    if (body.contentLength() > buffer.size()) throw unread(body.contentLength() - buffer.size());
    return buffer.readByteArray();
  }

  /** A body of known length that ended {@code missing} bytes early, in {@link Http1Fetcher}'s words. */
  private static EOFException unread(long missing) {
    return new EOFException("connection closed with " + missing + " bytes of the body unread");
  }

  private FetchException tooLarge(String url, String size) {
    return FetchFailures.tooLarge(url, size, settings.maxBytes());
  }
}
