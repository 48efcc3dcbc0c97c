package io.crawlpipe.parser.rules;

import io.crawlpipe.parser.ContentTypes;
import io.crawlpipe.parser.DecodedText;
import io.crawlpipe.parser.Page;
import io.crawlpipe.parser.PageDecoder;
import java.time.Duration;
import java.util.Objects;
import java.util.function.LongSupplier;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.parser.Parser;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * One page as the extractors of a rule see it. The decoded text, the jsoup {@link Document} and
 * the JSON tree are each computed at most once, on first use, and shared by all the extractors of
 * the page: a page whose rule uses only regex fields is never parsed into a DOM.
 *
 * <p>Not thread-safe: a context belongs to one {@code parse} call on one thread.
 */
public final class PageContext {
  private final Page page;
  private final JsonMapper mapper;
  private final Duration fieldTimeout;
  private final LongSupplier nanoTicker;
  private DecodedText decoded;
  private Document document;
  private JsonNode json;
  private OutputBudget outputBudget;

  PageContext(Page page, JsonMapper mapper, Duration fieldTimeout, LongSupplier nanoTicker) {
    this.page = Objects.requireNonNull(page, "page");
    this.mapper = Objects.requireNonNull(mapper, "mapper");
    this.fieldTimeout = Objects.requireNonNull(fieldTimeout, "fieldTimeout");
    this.nanoTicker = Objects.requireNonNull(nanoTicker, "nanoTicker");
  }

  /** The fetched page: URL, Content-Type and body bytes. */
  public Page page() {
    return page;
  }

  /** The body decoded as {@link PageDecoder} does it (BOM, header, meta or XML declaration, else UTF-8). */
  public DecodedText decoded() {
    if (decoded == null) decoded = PageDecoder.decode(page.body(), page.contentType());
    return decoded;
  }

  /** The decoded body text. */
  public String text() {
    return decoded().text();
  }

  /**
   * The body parsed by jsoup, with the page URL as base URI (so {@code abs:href} and {@code <base
   * href>} work), serialised without jsoup's pretty-printing (so {@code html} and {@code
   * inner_html} keep the page's own whitespace). An XML page ({@link #isXml()}) is parsed by jsoup's
   * XML parser: names keep their case, CDATA is text, {@code <link>} holds its URL, and there is no
   * {@code <html>} or {@code <body>} (do not call {@link Document#body()}, which would add one); any
   * other page by its HTML parser, as a browser parses HTML. Shared by all extractors of the page:
   * read it, never modify it (the XPath engine keeps its {@code id()} index in the document's user
   * data, which is never written out). Never null.
   */
  public Document document() {
    if (document == null) {
      document = isXml() ? Jsoup.parse(text(), page.url(), Parser.xmlParser()) : Jsoup.parse(text(), page.url());
      document.outputSettings().prettyPrint(false);
    }
    return document;
  }

  /**
   * True when {@link #document()} parses the page as XML: its media type is XML ({@code text/xml},
   * {@code application/xml} or any {@code +xml} type: RSS, Atom, sitemaps, SVG) but not XHTML
   * ({@code application/xhtml+xml}, parsed as HTML); or it has no media type and its body starts
   * with an XML declaration, {@code <?xml}, that no {@code html} doctype or root element follows
   * (as {@link ContentTypes#isXml(String, byte[])} and {@link ContentTypes#isHtml} sniff it).
   */
  public boolean isXml() {
    return !page.isHtml() && ContentTypes.isXml(page.contentType(), page.body());
  }

  /**
   * The body parsed as JSON; a {@link JsonNode#isMissingNode() missing node} (not an exception) for
   * a body that is empty or only whitespace, which is no JSON value either.
   *
   * @throws tools.jackson.core.JacksonException when the body is not valid JSON
   */
  JsonNode json() {
    if (json == null) json = mapper.readTree(text());
    return json;
  }

  /** The time bound on one regex, css, xpath or builtin field's evaluation on this page. */
  Duration fieldTimeout() {
    return fieldTimeout;
  }

  /** A deadline {@code fieldTimeout} from now, checked every {@code checkEvery} units of work. */
  Deadline deadline(int checkEvery) {
    return new Deadline(nanoTicker, fieldTimeout.toNanos(), checkEvery);
  }

  /**
   * What this page's css, xpath and regex fields may still extract, shared by them all ({@link
   * OutputBudget}); made on first use, from the length of the decoded text.
   */
  OutputBudget outputBudget() {
    if (outputBudget == null) outputBudget = new OutputBudget(text().length());
    return outputBudget;
  }

  /** The text, wrapped so that reading it past {@code fieldTimeout} from now throws. */
  DeadlineCharSequence boundedText() {
    return new DeadlineCharSequence(text(), deadline(DeadlineCharSequence.CHECK_EVERY));
  }
}
