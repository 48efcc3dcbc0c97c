package io.crawlpipe.parser.rules;

/**
 * The rules file cannot be used: unreadable, not JSON, or invalid. The message is one line that
 * names the file, the rule and the field and says what is wrong, e.g. {@code rules.json: rule
 * "board" field "movies.score": group ${7} does not exist (pattern has 6 groups)}; it is meant to be
 * shown to the user as is. Thrown only while loading, never while extracting.
 */
public class RulesException extends RuntimeException {

  public RulesException(String message, Throwable cause) {
    super(message, cause);
  }
}
