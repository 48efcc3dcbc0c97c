package io.crawlpipe.parser.rules;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * Reads a rules file into a {@link RuleSet}, validating all of it before returning: the first
 * problem found becomes a one-line {@link RulesException}. Stateless.
 */
final class RulesLoader {
  /** The largest rules file read: rules are a few KB of JSON; {@code /dev/zero} is not. */
  static final int MAX_BYTES = 16 << 20;

  private RulesLoader() {}

  static RuleSet load(Path file) {
    return load(file, MAX_BYTES);
  }

  /** As {@link #load(Path)}, reading at most {@code maxBytes} (a test's smaller limit). */
  static RuleSet load(Path file, int maxBytes) {
    String source = file.toString();
    if (source.isEmpty()) throw Where.file("''").error("cannot read rules file: the path is empty");
    // Reading a directory fails with the JDK's "Is a directory": worded as the other problems are.
    if (Files.isDirectory(file)) throw Where.file(source).error("cannot read rules file: is a directory");
    byte[] bytes;
    try (InputStream in = Files.newInputStream(file)) {
      bytes = in.readNBytes(maxBytes + 1);
    } catch (NoSuchFileException e) {
      throw Where.file(source).error("cannot read rules file: no such file", e);
    } catch (AccessDeniedException e) {
      throw Where.file(source).error("cannot read rules file: permission denied", e);
    } catch (IOException e) {
      throw Where.file(source).error("cannot read rules file: " + e.getMessage(), e);
    }
    if (bytes.length > maxBytes) {
      throw Where.file(source).error("cannot read rules file: larger than " + (maxBytes >> 20) + " MiB, which no rules"
          + " file needs");
    }
    return compile(RulesJson.read(bytes, source), source);
  }

  static RuleSet parse(String json, String source) {
    return compile(RulesJson.read(json, source), source);
  }

  private static RuleSet compile(JsonNode root, String source) {
    Where file = Where.file(source);
    Spec top = Spec.of(root, file, "the rules file");
    top.allowOnly(Set.of("rules"));
    JsonNode rules = top.get("rules");
    if (rules == null || !rules.isArray() || rules.isEmpty()) {
      throw file.error("\"rules\" must be a non-empty array of rules");
    }
    List<Rule> compiled = new ArrayList<>();
    Map<String, Integer> numbers = new HashMap<>();
    for (JsonNode node : rules.values()) {
      int number = compiled.size() + 1;
      Rule rule = rule(node, file.ruleNumber(number));
      Integer earlier = numbers.putIfAbsent(rule.name(), number);
      if (earlier != null) {
        throw file.rule(rule.name()).error("duplicate rule name (rule #" + earlier + " has it too)");
      }
      compiled.add(rule);
    }
    return new RuleSet(compiled);
  }

  private static Rule rule(JsonNode node, Where numbered) {
    Spec spec = Spec.of(node, numbered, "a rule");
    String name = spec.string("name");
    if (name.isBlank()) throw spec.error("\"name\" must not be blank");
    Spec named = new Spec(node, numbered.rule(name));
    named.allowOnly(Set.of("name", "url", "fields"));
    UrlPattern url;
    try {
      url = UrlPattern.parse(named.string("url"));
    } catch (IllegalArgumentException e) {
      throw named.error(e.getMessage(), e);
    }
    Spec fields = named.optionalObject("fields");
    if (fields == null) throw named.error("missing key \"fields\"");
    Map<String, Extractor> extractors = new LinkedHashMap<>();
    for (String field : fields.node().propertyNames()) {
      if (field.isBlank()) throw named.error("field names must not be blank");
      extractors.put(field, FieldCompiler.pageField(fields.get(field), named.where().field(field)));
    }
    return new Rule(name, url, extractors);
  }
}
