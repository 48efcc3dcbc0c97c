package io.crawlpipe.crawler.fetch;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ProtocolException;
import java.net.Proxy;
import java.util.Objects;
import okhttp3.Call;
import okhttp3.Connection;
import okhttp3.EventListener;
import okhttp3.Request;
import okhttp3.internal.http2.ErrorCode;
import okhttp3.internal.http2.StreamResetException;

/**
 * What one OkHttp call of {@link OkHttpFetcher} went through, as OkHttp reports it: told on to the
 * fetch's {@link FetchProgress}, and kept to decide whether a failed request may be sent again,
 * as {@link Http1Fetcher} decides it: only when it went on a pooled connection and no byte of a
 * response came back (the server closed the connection while it was idle), as far as OkHttp lets
 * tell: whole lines of a head and then a close fail as nothing received does (docs/HTTP.md).
 *
 * <p>One per call; OkHttp reports from the calling thread and from its connecting threads, so the
 * state is volatile.
 */
final class OkHttpCallEvents extends EventListener {
  private final FetchProgress progress;
  private volatile boolean connecting;
  private volatile Connection connection;
  private volatile boolean headRead;
  /** The body of the call's last exchange was read to its end: OkHttp gives the connection back. */
  private volatile boolean bodyEnded;

  OkHttpCallEvents(FetchProgress progress) {
    this.progress = Objects.requireNonNull(progress, "progress");
  }

  /** True when the call was given a connection that it did not connect: one from the pool. */
  boolean reused() {
    return connection != null && !connecting;
  }

  /**
   * True when the call failed with {@code e} before any byte of a response arrived: no response
   * head was read (OkHttp reports one only once it is whole, an interim {@code 100 Continue}
   * included), and {@code e} is not a failure to read one that had begun ({@link
   * TransferFailures#isHeadCutAfterSomeBytes}), a malformed one ({@link ProtocolException}) nor an
   * HTTP/2 stream reset (the server's answer to this request) other than {@code CANCEL}: OkHttp
   * fails every open stream with {@code CANCEL} when the server closes the connection without a
   * {@code GOAWAY}, as one closed while idle, so that one counts as nothing received. A head cut at
   * a line's end (a status line, then a close) reads as nothing received: okio's failure is the same.
   */
  boolean nothingReceived(IOException e) {
    return !headRead && !(e instanceof ProtocolException) && !isAnswer(e) && !TransferFailures.isHeadCutAfterSomeBytes(e);
  }

  private static boolean isAnswer(IOException e) {
    return e instanceof StreamResetException reset && reset.errorCode != ErrorCode.CANCEL;
  }

  /**
   * True when the call failed with {@code e}, an HTTP/2 {@code REFUSED_STREAM} before any response
   * head: the server did not process the request (RFC 9113 §8.7), and OkHttp gives a stream above a
   * {@code GOAWAY}'s last stream the same code.
   */
  boolean refused(IOException e) {
    return !headRead && e instanceof StreamResetException reset && reset.errorCode == ErrorCode.REFUSED_STREAM;
  }

  /**
   * {@code e} in the words that fit what arrived: after an interim response ({@code 100
   * Continue}), OkHttp's failure to read the next head at its first byte is not a connection
   * closed before a response ({@link TransferFailures#afterAResponseHead}).
   */
  IOException explained(IOException e) {
    return headRead ? TransferFailures.afterAResponseHead(e) : e;
  }

  /** Closes the connection the call was given, which it still holds, so that no request goes on it again. */
  void retireConnection() {
    Connection given = connection;
    if (given != null) OkHttpConnections.retire(given);
  }

  /**
   * Closes the connection the call was given and drops what was read ahead on it ({@link
   * OkHttpConnections#abandon}, which leaves an HTTP/2 connection alone): the call's response
   * failed while open, and closing it must not read on. Not once its body was read to its end:
   * OkHttp then gives the connection back to its pool, where another call may take it, and closing
   * the response reads nothing more. A body whose read failed ends otherwise, and OkHttp never
   * hands its connection out again. From the calling thread, once its own read has ended.
   */
  void abandonConnection() {
    Connection given = connection;
    if (given != null && !bodyEnded) OkHttpConnections.find().abandon(given);
  }

  @Override
  public void dnsStart(Call call, String domainName) {
    progress.lookingUp(domainName);
  }

  @Override
  public void connectStart(Call call, InetSocketAddress address, Proxy proxy) {
    connecting = true;
    progress.connecting(Http1Connector.printable(address));
  }

  @Override
  public void secureConnectStart(Call call) {
    progress.handshaking();
  }

  @Override
  public void connectionAcquired(Call call, Connection acquired) {
    connection = acquired;
  }

  /** An exchange begins: its body is still to be read. */
  @Override
  public void requestHeadersStart(Call call) {
    bodyEnded = false;
    progress.awaitingResponse();
  }

  /** Written (a GET has no body): flushed right after, before the response is read. */
  @Override
  public void requestHeadersEnd(Call call, Request request) {
    progress.sent();
  }

  /** OkHttp reports it once a whole head has been read, not before its first byte. */
  @Override
  public void responseHeadersStart(Call call) {
    headRead = true;
  }

  /** Read to its end (not failed): OkHttp gives the connection back, right away or when the call ends. */
  @Override
  public void responseBodyEnd(Call call, long byteCount) {
    bodyEnded = true;
  }
}
