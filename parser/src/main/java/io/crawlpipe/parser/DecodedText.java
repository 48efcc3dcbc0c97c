package io.crawlpipe.parser;

import java.nio.charset.Charset;
import java.util.Objects;

/** A page body turned into text, with the charset that was used to decode it. */
public record DecodedText(String text, Charset charset) {
  public DecodedText {
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(charset, "charset");
  }
}
