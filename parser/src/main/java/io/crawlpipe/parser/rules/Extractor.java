package io.crawlpipe.parser.rules;

/**
 * Extracts one field's value from a page. Rules-file extractors (regex, css, xpath, json,
 * built-ins) implement it, and so can a Java lambda registered with {@link
 * RulesPageParser.Builder#field}:
 *
 * <pre>{@code
 * Extractor wordCount = page -> page.document().text().split("\\s+").length;
 * }</pre>
 *
 * <p>Contract: an extractor is called once per matching page, possibly from many threads at once
 * (each with its own {@link PageContext}), so it must not keep per-page state; it must not modify
 * the shared {@link PageContext#document() document} (on a page parsed as XML, {@code
 * document().body()} would add a {@code <body>} to it: select from the document itself). It returns a JSON-like value (see {@link
 * io.crawlpipe.parser.ParsedPage}): a String, number, Boolean, enum, {@code List}, {@code Set} or
 * {@code Map} of such values, or null when there is nothing to extract. An exception it throws, a
 * checked one thrown sneakily (Kotlin, Groovy, Lombok's {@code @SneakyThrows}) included, fails the
 * page with an {@link io.crawlpipe.parser.ExtractionException} naming the rule and field (an
 * {@code Error} passes on: the crawler makes it the page's {@code internal} failure). A value that is not JSON-like (a jsoup {@code Element} rather than its {@code text()}, a
 * bean, a Stream not collected, NaN, a map that contains itself) fails the page the same way, {@code extract_error}, when the crawler checks
 * the page's data before storing it; that message names the field and the problem, not the rule.
 * ({@link RulesPageParser#parse} itself returns such a value as it is.)
 */
@FunctionalInterface
public interface Extractor {

  /** The field's value on this page; null when nothing matched. */
  Object extract(PageContext page);
}
