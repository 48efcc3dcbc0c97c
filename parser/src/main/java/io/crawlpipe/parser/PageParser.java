package io.crawlpipe.parser;

/**
 * The parse stage: a pure function from a fetched page to what was learnt from it. No network, no
 * shared mutable state; implementations must be safe to call from many threads at once.
 *
 * <p>How the crawler treats a parser (it calls it for 2xx responses with a textual content type
 * only; other responses get the default extraction):
 *
 * <ul>
 *   <li>An {@link ExtractionException} ends the URL as {@code extract_error} ({@link
 *       ExtractTimeoutException}: {@code extract_timeout}) with the exception's message; the
 *       fetch facts (status, final URL, content type, size, times) are kept, with the default
 *       extraction's title and charset.
 *   <li>Data that is not JSON-like (see {@link ParsedPage}: a jsoup {@code Element}, a bean, a
 *       Stream, NaN, a map that contains itself, lists and maps nested over 498 deep) ends the URL as {@code
 *       extract_error} too, as if the parser had thrown an {@code ExtractionException}: the data is
 *       that page's extraction, and it fails the page, not the crawl. The message names the field,
 *       where in it and what is wrong: {@code field "x": a org.jsoup.nodes.Element is not a JSON
 *       value (return a String, number, boolean, list or map)}.
 *   <li>Any other {@code RuntimeException} or {@code Error}, a checked exception thrown sneakily
 *       (Kotlin, Groovy, Lombok's {@code @SneakyThrows}), or a null return, is a bug: the URL
 *       ends as {@code internal} with the exception's class and message, and its status and title
 *       are lost; each such URL logs one ERROR line (the stack trace at DEBUG). The crawl carries on.
 *   <li>There is no time bound on a parser: one that never returns holds a parse thread, and the
 *       crawl does not end until it is stopped ({@code CrawlControl.requestStop}), which stores
 *       that URL as {@code cancelled} once the grace period is over. Bound slow work yourself and
 *       throw {@code ExtractTimeoutException}, as the rules parser does.
 * </ul>
 */
@FunctionalInterface
public interface PageParser {

  /**
   * Parses one page; never returns null.
   *
   * @throws ExtractionException when a rule fails for this page; the fetch facts are still kept.
   */
  ParsedPage parse(Page page);
}
