package io.crawlpipe.parser;

/**
 * The default extraction, the facts the classic {@code parse_page} callback wrote: for HTML pages
 * the decoded title and the charset used; other responses are recorded without parsing (their
 * size is recorded by the fetch stage). Stateless and thread-safe.
 */
public final class DefaultPageParser implements PageParser {

  @Override
  public ParsedPage parse(Page page) {
    if (!page.isHtml()) return ParsedPage.unparsed(null);
    DecodedText decoded = PageDecoder.decode(page.body(), page.contentType());
    return new ParsedPage(TitleScanner.title(decoded.text()), decoded.charset().name(), null);
  }
}
