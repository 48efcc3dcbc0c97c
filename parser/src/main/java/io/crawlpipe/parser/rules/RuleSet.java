package io.crawlpipe.parser.rules;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * An ordered list of rules; the first rule whose URL pattern matches a page applies to it, the
 * others are not consulted. Immutable.
 *
 * @param rules in priority order; names are unique
 */
public record RuleSet(List<Rule> rules) {
  public RuleSet {
    rules = List.copyOf(rules);
    Set<String> names = new HashSet<>();
    for (Rule rule : rules) {
      if (!names.add(rule.name())) throw new IllegalArgumentException("duplicate rule name \"" + rule.name() + "\"");
    }
  }

  /**
   * Reads and validates a rules file (schema in {@code docs/RULES.md}).
   *
   * @throws RulesException when the file cannot be read, is not JSON, or is invalid; the message
   *     is one line naming the file, rule and field
   */
  public static RuleSet load(Path file) {
    return RulesLoader.load(file);
  }

  /**
   * Parses and validates rules-file text; {@code source} names it in error messages.
   *
   * @throws RulesException as {@link #load} does
   */
  public static RuleSet parse(String json, String source) {
    return RulesLoader.parse(json, source);
  }

  /** The first rule that applies to {@code url}, or empty when none does. */
  public Optional<Rule> firstMatch(String url) {
    Objects.requireNonNull(url, "url");
    return rules.stream().filter(rule -> rule.url().matches(url)).findFirst();
  }

  /** The rule named {@code name}, or empty. */
  public Optional<Rule> named(String name) {
    return rules.stream().filter(rule -> rule.name().equals(name)).findFirst();
  }
}
