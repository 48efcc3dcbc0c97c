package io.crawlpipe.store;

import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.json.JsonFactory;

/**
 * Reads one line of a results file on jackson-core's streaming parser, keeping only what resuming
 * needs: {@code url}, {@code ok} and {@code error.type}. Other values are skipped unread, so a
 * title of any length costs no memory beyond the line's bytes, and the limits jackson puts on
 * untrusted input (a string of at most 100,000,000 chars, ...) are lifted: the file is crawlpipe's
 * own output, and whatever it wrote must read back. A result line is a JSON object with a string
 * {@code url} and a boolean {@code ok}, and nothing after it but white space.
 *
 * <p>Not thread-safe: the fields describe the last line read and are overwritten by the next.
 */
final class ResultLineReader {
  /** What a line is. */
  enum Verdict { RESULT, NOT_A_RESULT, NOT_JSON }

  private static final StreamReadConstraints UNLIMITED = StreamReadConstraints.builder()
      .maxStringLength(Integer.MAX_VALUE).maxNameLength(Integer.MAX_VALUE).maxNumberLength(Integer.MAX_VALUE)
      .maxNestingDepth(Integer.MAX_VALUE).maxDocumentLength(-1).maxTokenCount(-1).build();

  private final JsonFactory factory = JsonFactory.builder().streamReadConstraints(UNLIMITED).build();
  private String url;
  private boolean ok;
  private boolean cancelled;

  /** Reads {@code len} bytes of {@code buf} from {@code off} (a trailing newline is white space). */
  Verdict read(byte[] buf, int off, int len) {
    url = null;
    ok = false;
    cancelled = false;
    boolean hasOk = false;
    try (JsonParser p = factory.createParser(ObjectReadContext.empty(), buf, off, len)) {
      JsonToken first = p.nextToken();
      if (first == null) return Verdict.NOT_JSON; // an empty or blank line
      if (first != JsonToken.START_OBJECT) {
        skipRest(p);
        return Verdict.NOT_A_RESULT;
      }
      while (p.nextToken() == JsonToken.PROPERTY_NAME) {
        String name = p.currentName();
        JsonToken value = p.nextToken();
        switch (name) {
          case "url" -> url = value == JsonToken.VALUE_STRING ? p.getString() : null;
          case "ok" -> {
            hasOk = value == JsonToken.VALUE_TRUE || value == JsonToken.VALUE_FALSE;
            ok = value == JsonToken.VALUE_TRUE;
          }
          case "error" -> cancelled = value == JsonToken.START_OBJECT && cancelledError(p);
          default -> p.skipChildren();
        }
      }
      if (p.nextToken() != null) return Verdict.NOT_JSON; // a second value after the object
      return url != null && hasOk ? Verdict.RESULT : Verdict.NOT_A_RESULT;
    } catch (JacksonException e) {
      return Verdict.NOT_JSON;
    }
  }

  /** Reads the {@code error} object the parser is at the start of; true when its type is {@code cancelled}. */
  private static boolean cancelledError(JsonParser p) {
    boolean cancelled = false;
    while (p.nextToken() == JsonToken.PROPERTY_NAME) {
      String name = p.currentName();
      JsonToken value = p.nextToken();
      if (name.equals("type") && value == JsonToken.VALUE_STRING) {
        cancelled = ErrorType.CANCELLED.code().equals(p.getString());
      } else {
        p.skipChildren();
      }
    }
    return cancelled;
  }

  /** Reads to the end, so that a line that is no JSON at all is told from JSON of another shape. */
  private static void skipRest(JsonParser p) {
    p.skipChildren();
    while (p.nextToken() != null) p.skipChildren();
  }

  /** The {@code url} of the last line read as a {@link Verdict#RESULT}. */
  String url() {
    return url;
  }

  /** Whether that result was {@code ok}. */
  boolean ok() {
    return ok;
  }

  /** Whether that result was cancelled ({@code error.type} is {@code cancelled}): not final. */
  boolean cancelled() {
    return cancelled;
  }

  /** How a line of this verdict is described after "line N ". */
  static String problem(Verdict verdict) {
    return switch (verdict) {
      case NOT_JSON -> "is not a crawlpipe result line (not JSON)";
      case NOT_A_RESULT -> "is not a crawlpipe result line (JSON, but not an object with a \"url\" and an \"ok\")";
      case RESULT -> throw new IllegalArgumentException("a result line has no problem");
    };
  }
}
