package io.crawlpipe.parser.rules;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads the text of a rules file into a JSON tree, strictly: duplicate keys are errors, and so is
 * anything but white space after the root value ({@code more after the first JSON value}, where it
 * starts). A file that is not JSON fails with a one-line {@link RulesException} in the user's terms
 * ({@link JsonProblem}); an empty file is said to be empty. Stateless.
 */
final class RulesJson {
  private RulesJson() {}

  private static JsonMapper mapper() {
    // textAfter checks the text after the root value: Jackson's check gives a raw message for text that is no token.
    return JsonMapper.builder()
        .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
        .disable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
        .build();
  }

  /** The tree of a file's bytes (Jackson detects UTF-8, UTF-16 and UTF-32, BOM or not). */
  static JsonNode read(byte[] bytes, String source) {
    JsonMapper mapper = mapper();
    try (JsonParser parser = mapper.createParser(bytes)) {
      JsonNode root = nonEmpty(mapper.readTree(parser), bytes.length, source);
      TokenStreamLocation end = textAfter(parser);
      if (end == null) return root;
      String text = text(bytes);
      throw moreAfter(text, charIndex(end, bytes, text), source);
    } catch (JacksonException e) {
      throw error(e, bytes, source);
    }
  }

  /** The tree of rules-file text. */
  static JsonNode read(String text, String source) {
    JsonMapper mapper = mapper();
    try (JsonParser parser = mapper.createParser(text)) {
      JsonNode root = nonEmpty(mapper.readTree(parser), text.length(), source);
      TokenStreamLocation end = textAfter(parser);
      if (end == null) return root;
      throw moreAfter(text, (int) Math.min(end.getCharOffset(), text.length()), source);
    } catch (JacksonException e) {
      long charOffset = e.getLocation() == null ? -1 : e.getLocation().getCharOffset();
      throw error(e, text, (int) Math.min(charOffset, text.length()), source);
    }
  }

  /**
   * Where the root value {@code parser} has just read ends, when more follows it: a token, or text
   * that is none (a comment there fails as one, named where it is); null when nothing but white space does.
   */
  private static TokenStreamLocation textAfter(JsonParser parser) {
    TokenStreamLocation end = parser.currentLocation();
    try {
      return parser.nextToken() == null ? null : end;
    } catch (JacksonException e) {
      if (JsonProblem.isComment(e)) throw e;
      return end;
    }
  }

  private static RulesException moreAfter(String text, int end, String source) {
    return Where.file(source).error("invalid JSON" + JsonProblem.moreAfter(text, end));
  }

  /** Jackson reads a file of nothing but white space as a missing node, not as an error. */
  private static JsonNode nonEmpty(JsonNode root, int length, String source) {
    if (root != null && !root.isMissingNode()) return root;
    throw Where.file(source).error(length == 0 ? "the file is empty" : "the file is empty but for white space");
  }

  /** The error for bytes: Jackson reads UTF-8 by byte and says where in bytes, which are counted back to characters. */
  private static RulesException error(JacksonException e, byte[] bytes, String source) {
    if (String.valueOf(e.getOriginalMessage()).startsWith("Invalid UTF-8")) {
      RulesException notUtf8 = notUtf8(bytes, source);
      if (notUtf8 != null) return notUtf8;
    }
    String text = text(bytes);
    return error(e, text, charIndex(e.getLocation(), bytes, text), source);
  }

  /** {@code bytes} decoded as Jackson reads them: UTF-8 unless {@link #wideCharset} says otherwise. */
  private static String text(byte[] bytes) {
    Charset wide = wideCharset(bytes);
    return new String(bytes, wide == null ? StandardCharsets.UTF_8 : wide);
  }

  /**
   * Where {@code location} (nullable) is in {@code text}, the decoded {@code bytes}, in characters; -1
   * when unknown. Jackson counts UTF-8 by byte, so that is counted back to characters; the other
   * encodings it reads through a Reader, counting characters from after a BOM.
   */
  private static int charIndex(TokenStreamLocation location, byte[] bytes, String text) {
    if (location == null) return -1;
    if (wideCharset(bytes) != null) {
      long charOffset = location.getCharOffset();
      int bom = text.startsWith("\uFEFF") ? 1 : 0;
      return charOffset < 0 ? -1 : (int) Math.min(charOffset + bom, text.length());
    }
    long byteOffset = location.getByteOffset();
    if (byteOffset < 0) return -1;
    return new String(bytes, 0, (int) Math.min(byteOffset, bytes.length), StandardCharsets.UTF_8).length();
  }

  /**
   * The UTF-16 or UTF-32 charset Jackson reads {@code bytes} in, from a BOM or from the zero bytes
   * of the first character as JSON's own detection has it ({@code 00 7B} is UTF-16BE, {@code 7B 00
   * 00 00} UTF-32LE); null for UTF-8.
   */
  static Charset wideCharset(byte[] bytes) {
    int quad = 0;
    for (int i = 0; i < 4; i++) quad = quad << 8 | (i < bytes.length ? bytes[i] & 0xFF : 0xFF);
    if (bytes.length >= 4 && (quad == 0x0000FEFF || quad >>> 8 == 0)) return Charset.forName("UTF-32BE");
    if (bytes.length >= 4 && (quad == 0xFFFE0000 || (quad & 0x00FFFFFF) == 0)) return Charset.forName("UTF-32LE");
    int pair = quad >>> 16;
    if (bytes.length >= 2 && (pair == 0xFEFF || (pair & 0xFF00) == 0)) return StandardCharsets.UTF_16BE;
    if (bytes.length >= 2 && (pair == 0xFFFE || (pair & 0x00FF) == 0)) return StandardCharsets.UTF_16LE;
    return null;
  }

  /**
   * {@code line L, column C: the file is not UTF-8 (byte 0xE9; save it as UTF-8)} for the first
   * byte of {@code bytes} that is not UTF-8, its line and column counted in the characters before
   * it (Jackson's message names the byte after it, at a column counted in bytes); null when all are.
   */
  private static RulesException notUtf8(byte[] bytes, String source) {
    CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.wrap(bytes);
    CharBuffer out = CharBuffer.allocate(bytes.length);
    if (!decoder.decode(in, out, true).isError()) return null;
    String before = new String(out.array(), 0, out.position());
    String at = JsonProblem.lineColumn(before, before.length());
    String hex = String.format(Locale.ROOT, "0x%02X", bytes[in.position()] & 0xFF);
    return Where.file(source).error(at + ": the file is not UTF-8 (byte " + hex + "; save it as UTF-8)");
  }

  private static RulesException error(JacksonException e, String text, int index, String source) {
    return Where.file(source).error("invalid JSON" + JsonProblem.of(e, text, index), e);
  }
}
