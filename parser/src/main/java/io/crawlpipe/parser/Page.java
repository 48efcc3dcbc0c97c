package io.crawlpipe.parser;

import java.util.Arrays;
import java.util.Objects;

/**
 * A fetched page as the parse stage sees it: the final URL, the Content-Type header (nullable) and
 * the decoded-from-transfer (gunzipped) body bytes. The body array is handed over, not copied: the
 * creator must not modify it afterwards. Two pages are equal when their URLs, types and body bytes
 * are (the parse path never compares pages); {@link #toString} gives the body's length, not its bytes.
 */
public record Page(String url, String contentType, byte[] body) {
  public Page {
    Objects.requireNonNull(url, "url");
    Objects.requireNonNull(body, "body");
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Page other && url.equals(other.url) && Objects.equals(contentType, other.contentType)
        && Arrays.equals(body, other.body);
  }

  @Override
  public int hashCode() {
    return Objects.hash(url, contentType, Arrays.hashCode(body));
  }

  @Override
  public String toString() {
    return "Page[url=" + url + ", contentType=" + contentType + ", body=" + body.length + " bytes]";
  }

  /** True when the page should be parsed as HTML: an HTML media type, or no type and markup-like bytes ({@link ContentTypes#isHtml}). */
  public boolean isHtml() {
    return ContentTypes.isHtml(contentType, body);
  }
}
