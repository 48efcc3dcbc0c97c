package io.crawlpipe.crawler.cli;

import io.crawlpipe.crawler.fetch.FetchResult;
import io.crawlpipe.parser.ContentTypes;
import io.crawlpipe.parser.Ipv4Host;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import okhttp3.HttpUrl;

/**
 * {@code crawl extract}'s saved pages as the responses a crawl would have fetched: status 200,
 * from {@code --url} or the page's own {@code file:} URL, with the type {@code --content-type}
 * gives or the file name's extension suggests. A body whose type is not text is not read, as the
 * fetchers do not read one. The page on stdin is read ahead ({@link #readStdin}) and held until its
 * turn. One per run; not thread-safe. {@code url} and {@code contentType} may be null (not given);
 * {@code url} must be one {@link io.crawlpipe.crawler.UrlValidator} takes.
 */
final class ServedPages {
  /** The type a page is taken to have from its file name's extension; {@code --help} names them all. */
  static final Map<String, String> TYPES_BY_EXTENSION = Map.of("html", "text/html", "htm", "text/html",
      "xhtml", "application/xhtml+xml", "json", "application/json", "xml", "application/xml", "txt", "text/plain",
      "rss", "application/rss+xml", "atom", "application/atom+xml", "svg", "image/svg+xml");
  private static final String STDIN = SavedPages.STDIN;

  private final SavedPages saved;
  private final String url;
  private final String contentType;
  /** The page on stdin, read before any page is parsed; null before and after its turn. */
  private byte[] stdinPage;

  ServedPages(SavedPages saved, String url, String contentType) {
    this.saved = saved;
    this.url = url;
    // As both fetchers read the header: white space around the value dropped (an empty one stays "").
    this.contentType = contentType == null ? null : contentType.trim();
  }

  /** Reads the page on stdin now, if it is to be read, so a failure comes before any page is parsed. */
  void readStdin() throws IOException {
    if (willRead(STDIN)) stdinPage = saved.read(STDIN);
  }

  /** {@code page} (a file's name or {@code -}) as the response a crawl would have fetched. */
  FetchResult served(String page) throws IOException {
    boolean fromStdin = page.equals(STDIN);
    String from = url != null ? url : fromStdin ? "file:///dev/stdin" : fileUrl(page);
    String finalUrl = url != null ? finalUrl(url) : from;
    byte[] body = !willRead(page) ? new byte[0] : fromStdin ? stdinPage : saved.read(page);
    if (fromStdin) stdinPage = null; // its turn: held no longer than the other pages
    Instant at = fromStdin ? Instant.now() : Files.getLastModifiedTime(Path.of(page)).toInstant();
    return new FetchResult(from, finalUrl, 200, typeFor(page), Map.of(), body, at, 0, 1);
  }

  /**
   * {@code url} as a crawl's final URL: scheme and host in lower case, a host written as a number as
   * its dotted quad ({@link Ipv4Host#canonical}: {@code 127.1} is {@code 127.0.0.1}), the default
   * port and dot segments gone.
   */
  private static String finalUrl(String url) {
    HttpUrl parsed = HttpUrl.get(url);
    String host = Ipv4Host.canonical(parsed.host()); // not null: a URL the validator took has a valid host
    return parsed.newBuilder().host(host).build().toString();
  }

  /**
   * The {@code file:} URL of the page file {@code page}, absolute and without {@code .} and {@code
   * ..} segments, as a crawl's final URL has none. Normalised by name only: symbolic links are not
   * resolved, so a link's URL is the link's, and {@code link/..} is taken as the directory the link is in.
   */
  private static String fileUrl(String page) {
    return Path.of(page).toAbsolutePath().normalize().toUri().toString();
  }

  /** True when {@code page} is read: its type ({@link #typeFor}) is text, or unknown. */
  boolean willRead(String page) {
    return ContentTypes.isTextual(typeFor(page));
  }

  /** The type {@code page} is served with: {@code --content-type}, else a file's by its extension, else none. */
  String typeFor(String page) {
    return contentType != null || page.equals(STDIN) ? contentType : typeOf(page);
  }

  private static String typeOf(String page) {
    int dot = page.lastIndexOf('.');
    return dot < 0 ? null : TYPES_BY_EXTENSION.get(page.substring(dot + 1).toLowerCase(Locale.ROOT));
  }
}
