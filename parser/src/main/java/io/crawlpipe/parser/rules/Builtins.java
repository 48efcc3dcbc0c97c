package io.crawlpipe.parser.rules;

import io.crawlpipe.parser.TitleScanner;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jsoup.nodes.Element;

/**
 * The {@code builtin} fields: {@code title} (as the default extraction reads it), {@code links}
 * (absolute http(s) link targets of {@code a[href]}, fragment stripped, de-duplicated, in document
 * order), {@code description} (the trimmed {@code content} of {@code <meta name=description>}) and
 * {@code canonical} (the absolute {@code href} of {@code <link rel=canonical>}). Each is null (or [])
 * when the page has none. Stateless.
 */
final class Builtins {
  private static final Map<String, Extractor> BY_NAME = Map.of(
      "title", page -> page.page().isHtml() ? TitleScanner.title(page.text()) : null, // as DefaultPageParser
      "links", Builtins::links,
      "description", Builtins::description,
      "canonical", Builtins::canonical);

  private Builtins() {}

  /** The names accepted by {@link #named}, sorted. */
  static List<String> names() {
    return BY_NAME.keySet().stream().sorted().toList();
  }

  /** The built-in extractor called {@code name}, or null when there is none. */
  static Extractor named(String name) {
    return BY_NAME.get(name);
  }

  static List<String> links(PageContext page) {
    Set<String> links = new LinkedHashSet<>();
    for (Element a : page.document().select("a[href]")) {
      String url = a.absUrl("href");
      int hash = url.indexOf('#');
      if (hash >= 0) url = url.substring(0, hash);
      String lower = url.toLowerCase(Locale.ROOT);
      if (lower.startsWith("http://") || lower.startsWith("https://")) links.add(url);
    }
    return List.copyOf(links);
  }

  static String description(PageContext page) {
    Element meta = page.document().selectFirst("meta[name=description][content]");
    return meta == null ? null : PostProcess.strip(meta.attr("content"));
  }

  static String canonical(PageContext page) {
    Element link = page.document().selectFirst("link[rel=canonical][href]");
    if (link == null) return null;
    String url = link.absUrl("href");
    return url.isEmpty() ? null : url;
  }
}
