package io.crawlpipe.parser.rules;

import java.math.BigDecimal;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jaxen.expr.Expr;

/**
 * A parsed XPath expression as an error message quotes it: jaxen's text of it (jaxen keeps no
 * source positions) turned back into XPath's abbreviated syntax, since jaxen writes every step in
 * full and every number as a double ({@code count(//p)} as {@code
 * count(/descendant-or-self::node()/child::p)}, {@code 1} as {@code 1.0}, {@code 10000000} as
 * {@code 1.0E7}); string literals are left as they are. Shortened by {@link Snippet#of} when long.
 */
final class XPathText {
  private static final Pattern LITERAL = Pattern.compile("\"[^\"]*\"|'[^']*'");
  private static final Pattern DESCENDANTS = Pattern.compile("/descendant-or-self::node\\(\\)/");
  private static final Pattern CHILD = Pattern.compile("(?<![\\w.-])child::");
  private static final Pattern ATTRIBUTE = Pattern.compile("(?<![\\w.-])attribute::");
  // . and .. take no predicates: self::node()[1] stays as it is
  private static final Pattern SELF = Pattern.compile("(?<![\\w.-])self::node\\(\\)(?!\\[)");
  private static final Pattern PARENT = Pattern.compile("(?<![\\w.-])parent::node\\(\\)(?!\\[)");
  /** A number as Double.toString writes it (1.0, 1.05, 1.0E7, 1.0E-4), not part of a name such as v-1.0. */
  private static final Pattern NUMBER = Pattern.compile("(?<![\\w.-])\\d+\\.\\d+(?:E-?\\d+)?(?![\\w.-])");

  private XPathText() {}

  static String of(Expr expr) {
    String text = expr.getText();
    StringBuilder out = new StringBuilder(text.length());
    Matcher literal = LITERAL.matcher(text);
    int from = 0;
    while (literal.find()) {
      out.append(abbreviated(text.substring(from, literal.start()))).append(literal.group());
      from = literal.end();
    }
    out.append(abbreviated(text.substring(from)));
    return Snippet.of(out.toString());
  }

  private static String abbreviated(String path) {
    String text = DESCENDANTS.matcher(path).replaceAll("//");
    text = CHILD.matcher(text).replaceAll("");
    text = ATTRIBUTE.matcher(text).replaceAll("@");
    text = SELF.matcher(text).replaceAll(".");
    text = PARENT.matcher(text).replaceAll("..");
    return NUMBER.matcher(text).replaceAll(number -> new BigDecimal(number.group()).stripTrailingZeros().toPlainString());
  }
}
