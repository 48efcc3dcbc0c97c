package io.crawlpipe.parser;

/**
 * The parse stage: a pure function from a fetched page to what was learnt from it. No network, no
 * shared mutable state; implementations must be safe to call from many threads at once.
 */
@FunctionalInterface
public interface PageParser {

  /**
   * Parses one page.
   *
   * @throws ExtractionException when a rule fails for this page; the fetch facts are still kept.
   */
  ParsedPage parse(Page page);
}
