package io.crawlpipe.parser;

/**
 * Reads the start and end tags of markup one after another, as a browser's tokenizer reads them,
 * for a {@link TitleFinder}: skips the text, comments ({@code <!--...-->}, ended also by {@code
 * <!-->}, {@code <!--->} and {@code --!>}), bogus comments ({@code <!DOCTYPE ...>}, {@code <?...>},
 * {@code </3>}) and quoted attribute values between them, and keeps the last tag's packed name
 * ({@link TagName}), whether it is an end tag and whether it is self-closing. It reads no element's
 * content specially (raw text, titles): its owner moves it past such content ({@link #moveTo},
 * {@link #finishTag}). An unterminated comment, bogus comment, tag or quoted value ends the
 * reading. Allocates nothing as it reads. One instance per scan; not thread-safe.
 */
final class TagReader {
  private final Markup m;
  private int pos;
  private long name;
  private boolean endTag;
  private boolean selfClosing;

  /** A reader over {@code markup} (not null) from index {@code from}. */
  TagReader(Markup markup, int from) {
    this.m = markup;
    this.pos = from;
  }

  /** The index reading has reached: just after the last tag's '>', or where {@link #moveTo} put it. */
  int pos() {
    return pos;
  }

  /** The packed name of the last tag read ({@link TagName#OTHER} for a name it does not pack). */
  long name() {
    return name;
  }

  /** True when the last tag read is an end tag. */
  boolean endTag() {
    return endTag;
  }

  /** True when the last tag read ends with {@code "/>"}. */
  boolean selfClosing() {
    return selfClosing;
  }

  /** Resumes reading at index {@code i}, which is past any tag already read. */
  void moveTo(int i) {
    pos = i;
  }

  /**
   * Advances past the next start or end tag, past the text, comments and bogus comments before
   * it, and sets {@link #name}, {@link #endTag} and {@link #selfClosing}; false at the end.
   */
  boolean next() {
    while (true) {
      int lt = m.indexOf('<', pos);
      if (lt < 0) return false;
      pos = lt + 1;
      int c = pos < m.end ? m.at(pos) : -1;
      endTag = c == '/';
      if (endTag) c = ++pos < m.end ? m.at(pos) : -1;
      if (Markup.isAsciiLetter(c)) {
        readTagName();
        return skipAttributes();
      }
      if (endTag || c == '?') {
        if (!skipPast('>')) return false;
      } else if (c == '!' && !skipDeclaration()) {
        return false;
      }
    }
  }

  /**
   * From {@code afterName}, just after the name of a tag its owner found, past the tag's '>' (as
   * {@link #next} does, without changing {@link #name} or {@link #endTag}); false at the end.
   */
  boolean finishTag(int afterName) {
    pos = afterName;
    return skipAttributes();
  }

  /** Reads the tag name starting at {@link #pos}, up to whitespace, '/' or '>', into {@link #name}. */
  private void readTagName() {
    long packed = TagName.empty();
    for (; pos < m.end && !Markup.endsTagName(m.at(pos)); pos++) packed = TagName.append(packed, m.at(pos));
    name = packed;
  }

  /** From just after a tag's name, past its '>' (quoted values may hold '>'); false at the end. */
  private boolean skipAttributes() {
    selfClosing = false;
    while (pos < m.end) {
      int c = m.at(pos++);
      if (c == '>') return true;
      if (c == '/') {
        selfClosing = pos < m.end && m.at(pos) == '>';
      } else if (!Markup.isSpace(c)) {  // an attribute name; its first character may be '='
        while (pos < m.end && !Markup.endsTagName(m.at(pos)) && m.at(pos) != '=') pos++;
        skipSpaces();
        if (pos < m.end && m.at(pos) == '=' && !skipValue(pos + 1)) return false;
      }
    }
    return false;
  }

  /** From just after an attribute's '=', past its value; false when a quoted one is unterminated. */
  private boolean skipValue(int from) {
    pos = from;
    skipSpaces();
    if (pos >= m.end) return false;
    int quote = m.at(pos);
    if (quote == '"' || quote == '\'') {
      int close = m.indexOf((char) quote, pos + 1);
      pos = close + 1;
      return close >= 0;
    }
    while (pos < m.end && !Markup.isSpace(m.at(pos)) && m.at(pos) != '>') pos++;
    return true;
  }

  /** From the '!' of {@code <!}: past a comment, or past a bogus comment's '>'; false at the end. */
  private boolean skipDeclaration() {
    if (pos + 2 >= m.end || m.at(pos + 1) != '-' || m.at(pos + 2) != '-') return skipPast('>');
    int text = pos + 3;
    for (int gt = m.indexOf('>', text); gt >= 0; gt = m.indexOf('>', gt + 1)) {
      boolean ends = gt == text || gt == text + 1 && m.at(text) == '-'                  // <!--> and <!--->
          || gt >= text + 2 && m.at(gt - 1) == '-' && m.at(gt - 2) == '-'               // -->
          || gt >= text + 3 && m.at(gt - 1) == '!' && m.at(gt - 2) == '-' && m.at(gt - 3) == '-';  // --!>
      if (ends) {
        pos = gt + 1;
        return true;
      }
    }
    return false;
  }

  private boolean skipPast(char c) {
    int at = m.indexOf(c, pos);
    pos = at + 1;
    return at >= 0;
  }

  private void skipSpaces() {
    while (pos < m.end && Markup.isSpace(m.at(pos))) pos++;
  }
}
