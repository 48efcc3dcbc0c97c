package io.crawlpipe.parser;

/**
 * Finds where the text of a document's title lies, as a browser's tokenizer would read the
 * markup, without building a DOM: the first {@code <title>} start tag outside comments, bogus
 * comments ({@code <!DOCTYPE ...>}, {@code <?...>}), tags' quoted attribute values, the text of
 * the raw-text elements (script, style, textarea, xmp, iframe, noembed, noframes, and noscript, as
 * a browser with scripting on reads it; plaintext ends
 * the search), and SVG and MathML content (an SVG {@code <title>} is not the page's). The title's
 * text runs to the first {@code </title} followed by whitespace, '/' or '>', or to the end.
 *
 * <p>One pass, each code unit looked at a bounded number of times: an unterminated comment,
 * quoted value or script ends the search (as it ends the document for a browser), it is never
 * retried as text. A script's {@code <!--<script>} escapes are followed ({@link ScriptData}).
 * Simplified from the standard: inside SVG and MathML, CDATA sections are read as bogus comments
 * and HTML integration points ({@code foreignObject}, SVG {@code title} and {@code desc}, {@code
 * annotation-xml}, {@code mi}, …) are not recognised; {@code <font color>} does not end foreign
 * content. Which HTML elements are open is counted by name, not built as a tree: an end tag in
 * foreign content closes it when an HTML element of that name was opened and not yet closed by
 * name before, or is a tr or tbody a browser fills in around a table's cell (no tbody around a
 * thead's or tfoot's row, neither in a caption; other implied elements and implied ends, such as
 * a {@code <p>} closed by a {@code <div>}, are not followed). A {@code <title>} inside
 * {@code <template>} content (templates nest; a {@code </template>} with none open is ignored)
 * belongs to the template, not the document, and its text is skipped as a title's. One instance
 * scans once; not thread-safe.
 */
final class TitleFinder {
  private static final long THEAD = TagName.of("thead");
  private static final long TFOOT = TagName.of("tfoot");
  private static final long CAPTION = TagName.of("caption");
  private final Markup m;
  /** The HTML elements open (start tags counted, end tags uncounted), those that never end foreign content aside. */
  private final NameCounts html = new NameCounts();
  /** The elements open in the SVG or MathML content being skipped; empty outside it. */
  private final ForeignStack foreign = new ForeignStack();
  private int pos;
  private long name;
  private boolean endTag;
  private boolean selfClosing;

  /** A finder over {@code markup} from index {@code from}. */
  TitleFinder(Markup markup, int from) {
    this.m = markup;
    this.pos = from;
  }

  /** The index just after the title's start tag, or -1 when the document has no title. */
  int titleStart() {
    if (!mentionsTitle()) return -1; // one quick pass: most pages without a title are done here
    while (nextTag()) {
      if (endTag) {
        html.remove(name);
      } else if (name == TagName.TITLE && !html.contains(TagName.TEMPLATE)) {
        return pos;  // a title in a template's content is not the document's
      } else if (!skipElement()) {
        return -1;
      }
    }
    return -1;
  }

  /**
   * Handles the start tag just read: skips the content the search does not look in (a title's in
   * a template, raw text, SVG and MathML) and counts the HTML element left open; false when the
   * search ends there.
   */
  private boolean skipElement() {
    if (name == TagName.TITLE) return skipTitleText();
    if (name == TagName.PLAINTEXT) return false;
    if (TagName.isRawText(name)) return skipRawText(name);
    if (name == TagName.SVG || name == TagName.MATH) {
      if (selfClosing) return true;
      if (!skipForeign(name)) return false;
      if (endTag) {  // the root's end tag, or one that closed an HTML element around it too
        html.remove(name);
        return true;
      }
    }
    if (!TagName.neverEndsForeign(name)) html.add(name);  // the tag read last: an HTML start tag
    return true;
  }

  /** The extra slots its {@link NameCounts} looked at so far ({@link NameCounts#extraProbes}), for tests. */
  long extraProbes() {
    return html.extraProbes() + foreign.extraProbes();
  }

  /**
   * True when {@code <title} followed by whitespace, '/' or '>' appears anywhere from {@link #pos}:
   * without it there is no title, and the tokenizing scan (several times slower) is not needed.
   */
  private boolean mentionsTitle() {
    for (int lt = m.indexOf('<', pos); lt >= 0; lt = m.indexOf('<', lt + 1)) {
      if (m.afterTagName(lt + 1, TagName.TITLE) >= 0) return true;
    }
    return false;
  }

  /** The index of the end tag that ends a title whose text starts at {@code start}, or the end. */
  int titleEnd(int start) {
    for (int lt = m.indexOf('<', start); lt >= 0; lt = m.indexOf('<', lt + 1)) {
      if (m.afterEndTagName(lt, TagName.TITLE) >= 0) return lt;
    }
    return m.end;
  }

  /**
   * Advances past the next start or end tag, past the text, comments and bogus comments before
   * it, and sets {@link #name}, {@link #endTag} and {@link #selfClosing}; false at the end.
   */
  private boolean nextTag() {
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

  /** To the end tag of a title (in a template) whose start tag was just read; false when it has none. */
  private boolean skipTitleText() {
    pos = titleEnd(pos);
    return pos < m.end;
  }

  /** Past the end tag of the raw-text element {@code element}, whose start tag was just read. */
  private boolean skipRawText(long element) {
    int lt = element == TagName.SCRIPT ? ScriptData.endTag(m, pos) : m.indexOf('<', pos);
    for (; lt >= 0; lt = m.indexOf('<', lt + 1)) {
      int nameEnd = m.afterEndTagName(lt, element);
      if (nameEnd >= 0) {
        pos = nameEnd;
        return skipAttributes();
      }
    }
    return false;
  }

  /**
   * Past the end tag that closes the SVG or MathML element {@code root}, or to an HTML tag that
   * ends foreign content: a start tag such as {@code <p>}, {@code </p>} or {@code </br>}, or an end
   * tag of no element open inside it that names an HTML element open around it ({@code
   * <div><svg></div>} closes both). Another end tag that matches nothing open is ignored, as a
   * browser ignores it ({@code <svg></a>} stays open without an {@code <a>} around it). The
   * elements open inside are kept on a {@link ForeignStack}; false at the end.
   */
  private boolean skipForeign(long root) {
    foreign.push(root);
    boolean more;
    while ((more = nextTag()) && !endsForeign()) {
      if (!endTag) {
        if (!selfClosing) foreign.push(name);
      } else if (foreign.contains(name)) {
        foreign.popTo(name);
        if (foreign.isEmpty()) return true;  // the root's end tag
      }
    }
    foreign.clear();
    return more;
  }

  /**
   * True when the tag just read ends the foreign content without closing an element in it: an HTML
   * start tag that breaks out, {@code </p>}, {@code </br>}, or the end tag of an HTML element open
   * around it.
   */
  private boolean endsForeign() {
    if (!endTag) return TagName.breaksOutOfForeign(name);
    return name == TagName.P || name == TagName.BR || !foreign.contains(name) && htmlOpen(name);
  }

  /**
   * True when an HTML element named {@code name} is open: counted open, or a tr or tbody that a
   * browser fills in around a table's cell, which its markup need not have: in an open table, a tr
   * is open where a td or th is, and a tbody where a tr is ({@code <table><td>} opens both), unless
   * a thead or tfoot is open (its rows need no tbody), and neither while a caption is open (it is
   * in no row).
   */
  private boolean htmlOpen(long name) {
    if (html.contains(name)) return true;
    if (name != TagName.TR && name != TagName.TBODY || !html.contains(TagName.TABLE) || html.contains(CAPTION)) {
      return false;
    }
    boolean cell = html.contains(TagName.TD) || html.contains(TagName.TH);
    if (name == TagName.TR) return cell;
    return (cell || html.contains(TagName.TR)) && !html.contains(THEAD) && !html.contains(TFOOT);
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
