package io.crawlpipe.parser;

/** Extraction failed for one page; carries the page URL. The crawl records it and carries on. */
public class ExtractionException extends RuntimeException {
  private final String url;

  public ExtractionException(String url, String message, Throwable cause) {
    super(message + ": " + url, cause);
    this.url = url;
  }

  /** The URL of the page that could not be extracted. */
  public String url() {
    return url;
  }
}
