package io.crawlpipe.parser.rules;

import io.crawlpipe.parser.DefaultPageParser;
import io.crawlpipe.parser.ExtractTimeoutException;
import io.crawlpipe.parser.ExtractionException;
import io.crawlpipe.parser.Page;
import io.crawlpipe.parser.PageParser;
import io.crawlpipe.parser.ParsedPage;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.LongSupplier;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * A {@link PageParser} driven by extraction rules. For each page: the first rule whose URL
 * pattern matches applies (see {@link RuleSet}); its fields are extracted in order into {@link
 * ParsedPage#data()}; title and charset are those of the {@link DefaultPageParser}. A page that
 * matches no rule gets the default extraction only. The body is decoded once and parsed into a
 * DOM at most once, only when a field needs it.
 *
 * <p>Thread-safe. Pure but for two counters, of the pages parsed and of those a rule matched
 * ({@link #pagesParsed()}, {@link #pagesMatched()}), and a DEBUG log line per page naming the rule
 * that matched, or saying that none did: no network, no other mutable state.
 */
public final class RulesPageParser implements PageParser {
  /** The default bound on one field's evaluation on one page (not a Java extractor's). */
  public static final Duration DEFAULT_FIELD_TIMEOUT = Duration.ofSeconds(2);
  /**
   * The longest bound: 366 days, as the crawler's longest duration. A longer one overflowed the
   * deadline in nanoseconds and failed every page as {@code internal}.
   */
  public static final Duration MAX_FIELD_TIMEOUT = Duration.ofDays(366);

  private static final Logger log = LoggerFactory.getLogger(RulesPageParser.class);
  /** Patterns named in the DEBUG line of a page that no rule matched; the rest are counted. */
  private static final int PATTERNS_LOGGED = 3;

  private final RuleSet rules;
  private final LongAdder parsed = new LongAdder();
  private final LongAdder matched = new LongAdder();
  private final Duration fieldTimeout;
  private final LongSupplier nanoTicker;
  private final DefaultPageParser defaults = new DefaultPageParser();
  private final JsonMapper bodyMapper = JsonMapper.builder()
      .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
      .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
      .build();

  private RulesPageParser(Builder builder) {
    this.rules = new RuleSet(builder.rules);
    this.fieldTimeout = builder.fieldTimeout;
    this.nanoTicker = builder.nanoTicker;
  }

  /**
   * A parser for the rules file at {@code file}, with the default field time bound.
   *
   * @throws RulesException when the file cannot be read or is invalid (one-line message)
   */
  public static RulesPageParser load(Path file) {
    return builder(RuleSet.load(file)).build();
  }

  /** A builder starting from {@code rules}. */
  public static Builder builder(RuleSet rules) {
    return new Builder(rules);
  }

  /** The rules in force, lambda fields included. */
  public RuleSet rules() {
    return rules;
  }

  /**
   * Parses one page.
   *
   * @throws io.crawlpipe.parser.ExtractTimeoutException when a regex, css, xpath or builtin field,
   *     or the matching of the url patterns, runs past the time bound
   * @throws ExtractionException when any other field fails, or a url pattern overflows the stack;
   *     the message names the rule (and the field)
   */
  @Override
  public ParsedPage parse(Page page) {
    parsed.increment();
    Optional<Rule> rule = ruleFor(page.url());
    if (log.isDebugEnabled()) logMatch(page.url(), rule);
    if (rule.isEmpty()) return defaults.parse(page);
    matched.increment();
    PageContext context = new PageContext(page, bodyMapper, fieldTimeout, nanoTicker);
    Map<String, Object> data = new LinkedHashMap<>();
    for (Map.Entry<String, Extractor> field : rule.get().fields().entrySet()) {
      data.put(field.getKey(), extract(rule.get(), field.getKey(), field.getValue(), context));
    }
    ParsedPage basics = defaults.parse(page, context::decoded);
    return new ParsedPage(basics.title(), basics.charset(), data);
  }

  /**
   * The pages given to {@link #parse} so far (the crawler gives it only 2xx responses), those whose
   * URL patterns ran past the bound included. Safe to read while other threads parse.
   */
  public long pagesParsed() {
    return parsed.sum();
  }

  /** Of {@link #pagesParsed()}, the pages a rule matched. Safe to read while other threads parse. */
  public long pagesMatched() {
    return matched.sum();
  }

  private void logMatch(String url, Optional<Rule> rule) {
    if (rule.isPresent()) {
      log.debug("rule \"{}\" ({}) matches {}", rule.get().name(), rule.get().url(), url);
      return;
    }
    List<Rule> all = rules.rules();
    String tried = all.stream().limit(PATTERNS_LOGGED).map(r -> r.url().spec()).collect(Collectors.joining(", "));
    String more = all.size() > PATTERNS_LOGGED ? " and " + (all.size() - PATTERNS_LOGGED) + " more" : "";
    log.debug("no rule matches {} (url patterns: {}{}): data is empty", url, tried, more);
  }

  /**
   * The first rule whose url pattern matches {@code url}, the one {@link #parse} applies, under the
   * same bounds as a regex field: one bound for all the patterns tried, and a pattern that
   * backtracks past it, or recurses past the stack, on a long URL fails the page (naming the rule),
   * not the crawl.
   *
   * @throws io.crawlpipe.parser.ExtractTimeoutException when matching runs past the bound
   * @throws ExtractionException when a pattern overflows the stack
   */
  public Optional<Rule> ruleFor(String url) {
    DeadlineCharSequence bounded = new DeadlineCharSequence(url, new Deadline(nanoTicker, fieldTimeout.toNanos(),
        DeadlineCharSequence.CHECK_EVERY));
    for (Rule rule : rules.rules()) {
      try {
        if (rule.url().matches(bounded)) return Optional.of(rule);
      } catch (Deadline.Expired e) {
        String message = "rule " + Snippet.quoted(rule.name()) + ": url patterns ran longer than " + fieldTimeout.toMillis() + " ms";
        throw new ExtractTimeoutException(url, message, fieldTimeout);
      } catch (StackOverflowError e) {
        throw new ExtractionException(url, "rule " + Snippet.quoted(rule.name()) + ": url pattern overflowed the stack", null);
      }
    }
    return Optional.empty();
  }

  private static Object extract(Rule rule, String field, Extractor extractor, PageContext context) {
    try {
      return extractor.extract(context);
    } catch (ExtractionException e) {
      throw e;
    } catch (Exception e) { // a checked one thrown sneakily (Kotlin, Groovy, @SneakyThrows) too
      String message = "rule " + Snippet.quoted(rule.name()) + " field " + Snippet.quoted(field) + " failed: " + e;
      throw new ExtractionException(context.page().url(), message, e);
    }
  }

  /** Settings of a {@link RulesPageParser}; not thread-safe, build once and share the parser. */
  public static final class Builder {
    private final List<Rule> rules;
    private Duration fieldTimeout = DEFAULT_FIELD_TIMEOUT;
    private LongSupplier nanoTicker = System::nanoTime;

    private Builder(RuleSet rules) {
      this.rules = new ArrayList<>(rules.rules());
    }

    /**
     * The bound on one regex, css, xpath or builtin field's evaluation on one page, its items' fields
     * included, and on matching the url patterns against the page's URL;
     * default {@link #DEFAULT_FIELD_TIMEOUT}.
     *
     * @throws IllegalArgumentException when {@code timeout} is not positive or is longer than
     *     {@link #MAX_FIELD_TIMEOUT}
     */
    public Builder fieldTimeout(Duration timeout) {
      Objects.requireNonNull(timeout, "fieldTimeout");
      if (timeout.isNegative() || timeout.isZero()) {
        throw new IllegalArgumentException("fieldTimeout must be > 0, was " + timeout);
      }
      if (timeout.compareTo(MAX_FIELD_TIMEOUT) > 0) {
        throw new IllegalArgumentException("fieldTimeout must be at most 366 days, was " + timeout);
      }
      this.fieldTimeout = timeout;
      return this;
    }

    /** The clock for the field time bound, in nanoseconds; default {@link System#nanoTime}. */
    public Builder nanoTicker(LongSupplier ticker) {
      this.nanoTicker = Objects.requireNonNull(ticker, "nanoTicker");
      return this;
    }

    /**
     * Adds a Java field to the rule named {@code rule}, after its rules-file fields.
     *
     * @throws IllegalArgumentException when there is no such rule or it already has that field
     */
    public Builder field(String rule, String field, Extractor extractor) {
      Objects.requireNonNull(field, "field");
      Objects.requireNonNull(extractor, "extractor");
      for (int i = 0; i < rules.size(); i++) {
        if (rules.get(i).name().equals(rule)) {
          rules.set(i, rules.get(i).withField(field, extractor));
          return this;
        }
      }
      throw new IllegalArgumentException("no rule named \"" + rule + "\"");
    }

    public RulesPageParser build() {
      return new RulesPageParser(this);
    }
  }
}
