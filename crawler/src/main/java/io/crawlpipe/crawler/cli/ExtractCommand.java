package io.crawlpipe.crawler.cli;

import io.crawlpipe.crawler.ParseStage;
import io.crawlpipe.crawler.UrlValidator;
import io.crawlpipe.crawler.fetch.FetchResult;
import io.crawlpipe.crawler.fetch.FetchSettings;
import io.crawlpipe.crawler.fetch.Redirects;
import io.crawlpipe.parser.DefaultPageParser;
import io.crawlpipe.parser.ExtractionException;
import io.crawlpipe.parser.PageParser;
import io.crawlpipe.parser.rules.Rule;
import io.crawlpipe.parser.rules.RulesException;
import io.crawlpipe.parser.rules.RulesPageParser;
import io.crawlpipe.parser.rules.Snippet;
import io.crawlpipe.store.CrawlResult;
import io.crawlpipe.store.ErrorType;
import io.crawlpipe.store.JsonLinesSink;
import io.crawlpipe.store.StoreException;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.UnaryOperator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code crawl extract}: runs the parse stage on saved pages, without fetching, and prints the
 * line a crawl would write for each, as if the page had been served with status 200 from {@code
 * --url} (its final URL normalised as a crawl's is): for trying a rules file on a page before a
 * crawl, as {@code scrapy shell} is used. Every file is checked, and stdin read, before any page
 * is parsed, so a missing one is one line on stderr and exit 2 with nothing on stdout; then the
 * files are read and parsed one at a time. Which rule matched each page goes to stderr. One run per instance.
 */
@Command(name = "extract", description = {
    "Runs the parse stage on saved pages without fetching, and prints for each the results line a crawl would"
        + " write if the page had been served with status 200 from --url. Which rule matched goes to stderr.",
    "Exit: 0 every page extracted, 1 a page's line has an error (extract_error, ...), 2 usage or unreadable input,"
        + " 3 stdout could not be written, 70 internal error or a page too large for the heap (raise CRAWLPIPE_HEAP),"
        + " 130/143 stopped by SIGINT/SIGTERM."})
final class ExtractCommand implements Callable<Integer> {
  private static final String STDIN = SavedPages.STDIN;
  /** After a page's internal failure that is the heap running out (as {@code FetchException.internalMessage} names it). */
  private static final String HEAP_HINT = " (the page is too large for the heap: raise it with CRAWLPIPE_HEAP, e.g. CRAWLPIPE_HEAP=4g)";

  private final SavedPages saved;
  /** The pages as served, made by {@link #call} once the options are set. */
  private ServedPages served;
  private final PrintStream stdout;
  private final PrintStream stderr;
  /** The parser the options make, as the run uses it (tests put one that fails around it). */
  private final UnaryOperator<PageParser> parsers;

  @Option(names = "--rules", paramLabel = "FILE", converter = PathArguments.Converter.class, description = "Extraction rules (JSON, see docs/RULES.md);"
      + " without it, the default extraction: title and charset.")
  Path rules;

  @Option(names = "--url", paramLabel = "URL", description = "The URL the pages were fetched from: rules are"
      + " matched against it and relative links resolved from it. Default: each page's file: URL.")
  String url;

  @Option(names = "--content-type", paramLabel = "TYPE", description = "The pages' Content-Type, e.g."
      + " 'text/html; charset=gbk'. Default: from the file name (.html, .htm, .xhtml, .json, .xml, .rss, .atom, .svg, .txt), else none.")
  String contentType;

  @Parameters(arity = "1..*", paramLabel = "PAGE", description = "Saved pages; '-' reads one from stdin.")
  List<String> pages;

  @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help message and exit.")
  boolean help;

  ExtractCommand(InputStream stdin, PrintStream stdout, PrintStream stderr) {
    this(stdin, stdout, stderr, FetchSettings.MAX_BODY_BYTES);
  }

  /** As above, reading pages of at most {@code maxPageBytes} (tests use a small bound). */
  ExtractCommand(InputStream stdin, PrintStream stdout, PrintStream stderr, long maxPageBytes) {
    this(stdin, stdout, stderr, maxPageBytes, UnaryOperator.identity());
  }

  /** As above, parsing with what {@code parsers} makes of the parser the options give. */
  ExtractCommand(InputStream stdin, PrintStream stdout, PrintStream stderr, long maxPageBytes,
      UnaryOperator<PageParser> parsers) {
    this.saved = new SavedPages(stdin, maxPageBytes);
    this.stdout = stdout;
    this.stderr = stderr;
    this.parsers = parsers;
  }

  @Override
  public Integer call() {
    if (url != null && UrlValidator.problem(url) != null) { // quoted without a password it may hold; escaped once, by fail
      return fail("invalid option --url: " + Snippet.quoted(Redirects.withoutUserInfo(url), '\'') + ": "
          + UrlValidator.unescapedProblem(url));
    }
    String stdinClash = StdinReaders.rulesProblem(rules,
        pages.stream().filter(StdinReaders::reads).findFirst().orElse(null), "the page");
    if (stdinClash != null) return fail(stdinClash);
    PageParser parser;
    try {
      parser = rules == null ? new DefaultPageParser() : RulesPageParser.load(rules);
    } catch (RulesException e) {
      return fail(e.getMessage());
    }
    String twice = StdinReaders.pagesProblem(pages, StdinReaders.isRegularFile());
    if (twice != null) return fail(twice);
    served = new ServedPages(saved, url, contentType);
    Integer unreadable = readyPages();
    return unreadable != null ? unreadable : extractAll(parsers.apply(parser));
  }

  /**
   * Checks every file and reads stdin (when its page is to be read), before any page is parsed:
   * a page that cannot be read is then one line on stderr and nothing on stdout. Returns the exit
   * code for that, or null when every page can be read.
   */
  private Integer readyPages() {
    for (String page : pages) {
      try {
        if (!page.equals(STDIN)) saved.check(PathArguments.of(page), served.willRead(page));
      } catch (IOException e) {
        return unreadable(page, e);
      } catch (InvalidPathException e) {
        return fail("cannot read page '" + page + "': " + e.getReason());
      }
    }
    try {
      if (pages.contains(STDIN)) served.readStdin();
    } catch (IOException e) {
      return unreadable(STDIN, e);
    }
    return null;
  }

  /**
   * Reads, parses and prints each page in turn, each line as a crawl writes it to stdout (UTF-8,
   * flushed). A page that cannot be read ends the run with exit 2, a line that cannot be written
   * with exit 3 and the crawl's message.
   */
  private int extractAll(PageParser parser) {
    ParseStage stage = new ParseStage(parser, null); // an internal failure is said here, not logged
    JsonLinesSink out = JsonLinesSink.to(stdout, "stdout");
    boolean failed = false;
    try {
      for (String name : pages) {
        FetchResult page;
        try {
          page = served.served(name);
        } catch (IOException e) {
          return unreadable(name, e);
        }
        if (parser instanceof RulesPageParser withRules) sayWhichRule(name, page.finalUrl(), withRules);
        CrawlResult line = neverFetched(stage.lineFor(page));
        failed |= line.error() != null;
        if (line.error() != null && line.error().type() == ErrorType.INTERNAL) sayInternal(name, line.error().message());
        out.write(line);
      }
      out.close();
    } catch (StoreException e) {
      CrawlLine.print(stderr, e.getMessage());
      return ExitCodes.IO;
    }
    return failed ? ExitCodes.SOME_FAILED : ExitCodes.OK;
  }

  /**
   * Says on stderr which rule {@code page} matched, or that none did; or, for a page that is not
   * read ({@link ServedPages#willRead}), that no rule applied to it, whichever rule its URL matches.
   */
  private void sayWhichRule(String page, String pageUrl, RulesPageParser parser) {
    if (!served.willRead(page)) { // its line is unsupported_content, with no data
      CrawlLine.print(stderr, page + ": not read (its type, " + served.typeFor(page) + ", is not text), so no rule applied");
      return;
    }
    Optional<Rule> rule;
    try {
      rule = parser.ruleFor(pageUrl);
    } catch (ExtractionException e) {
      return; // the page's line says so
    }
    if (rule.isPresent()) {
      CrawlLine.print(stderr, page + ": rule \"" + rule.get().name() + "\" (" + rule.get().url().spec() + ")");
    } else {
      CrawlLine.print(stderr, "warning: " + page + ": no rule matches " + pageUrl
          + (url == null ? "; give the URL the page came from with --url" : ""));
    }
  }

  /**
   * Says on stderr that {@code page} failed with an internal error, {@code message} (its line's):
   * the heap ran out, or a bug. Its stack trace is logged at DEBUG, which extract never shows.
   */
  private void sayInternal(String page, String message) {
    CrawlLine.print(stderr, page + ": internal error: " + message
        + internalHint(message.startsWith(OutOfMemoryError.class.getSimpleName())));
  }

  /** What extract says after an internal error, its own or a page's: a page too large for the heap, or a bug. */
  static String internalHint(boolean outOfMemory) {
    return outOfMemory ? HEAP_HINT : " (a bug in crawlpipe)";
  }

  /** The line without the facts of a fetch that never happened: no attempts, no time taken. */
  private static CrawlResult neverFetched(CrawlResult r) {
    return new CrawlResult(r.url(), r.finalUrl(), r.status(), r.ok(), r.contentType(), r.bytes(), r.title(),
        r.charset(), r.fetchedAt(), 0, 0, r.data(), r.error());
  }

  private int unreadable(String page, IOException e) {
    return fail("cannot read page '" + page + "': " + IoProblems.describe(e));
  }

  private int fail(String message) {
    CrawlLine.print(stderr, message);
    return ExitCodes.USAGE;
  }
}
