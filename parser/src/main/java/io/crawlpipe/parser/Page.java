package io.crawlpipe.parser;

import java.util.Objects;

/**
 * A fetched page as the parse stage sees it: the final URL, the Content-Type header (nullable) and
 * the decoded-from-transfer (gunzipped) body bytes. The body array is handed over, not copied: the
 * creator must not modify it afterwards.
 */
public record Page(String url, String contentType, byte[] body) {
  public Page {
    Objects.requireNonNull(url, "url");
    Objects.requireNonNull(body, "body");
  }

  /** True when the page should be parsed as HTML: an HTML media type, or no type and markup-like bytes ({@link ContentTypes#isHtml}). */
  public boolean isHtml() {
    return ContentTypes.isHtml(contentType, body);
  }
}
