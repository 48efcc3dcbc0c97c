package io.crawlpipe.parser.rules;

import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jaxen.expr.Expr;
import org.jaxen.expr.FunctionCallExpr;

/**
 * What to write instead of an XPath that gives a string, for the message refusing it. A field
 * selects nodes and its value is their text, so {@code normalize-space(//h1)} is {@code //h1}
 * (and {@code string(//h1)} nearly: the text whitespace normalised); a string made by {@code
 * concat()}, {@code substring-after()} and the like is the post-processing steps' work. Stateless.
 */
final class XPathStringHint {
  private static final Set<String> TEXT_OF = Set.of("string", "normalize-space");
  private static final Set<String> STRING_MAKERS =
      Set.of("concat", "substring", "substring-before", "substring-after", "translate");
  /** The argument of a query that is one call of string() or normalize-space(), as written. */
  private static final Pattern ARGUMENT =
      Pattern.compile("\\s*(?:string|normalize-space)\\s*\\(\\s*(.*?)\\s*\\)\\s*", Pattern.DOTALL);
  private static final Pattern ATTRIBUTE = Pattern.compile("(?:@|attribute::)(?:[\\w.:-]+|\\*)\\s*$");
  private static final Pattern TEXT = Pattern.compile("text\\(\\s*\\)\\s*$");

  private XPathStringHint() {}

  /** {@code : write "//h1" (...)} and the like for {@code query}, parsed as {@code root}; "" when there is no hint. */
  static String of(String query, Expr root) {
    if (!(root instanceof FunctionCallExpr call) || !call.getPrefix().isEmpty()) return "";
    String name = call.getFunctionName();
    if (STRING_MAKERS.contains(name)) {
      return ": select the nodes and change their text with the steps \"strip_prefix\", \"strip_suffix\","
          + " \"replace\" and \"trim\", or use a regex field";
    }
    List<?> arguments = call.getParameters();
    if (!TEXT_OF.contains(name) || !arguments.isEmpty() && !XPathCheck.mayBeNodeSet((Expr) arguments.getFirst())) return "";
    Matcher written = ARGUMENT.matcher(query);
    String nodes = arguments.isEmpty() ? "."
        : written.matches() ? written.group(1) : XPathText.of((Expr) arguments.getFirst());
    return ": write " + Snippet.quoted(nodes) + " (" + value(nodes) + ")";
  }

  private static String value(String nodes) {
    if (ATTRIBUTE.matcher(nodes).find()) return "a field's value is the attribute's value";
    if (TEXT.matcher(nodes).find()) return "a field's value is the text node's text";
    return "a field's value is the text of the element it selects, whitespace normalised;"
        + " \"value\": \"own_text\" for its own text without its children's";
  }
}
