/**
 * Extraction rules: a {@link io.crawlpipe.parser.rules.RulesPageParser} built from a rules file
 * (see {@code docs/RULES.md}) and, optionally, Java {@link io.crawlpipe.parser.rules.Extractor}
 * lambdas. Loading validates the whole file and fails with one {@link
 * io.crawlpipe.parser.rules.RulesException}; extraction is pure and thread-safe.
 *
 * <p>Nullness: parameters and return values are non-null unless their documentation says
 * otherwise. Extracted values are JSON-like and may be null.
 */
package io.crawlpipe.parser.rules;
