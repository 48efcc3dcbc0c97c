package io.crawlpipe.parser;

import java.util.function.Supplier;

/**
 * The default extraction, the facts the classic {@code parse_page} callback wrote: for HTML pages
 * the decoded title and the charset used; other responses are recorded without parsing (their
 * size is recorded by the fetch stage). Stateless and thread-safe.
 */
public final class DefaultPageParser implements PageParser {

  /**
   * {@inheritDoc}
   *
   * <p>The same result as {@code parse(page, () -> PageDecoder.decode(page.body(),
   * page.contentType()))}, at a fraction of its cost: when the page's charset is one whose bytes
   * can be scanned (every WHATWG encoding but UTF-16, ISO-2022-JP and replacement; see {@link
   * ByteTitleScanner}), the title is found in the bytes and only the title is decoded; the others
   * decode the whole body first.
   */
  @Override
  public ParsedPage parse(Page page) {
    if (!page.isHtml()) return ParsedPage.unparsed(null);
    PageDecoder.Encoding encoding = PageDecoder.encoding(page.body(), page.contentType());
    String title = ByteTitleScanner.canScan(encoding.charset())
        ? ByteTitleScanner.title(page.body(), encoding.offset(), encoding.charset())
        : TitleScanner.title(encoding.decode(page.body()).text());
    return new ParsedPage(title, encoding.charset().name(), null);
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
