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
 * retried as text. Tags are read by a {@link TagReader}. A script's {@code <!--<script>} escapes
 * are followed ({@link ScriptData}).
 * Simplified from the standard: inside SVG and MathML, CDATA sections are read as bogus comments
 * and HTML integration points ({@code foreignObject}, SVG {@code title} and {@code desc}, {@code
 * annotation-xml}, {@code mi}, …) are not recognised; {@code <font color>} does not end foreign
 * content. Which HTML elements are open is counted by name, not built as a tree ({@link
 * OpenElements}): an end tag in foreign content closes it when an HTML element of that name was
 * opened and not yet closed by name before, or is a tr or tbody a browser fills in around a
 * table's cell (no tbody around a thead's or tfoot's row, neither in a caption; other implied
 * elements and implied ends, such as a {@code <p>} closed by a {@code <div>}, are not followed). A
 * {@code <title>} inside {@code <template>} content (templates nest; a {@code </template>} with
 * none open is ignored) belongs to the template, not the document, and its text is skipped as a
 * title's. One instance scans once; not thread-safe.
 */
final class TitleFinder {
  private final Markup m;
  private final TagReader tags;
  /** The HTML elements open (start tags counted, end tags uncounted), those that never end foreign content aside. */
  private final OpenElements html = new OpenElements();
  /** The elements open in the SVG or MathML content being skipped; empty outside it. */
  private final ForeignStack foreign = new ForeignStack();

  /** A finder over {@code markup} (not null) from index {@code from}. */
  TitleFinder(Markup markup, int from) {
    this.m = markup;
    this.tags = new TagReader(markup, from);
  }

  /** The index just after the title's start tag, or -1 when the document has no title. */
  int titleStart() {
    if (!mentionsTitle()) return -1; // one quick pass: most pages without a title are done here
    while (tags.next()) {
      long name = tags.name();
      if (tags.endTag()) {
        html.close(name);
      } else if (name == TagName.TITLE && !html.counted(TagName.TEMPLATE)) {
        return tags.pos();  // a title in a template's content is not the document's
      } else if (!skipElement(name)) {
        return -1;
      }
    }
    return -1;
  }

  /**
   * Handles the start tag of {@code name} just read: skips the content the search does not look in
   * (a title's in a template, raw text, SVG and MathML) and counts the HTML element left open; false
   * when the search ends there.
   */
  private boolean skipElement(long name) {
    if (name == TagName.TITLE) return skipTitleText();
    if (name == TagName.PLAINTEXT) return false;
    if (TagName.isRawText(name)) return skipRawText(name);
    if (name == TagName.SVG || name == TagName.MATH) {
      if (tags.selfClosing()) return true;
      if (!skipForeign(name)) return false;
      name = tags.name();
      if (tags.endTag()) {  // the root's end tag, or one that closed an HTML element around it too
        html.close(name);
        return true;
      }
    }
    if (!TagName.neverEndsForeign(name)) html.open(name);  // the tag read last: an HTML start tag
    return true;
  }

  /** The extra slots its {@link NameCounts} looked at so far ({@link NameCounts#extraProbes}), for tests. */
  long extraProbes() {
    return html.extraProbes() + foreign.extraProbes();
  }

  /**
   * True when {@code <title} followed by whitespace, '/' or '>' appears anywhere from where the
   * search starts: without it there is no title, and the tokenizing scan (several times slower) is
   * not needed.
   */
  private boolean mentionsTitle() {
    for (int lt = m.indexOf('<', tags.pos()); lt >= 0; lt = m.indexOf('<', lt + 1)) {
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

  /** To the end tag of a title (in a template) whose start tag was just read; false when it has none. */
  private boolean skipTitleText() {
    int end = titleEnd(tags.pos());
    tags.moveTo(end);
    return end < m.end;
  }

  /** Past the end tag of the raw-text element {@code element}, whose start tag was just read. */
  private boolean skipRawText(long element) {
    int from = tags.pos();
    int lt = element == TagName.SCRIPT ? ScriptData.endTag(m, from) : m.indexOf('<', from);
    for (; lt >= 0; lt = m.indexOf('<', lt + 1)) {
      int nameEnd = m.afterEndTagName(lt, element);
      if (nameEnd >= 0) return tags.finishTag(nameEnd);
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
    while ((more = tags.next()) && !endsForeign(tags.name())) {
      long name = tags.name();
      if (!tags.endTag()) {
        if (!tags.selfClosing()) foreign.push(name);
      } else if (foreign.contains(name)) {
        foreign.popTo(name);
        if (foreign.isEmpty()) return true;  // the root's end tag
      }
    }
    foreign.clear();
    return more;
  }

  /**
   * True when the tag {@code name} just read ends the foreign content without closing an element in
   * it: an HTML start tag that breaks out, {@code </p>}, {@code </br>}, or the end tag of an HTML
   * element open around it.
   */
  private boolean endsForeign(long name) {
    if (!tags.endTag()) return TagName.breaksOutOfForeign(name);
    return name == TagName.P || name == TagName.BR || !foreign.contains(name) && html.isOpen(name);
  }
}
