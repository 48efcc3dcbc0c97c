package io.crawlpipe.crawler;

import io.crawlpipe.crawler.fetch.ContentCodings;
import io.crawlpipe.crawler.fetch.FetchResult;
import io.crawlpipe.parser.ContentTypes;
import io.crawlpipe.parser.DefaultPageParser;
import io.crawlpipe.parser.ExtractionException;
import io.crawlpipe.parser.Page;
import io.crawlpipe.parser.PageParser;
import io.crawlpipe.parser.ParsedPage;
import io.crawlpipe.store.CrawlResult;
import io.crawlpipe.store.JsonData;
import java.util.Objects;

/**
 * The parse stage: a fetched response's result line. The parser extracts from 2xx responses
 * only; any other response gets the default extraction (its title and charset) and no data, as
 * Scrapy, by default, does not parse non-2xx responses either. A body of a type that is not text,
 * or in a content coding crawlpipe does not decode ({@link ContentCodings#notDecoded}), was not read
 * and is {@code unsupported_content}; a rule that fails gives {@code extract_error}
 * or {@code extract_timeout} with the fetch facts, title and charset kept, and so does data that is
 * not JSON-like ({@code extract_error}, naming the field). Thread-safe as its parser is.
 */
public final class ParseStage {
  private final PageParser parser;
  private final PageParser defaults = new DefaultPageParser(); // title and charset, no rules
  private final String internalHint;

  /** The crawl's stage: a page's internal failure is logged with {@link InternalFailures#CRAWL_HINT}. */
  public ParseStage(PageParser parser) {
    this(parser, InternalFailures.CRAWL_HINT);
  }

  /**
   * A stage whose pages' internal failures are logged at ERROR with {@code internalHint} after them,
   * or, when it is null, at DEBUG only: the caller tells them in its own way ({@code crawl extract}).
   *
   * @throws NullPointerException when {@code parser} is null
   */
  public ParseStage(PageParser parser, String internalHint) {
    this.parser = Objects.requireNonNull(parser, "parser");
    this.internalHint = internalHint;
  }

  /**
   * The line for {@code fetched}: its fetch facts and what was extracted from its body. What else
   * the parser throws passes on, for the caller to make a line of (see {@link #lineFor}).
   */
  public CrawlResult parse(FetchResult fetched) {
    String type = fetched.contentTypeForParsing();
    if (!ContentTypes.isTextual(type)) {
      return Results.unsupported(fetched, "content type '" + type + "' is not text, HTML, JSON or XML; body not read");
    }
    String undecoded = hasNoBody(fetched.status()) ? null : ContentCodings.notDecoded(fetched.headers().get("content-encoding"));
    if (undecoded != null) return Results.unsupported(fetched, undecoded);
    Page page = new Page(fetched.finalUrl(), type, fetched.body());
    try {
      ParsedPage parsed = (fetched.isSuccessful() ? parser : defaults).parse(page);
      return Results.success(fetched, jsonData(page, Objects.requireNonNull(parsed, "the page parser returned null")));
    } catch (ExtractionException e) {
      return Results.extractFailure(fetched, defaults.parse(page), e); // the title, though a rule failed
    }
  }

  /** 204, 205 and 304 have no body, so no content coding of one to decode (RFC 9110). */
  private static boolean hasNoBody(int status) {
    return status == 204 || status == 205 || status == 304;
  }

  /**
   * {@code parsed}, whose data the results file can hold.
   *
   * @throws ExtractionException when a value is not JSON-like ({@link JsonData}): a Java
   *     extractor's jsoup {@code Element}, a bean, a Stream, NaN, a map that contains itself.
   *     Written, it could fail the results file and so the run, or come out other than meant (a
   *     Stream read twice); this way it fails its page, as a failing extractor does.
   */
  private static ParsedPage jsonData(Page page, ParsedPage parsed) {
    String problem = JsonData.problem(parsed.data());
    if (problem != null) throw new ExtractionException(page.url(), problem, null);
    return parsed;
  }

  /**
   * As {@link #parse}, and whatever else parsing throws, an {@code Error} included (a page too
   * deep for the stack) and a checked exception thrown sneakily (a parser written in Kotlin or
   * Groovy, or with Lombok's {@code @SneakyThrows}), is the page's {@code internal} failure line.
   */
  public CrawlResult lineFor(FetchResult fetched) {
    try {
      return parse(fetched);
    } catch (Throwable e) { // javac's checked exceptions are not the JVM's: any can come
      return Results.failure(fetched.url(), fetched.fetchedAt(), fetched.elapsedMs(), fetched.attempts(), e,
          internalHint);
    }
  }
}
