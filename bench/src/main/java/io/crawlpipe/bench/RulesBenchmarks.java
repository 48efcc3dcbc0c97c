package io.crawlpipe.bench;

import io.crawlpipe.parser.Page;
import io.crawlpipe.parser.ParsedPage;
import io.crawlpipe.parser.rules.RuleSet;
import io.crawlpipe.parser.rules.RulesPageParser;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * JMH microbenchmarks of extraction rules on the worked example's movie-board page: the
 * tutorial's regex unchanged, and the same fields as a CSS and as an XPath {@code items} rule
 * (which parse a DOM); and an XPath path over 30,000 sibling elements, whose sort into document
 * order once walked between siblings (a time bound of a minute, so a slow sort is measured, not cut).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class RulesBenchmarks {
  private Page page;
  private RulesPageParser regex;
  private RulesPageParser css;
  private RulesPageParser xpath;
  private Page siblings;
  private RulesPageParser siblingsXPath;

  @Setup
  public void setUp() throws IOException {
    page = new Page("https://maoyan.com/board/4", "text/html; charset=utf-8", resource("board-page.html"));
    regex = RulesPageParser.builder(ruleSet("board-regex.json")).build();
    css = RulesPageParser.builder(ruleSet("board-css.json")).build();
    xpath = RulesPageParser.builder(ruleSet("board-xpath.json")).build();
    String body = "<html><body>" + "<div><a>x</a></div>".repeat(30_000) + "</body></html>";
    siblings = new Page("https://example.com/", "text/html; charset=utf-8", body.getBytes(StandardCharsets.UTF_8));
    String rules = "{\"rules\": [{\"name\": \"r\", \"url\": \"*\", \"fields\": {\"a\": {\"xpath\": \"//body//a\", \"all\": true}}}]}";
    siblingsXPath = RulesPageParser.builder(RuleSet.parse(rules, "siblings.json")).fieldTimeout(Duration.ofMinutes(1)).build();
  }

  private static RuleSet ruleSet(String name) throws IOException {
    return RuleSet.parse(new String(resource(name), StandardCharsets.UTF_8), name);
  }

  private static byte[] resource(String name) throws IOException {
    try (InputStream in = RulesBenchmarks.class.getResourceAsStream("/board/" + name)) {
      if (in == null) throw new IOException("missing benchmark resource /board/" + name);
      return in.readAllBytes();
    }
  }

  @Benchmark
  public ParsedPage boardRegex() {
    return regex.parse(page);
  }

  @Benchmark
  public ParsedPage boardCssItems() {
    return css.parse(page);
  }

  @Benchmark
  public ParsedPage boardXPathItems() {
    return xpath.parse(page);
  }

  @Benchmark
  public ParsedPage xpathOverManySiblings() {
    return siblingsXPath.parse(siblings);
  }
}
