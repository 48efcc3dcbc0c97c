package io.crawlpipe.parser.rules;

import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads the text of a rules file into a JSON tree, strictly (duplicate keys and trailing tokens
 * are errors). A file that is not JSON fails with a one-line {@link RulesException} in the user's
 * terms: an empty file, a comment and a YAML file are each named as such rather than in Jackson's.
 * Stateless.
 */
final class RulesJson {
  /** The first line of a YAML document: {@code ---}, a list item, or a plain {@code key:}. */
  private static final Pattern YAML_START = Pattern.compile("---.*|-(\\s.*)?|[A-Za-z_][\\w .-]*:(\\s.*)?");

  private RulesJson() {}

  private static JsonMapper mapper() {
    return JsonMapper.builder()
        .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
        .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
        .build();
  }

  /** The tree of a file's bytes (Jackson detects UTF-8, UTF-16 and UTF-32, BOM or not). */
  static JsonNode read(byte[] bytes, String source) {
    try {
      return nonEmpty(mapper().readTree(bytes), bytes.length, source);
    } catch (JacksonException e) {
      throw error(e, new String(bytes, StandardCharsets.UTF_8), source);
    }
  }

  /** The tree of rules-file text. */
  static JsonNode read(String text, String source) {
    try {
      return nonEmpty(mapper().readTree(text), text.length(), source);
    } catch (JacksonException e) {
      throw error(e, text, source);
    }
  }

  /** Jackson reads a file of nothing but white space as a missing node, not as an error. */
  private static JsonNode nonEmpty(JsonNode root, int length, String source) {
    if (root != null && !root.isMissingNode()) return root;
    throw Where.file(source).error(length == 0 ? "the file is empty" : "the file is empty but for white space");
  }

  private static RulesException error(JacksonException e, String text, String source) {
    TokenStreamLocation at = e.getLocation();
    String position = at == null || at.getLineNr() < 0 ? ""
        : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
    return Where.file(source).error("invalid JSON" + position + ": " + problem(e.getOriginalMessage(), text), e);
  }

  private static String problem(String jackson, String text) {
    if (jackson.contains("'ALLOW_COMMENTS'")) return "rules files are JSON: comments are not allowed";
    if (looksLikeYaml(text)) return "the file is not JSON (rules files are JSON, not YAML)";
    if (jackson.startsWith("Unexpected character ('#'")) return "rules files are JSON: comments are not allowed";
    // Jackson appends where a bracket was opened as "(start marker at [Source: ...])": noise here.
    return jackson.replaceAll("\\s*\\(start marker at \\[Source:.*$", "").strip();
  }

  /** Whether the first line that is neither blank nor a {@code #} comment starts a YAML document. */
  static boolean looksLikeYaml(String text) {
    for (String line : text.lines().toList()) {
      String content = line.replace("\uFEFF", "").strip();
      if (content.isEmpty() || content.startsWith("#")) continue;
      return YAML_START.matcher(content).matches();
    }
    return false;
  }
}
