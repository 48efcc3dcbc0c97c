package io.crawlpipe.parser;

import java.util.function.Supplier;

/**
 * The default extraction, the facts the classic {@code parse_page} callback wrote: for HTML pages
 * the decoded title and the charset used; other responses are recorded without parsing (their
 * size is recorded by the fetch stage). Stateless and thread-safe.
 */
public final class DefaultPageParser implements PageParser {

  @Override
  public ParsedPage parse(Page page) {
    return parse(page, () -> PageDecoder.decode(page.body(), page.contentType()));
  }

  /**
   * The default extraction of a page whose body another stage decodes (with {@link PageDecoder}),
   * so that the body is decoded once. {@code decoded} is called only for HTML pages.
   */
  public ParsedPage parse(Page page, Supplier<DecodedText> decoded) {
    if (!page.isHtml()) return ParsedPage.unparsed(null);
    DecodedText text = decoded.get();
    return new ParsedPage(TitleScanner.title(text.text()), text.charset().name(), null);
  }
}
