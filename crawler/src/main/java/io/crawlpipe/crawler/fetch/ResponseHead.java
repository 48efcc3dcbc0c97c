package io.crawlpipe.crawler.fetch;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static java.nio.charset.StandardCharsets.UTF_8;

import java.net.ProtocolException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * A response's status line and headers as {@link Http1Connection} read them: header names in
 * lower case, each with its last value (as OkHttp's {@code Response.header}), except {@code connection}, {@code content-length},
 * {@code transfer-encoding} and {@code content-encoding}, whose values are joined with {@code ", "} (the framing and
 * decoding depend on all).
 */
record ResponseHead(int status, boolean http11, Map<String, String> headers) {
  ResponseHead {
    Objects.requireNonNull(headers, "headers");
    if (status < 100 || status > 999) throw new IllegalArgumentException("status must be 100..999, was " + status);
  }

  /** The header's value, null when absent; {@code name} is lower case. */
  String header(String name) {
    return headers.get(name);
  }

  /**
   * The Location header, null when absent. Header lines are read as ISO-8859-1, but servers send a
   * non-ASCII Location as raw UTF-8, and browsers and OkHttp read it so: a value whose bytes are
   * valid UTF-8 is decoded as UTF-8 ({@code /ok/café} stays {@code café}, not {@code cafÃ©}); any
   * other stays as read, Latin-1. Only this header is decoded again, and only when it is not ASCII.
   */
  String location() {
    String value = header("location");
    return value == null ? null : utf8IfValid(value);
  }

  /**
   * The Content-Type header, null when absent, decoded as {@link #location()} is (UTF-8 when its
   * bytes are valid UTF-8, else Latin-1 as read), as OkHttp reads it: a raw UTF-8 parameter value
   * ({@code name="café"}) is recorded alike by both clients.
   */
  String contentType() {
    String value = header("content-type");
    return value == null ? null : utf8IfValid(value);
  }

  /** {@code latin1}'s bytes decoded as UTF-8 when they are valid UTF-8, else {@code latin1} itself. */
  static String utf8IfValid(String latin1) {
    for (int i = 0; i < latin1.length(); i++) {
      if (latin1.charAt(i) >= 0x80) {
        try {
          return UTF_8.newDecoder().decode(ByteBuffer.wrap(latin1.getBytes(ISO_8859_1))).toString();
        } catch (CharacterCodingException notUtf8) {
          return latin1;
        }
      }
    }
    return latin1;
  }

  /** True when the connection may carry another request after this response's body. */
  boolean keepAlive() {
    String connection = header("connection");
    return http11 ? !hasToken(connection, "close") : hasToken(connection, "keep-alive");
  }

  /** The {@code Location} of a redirect ({@link Redirects#isRedirect}) when it has a non-blank one, else null. */
  String redirectLocation() {
    if (!Redirects.isRedirect(status)) return null;
    String location = location();
    return location == null || location.isBlank() ? null : location;
  }

  /** True when the header's comma-separated value list holds {@code token}, ignoring case. */
  static boolean hasToken(String value, String token) {
    if (value == null) return false;
    for (String part : value.split(",")) {
      if (part.trim().toLowerCase(Locale.ROOT).equals(token)) return true;
    }
    return false;
  }

  /**
   * The status code of a status line {@code HTTP/1.1 NNN[ reason]} or {@code HTTP/1.0 NNN[ reason]};
   * ProtocolException otherwise ({@code HTTP/1.2} too, as OkHttp refuses it).
   */
  static int parseStatus(String line) throws ProtocolException {
    if (line.length() < 12 || !(line.startsWith("HTTP/1.1 ") || line.startsWith("HTTP/1.0 "))
        || (line.length() > 12 && line.charAt(12) != ' ')) {
      throw new ProtocolException(badStatusLine(line));
    }
    int status = 0;
    for (int i = 9; i < 12; i++) {
      char c = line.charAt(i);
      if (c < '0' || c > '9') throw new ProtocolException(badStatusLine(line));
      status = status * 10 + (c - '0');
    }
    if (status < 100) throw new ProtocolException(badStatusLine(line));
    return status;
  }

  /** The words of both clients for a status line they cannot read, {@code line} quoted; an empty one named so. */
  static String badStatusLine(String line) {
    return "unexpected status line: " + (line.isEmpty() ? "(empty line)" : printable(line));
  }

  /**
   * The transfer codings a Transfer-Encoding value lists, in lower case, without {@code identity}
   * (which codes nothing) and empty list elements: empty when it lists only {@code identity}, which
   * is as if the header were absent (as OkHttp reads it). A value that lists nothing, or {@code
   * chunked} more than once (RFC 9112 §6.1), is a ProtocolException naming it.
   */
  static List<String> transferCodings(String value) throws ProtocolException {
    List<String> codings = new ArrayList<>();
    boolean listed = false;
    for (String part : value.split(",")) {
      String coding = part.strip().toLowerCase(Locale.ROOT);
      listed |= !coding.isEmpty();
      if (!coding.isEmpty() && !coding.equals("identity")) codings.add(coding);
    }
    if (!listed) throw new ProtocolException("invalid Transfer-Encoding '" + printable(value) + "' (it lists no coding)");
    if (codings.indexOf("chunked") != codings.lastIndexOf("chunked")) {
      throw new ProtocolException("invalid Transfer-Encoding '" + printable(value) + "' (chunked more than once)");
    }
    return codings;
  }

  /** A Content-Length value, possibly a list of equal values; ProtocolException otherwise. */
  static long parseLength(String value) throws ProtocolException {
    long length = -1;
    for (String part : value.split(",", -1)) {
      String digits = part.trim();
      long parsed = digits.isEmpty() || digits.length() > 18 ? -1 : 0;
      for (int i = 0; i < digits.length() && parsed >= 0; i++) {
        char c = digits.charAt(i);
        parsed = c >= '0' && c <= '9' ? parsed * 10 + (c - '0') : -1;
      }
      if (parsed < 0 || (length >= 0 && parsed != length)) {
        throw new ProtocolException("invalid Content-Length: " + printable(value));
      }
      length = parsed;
    }
    return length;
  }

  /** {@code s} cut to 80 characters, anything but printable ASCII shown as {@code ?}. */
  static String printable(String s) {
    String cut = s.length() > 80 ? s.substring(0, 80) + "..." : s;
    return cut.replaceAll("[^\\x20-\\x7e]", "?");
  }
}
