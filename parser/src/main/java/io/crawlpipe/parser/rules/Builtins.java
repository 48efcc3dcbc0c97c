package io.crawlpipe.parser.rules;

import io.crawlpipe.parser.ExtractTimeoutException;
import io.crawlpipe.parser.TitleScanner;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jsoup.nodes.Element;

/**
 * The {@code builtin} fields: {@code title} (as the default extraction reads it), {@code links}
 * (absolute http(s) link targets of {@code a[href]}, fragment stripped, de-duplicated, in document
 * order), {@code description} (the trimmed {@code content} of {@code <meta name=description>}) and
 * {@code canonical} (the absolute {@code href} of {@code <link rel=canonical>}). The URLs are
 * written as a browser writes them ({@link UrlNormaliser}), and de-duplicated in that form; an
 * http(s) link without a valid host or port is left out, as a link of another scheme is. Each is
 * null (or []) when the page has none. All but {@code title} are time-bounded as a css field is ({@link
 * PageContext#fieldTimeout()}): every element visited and every link resolved counts. Stateless.
 */
final class Builtins {
  private static final Selection LINKS = Selection.css("a[href]");
  private static final Selection DESCRIPTION = Selection.css("meta[name=description][content]");
  private static final Selection CANONICAL = Selection.css("link[rel=canonical][href]");
  private static final Map<String, Builtin> BY_NAME = Map.of(
      "title", Builtins::title,
      "links", Builtins::links,
      "description", Builtins::description,
      "canonical", Builtins::canonical);

  private Builtins() {}

  /** One builtin's work on a page, counted against {@code deadline}. */
  @FunctionalInterface
  private interface Builtin {
    Object extract(PageContext page, Deadline deadline);
  }

  /** The names accepted by {@link #named}, sorted. */
  static List<String> names() {
    return BY_NAME.keySet().stream().sorted().toList();
  }

  /**
   * The built-in extractor called {@code name}, or null when there is none; {@code label} names
   * the field in its timeout message.
   */
  static Extractor named(String name, String label) {
    Builtin builtin = BY_NAME.get(name);
    if (builtin == null) return null;
    return page -> {
      // Decoded and parsed before the clock starts, as for css: the bound is the field's own work.
      if (!name.equals("title")) page.document();
      try {
        return builtin.extract(page, page.deadline(JsoupNavigator.CHECK_EVERY));
      } catch (Deadline.Expired e) {
        String message = label + ": builtin " + name + " ran longer than " + page.fieldTimeout().toMillis() + " ms";
        throw new ExtractTimeoutException(page.page().url(), message, page.fieldTimeout());
      }
    };
  }

  /**
   * As DefaultPageParser reads it, null for a page that is not HTML: a linear scan of the text
   * outside the bound, as for the result line's title.
   */
  private static String title(PageContext page, Deadline unused) {
    return page.page().isHtml() ? TitleScanner.title(page.text()) : null;
  }

  private static List<String> links(PageContext page, Deadline deadline) {
    Set<String> links = new LinkedHashSet<>();
    for (Object node : LINKS.select(page.document(), deadline)) {
      deadline.check(); // resolving one href costs more than visiting an element: 7.5 s for 350,000 links
      String url = ((Element) node).absUrl("href");
      int hash = url.indexOf('#');
      if (hash >= 0) url = url.substring(0, hash);
      if (!UrlNormaliser.isHttp(url)) continue;
      url = UrlNormaliser.normalise(url);
      if (url != null) links.add(url);
    }
    return List.copyOf(links);
  }

  private static String description(PageContext page, Deadline deadline) {
    List<?> meta = DESCRIPTION.select(page.document(), deadline);
    return meta.isEmpty() ? null : PostProcess.strip(((Element) meta.getFirst()).attr("content"));
  }

  private static String canonical(PageContext page, Deadline deadline) {
    List<?> link = CANONICAL.select(page.document(), deadline);
    if (link.isEmpty()) return null;
    String url = ((Element) link.getFirst()).absUrl("href");
    return url.isEmpty() ? null : UrlNormaliser.normalise(url);
  }
}
