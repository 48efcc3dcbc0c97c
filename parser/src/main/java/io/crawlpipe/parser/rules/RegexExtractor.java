package io.crawlpipe.parser.rules;

import io.crawlpipe.parser.ExtractTimeoutException;
import io.crawlpipe.parser.ExtractionException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A {@code regex} field: Python {@code re.findall} over the decoded page text, one result per
 * match, each match's time-bounded by {@link PageContext#fieldTimeout()}. A match yields, in order
 * of precedence: an object built from {@code item} templates; the {@code value} template; else
 * what {@code findall} yields (the whole match without groups, group 1 with one group, the list of
 * groups with more). With {@code all} (the default) the field is the list of results, else the
 * first result or null. The results count against the page's {@link OutputBudget}: a lookahead
 * that captures the rest of the page at every position ({@code (?=(.*))}) would otherwise build
 * output that grows with the square of the page. Immutable and thread-safe.
 */
final class RegexExtractor implements Extractor {

  /** One field of an item: a template and its post-processing. */
  record ItemField(Template template, PostProcess post) {}

  private final String label;
  private final Pattern pattern;
  private final boolean all;
  private final Template value;
  private final Map<String, ItemField> item;
  private final PostProcess post;

  RegexExtractor(String label, Pattern pattern, boolean all, Template value, Map<String, ItemField> item,
      PostProcess post) {
    this.label = label;
    this.pattern = pattern;
    this.all = all;
    this.value = value;
    this.item = item == null ? null : Collections.unmodifiableMap(new LinkedHashMap<>(item));
    this.post = post;
  }

  @Override
  public Object extract(PageContext page) {
    Matcher m = pattern.matcher(page.boundedText());
    OutputBudget budget = page.outputBudget();
    try {
      if (!all) return m.find() ? charged(result(m), budget) : null;
      List<Object> results = new ArrayList<>();
      while (m.find()) results.add(charged(result(m), budget));
      return Collections.unmodifiableList(results);
    } catch (OutputBudget.Exceeded e) {
      throw new ExtractionException(page.page().url(), label + ": regex " + budget.exceeded(), null);
    } catch (Deadline.Expired e) {
      String message = label + ": regex ran longer than " + page.fieldTimeout().toMillis() + " ms";
      throw new ExtractTimeoutException(page.page().url(), message, page.fieldTimeout());
    } catch (StackOverflowError e) {
      throw new ExtractionException(page.page().url(), label + ": regex overflowed the stack", null);
    }
  }

  /** {@code result}, once counted against the page's output budget. */
  private static Object charged(Object result, OutputBudget budget) {
    budget.charge(result);
    return result;
  }

  private Object result(Matcher m) {
    if (item != null) {
      Map<String, Object> object = new LinkedHashMap<>();
      item.forEach((name, field) -> object.put(name, field.post().apply(field.template().render(m))));
      return Collections.unmodifiableMap(object);
    }
    if (value != null) return post.apply(value.render(m));
    return post.apply(findall(m));
  }

  /** What Python's {@code findall} yields for one match; unmatched groups are "". */
  private static Object findall(Matcher m) {
    int count = m.groupCount();
    if (count == 0) return m.group();
    if (count == 1) return orEmpty(m.group(1));
    List<String> groups = new ArrayList<>(count);
    for (int g = 1; g <= count; g++) groups.add(orEmpty(m.group(g)));
    return Collections.unmodifiableList(groups);
  }

  private static String orEmpty(String s) {
    return s == null ? "" : s;
  }
}
