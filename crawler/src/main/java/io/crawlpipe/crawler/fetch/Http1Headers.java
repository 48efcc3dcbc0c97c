package io.crawlpipe.crawler.fetch;

import io.crawlpipe.crawler.fetch.Http1Input.Part;
import java.io.IOException;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * For {@link Http1Connection}: the header fields of a response head, after its status line, read
 * as lenient clients read them (RFC 9112 §5). Stateless, so thread-safe; the {@link Http1Input}
 * read is the caller's, used by one thread at a time.
 */
final class Http1Headers {
  /** The fields whose repeated values are joined, as the body's framing and reuse need them all. */
  private static final Set<String> JOINED = Set.of("connection", "content-length", "transfer-encoding", "content-encoding");

  private Http1Headers() {}

  /**
   * The header fields read from {@code in} up to the blank line that ends them, names in lower
   * case, each with its last value, but a repeated {@link #JOINED} field's values joined with {@code
   * ", "} and a folded value's lines with a space. A value that grows, by obsolete line folding or by
   * joining, grows in a StringBuilder of its own, made only then, and is set once at the end: linear
   * in the head's length, however many lines it has. A line that is no header is skipped; the lines
   * are charged to the budget of {@link Part#HEAD}, whose failures are thrown as they are.
   */
  static Map<String, String> read(Http1Input in) throws IOException {
    Map<String, String> headers = new HashMap<>();
    Map<String, StringBuilder> growing = null; // values being extended; they win over headers' at the end
    String last = null;
    for (String line = in.readLine(Part.HEAD); !line.isEmpty(); line = in.readLine(Part.HEAD)) {
      char first = line.charAt(0);
      if (first == ' ' || first == '\t') {
        if (last == null) continue; // before any header: ignored, as RFC 9112 §2.2 allows, never read as a header
        if (growing == null) growing = new HashMap<>(); // obsolete line folding
        StringBuilder value = growing.computeIfAbsent(last, n -> new StringBuilder(headers.get(n)));
        if (!value.isEmpty()) value.append(' '); // a value folded onto an empty first line has no space before it
        value.append(line.trim());
        continue;
      }
      int colon = line.indexOf(':');
      if (colon <= 0) continue; // not a header: skipped, as lenient clients do
      String name = line.substring(0, colon).trim().toLowerCase(Locale.ROOT);
      String value = line.substring(colon + 1).trim();
      last = name;
      if (JOINED.contains(name) && headers.containsKey(name)) {
        if (growing == null) growing = new HashMap<>();
        growing.computeIfAbsent(name, n -> new StringBuilder(headers.get(n))).append(", ").append(value);
      } else {
        headers.put(name, value); // the last value, as OkHttp's Response.header gives
        if (growing != null) growing.remove(name);
      }
    }
    if (growing != null) growing.forEach((name, value) -> headers.put(name, value.toString()));
    return headers;
  }
}
