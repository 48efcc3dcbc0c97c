package io.crawlpipe.crawler.fetch;

import static org.assertj.core.api.Assertions.assertThat;

import io.crawlpipe.store.ErrorType;
import java.io.EOFException;
import java.io.IOException;
import java.time.Duration;
import java.util.zip.ZipException;
import org.junit.jupiter.api.Test;

class FetchFailuresTest {
  private static FetchException classified(IOException e) {
    return FetchFailures.classify("http://a.test/", e, false, new FetchProgress(Duration.ofSeconds(30)));
  }

  @Test
  void aFailureWithoutAMessageIsSaidInPlainWordsNotByItsClassName() {
    assertThat(classified(new EOFException())).hasMessage("the response ends early (connection closed)");
    assertThat(classified(new IOException())).hasMessage("the transfer failed (no reason given)");
    assertThat(classified(new IOException()).type()).isEqualTo(ErrorType.IO);
  }

  @Test
  void okHttpsAndTheJdksGzipWordingsAreOne() {
    assertThat(classified(new ZipException("Not in GZIP format")))
        .hasMessage(classified(new ZipException("ID1ID2: actual 0x00003c21 != expected 0x00001f8b")).getMessage())
        .hasMessage("gzip body: not in gzip format");
    assertThat(classified(new ZipException("java.util.zip.DataFormatException: invalid code lengths set")))
        .hasMessage(classified(new ZipException("invalid code lengths set")).getMessage())
        .hasMessage("gzip body: invalid code lengths set");
    assertThat(classified(new EOFException("Unexpected end of ZLIB input stream")))
        .hasMessage("gzip body ends early (compressed data cut)");
  }

  @Test
  void okHttpsWordsForABrokenHeadAreHttp1s() {
    assertThat(classified(new java.net.ProtocolException("Unexpected status line: HTTP/1.1 2OO \u0001")))
        .hasMessage("unexpected status line: HTTP/1.1 2OO ?");
    assertThat(classified(new IOException("unexpected end of stream on http://a.test/...",
        new EOFException("\\n not found: limit=0 content=…")))).hasMessage("connection closed before a response");
    assertThat(classified(new IOException("unexpected end of stream on http://a.test/...",
        new EOFException("\\n not found: limit=12 content=485454…")))).hasMessage("connection closed inside the response head");
    assertThat(classified(new java.net.ProtocolException("Expected leading [0-9a-fA-F] character but was 0x7a")))
        .hasMessage("invalid chunk size");
  }

  @Test
  void okHttpsWordsForAnEmptyStatusLineNameIt() {
    // OkHttp reads a blank line before the status line as the status line.
    assertThat(classified(new java.net.ProtocolException("Unexpected status line: ")))
        .hasMessage("unexpected status line: (empty line)");
  }

  @Test
  void okiosWordsForABrokenChunkedBodyAreSaidInPlainWords() {
    // A chunk size or trailer line cut by the connection's end, outside a head.
    assertThat(classified(new EOFException("\\n not found: limit=0 content=…")))
        .hasMessage("connection closed before the body ended");
    assertThat(classified(new EOFException("\\n not found: limit=3 content=582d41…")))
        .hasMessage("connection closed before the body ended");
    assertThat(classified(new java.net.ProtocolException("Number too large: fffffffffffffffff")))
        .hasMessage("invalid chunk size");
  }

  @Test
  void theReadAheadBoundsRefusalIsAnIoErrorEvenWrappedByTheTlsLayer() {
    // The JDK's TLS socket wraps a failure of the raw socket's read under it.
    FetchException e = classified(new javax.net.ssl.SSLException("(unexpected_message) a line of the chunked body's framing",
        new OkHttpReadAhead.ReadAheadExceeded()));
    assertThat(e.type()).isEqualTo(ErrorType.IO);
    assertThat(e).hasMessage("a line of the chunked body's framing is longer than " + OkHttpReadAhead.LIMIT + " bytes");
  }
}
