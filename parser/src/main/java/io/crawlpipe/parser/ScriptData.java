package io.crawlpipe.parser;

/**
 * Where a script element's text ends, as HTML's script data states find it: at the first {@code
 * </script} followed by whitespace, '/' or '>', except that after a {@code <!--} in the script a
 * {@code <script ...>} starts a nested ("double escaped") part, in which {@code </script>} does
 * not end the script, until a {@code -->} or that {@code </script>}. So {@code
 * <script><!--<script></script><title>x</title>--></script>} is all script. Scripts without
 * {@code <!--} are searched for their end tag only. Linear; stateless.
 */
final class ScriptData {
  private static final int DATA = 0;
  private static final int ESCAPED = 1;
  private static final int DOUBLE_ESCAPED = 2;

  private ScriptData() {}

  /** The index of the {@code '<'} of the end tag that ends a script whose text starts at {@code from}, or -1. */
  static int endTag(Markup m, int from) {
    for (int lt = m.indexOf('<', from); lt >= 0; lt = m.indexOf('<', lt + 1)) {
      if (m.afterEndTagName(lt, TagName.SCRIPT) >= 0) return lt;
      if (opensComment(m, lt)) return escapedEndTag(m, lt);
    }
    return -1;
  }

  /** {@link #endTag} from the {@code <!--} at {@code lt}, in the script data state. */
  private static int escapedEndTag(Markup m, int lt) {
    int state = DATA;
    int dashes = 0;
    for (int i = lt; i < m.end; i++) {
      int c = m.at(i);
      if (c == '-') {
        dashes++;
        continue;
      }
      boolean closesComment = c == '>' && dashes >= 2;
      dashes = 0;
      if (closesComment) {
        state = DATA;
      } else if (c == '<') {
        int after;
        if (state != DOUBLE_ESCAPED && m.afterEndTagName(i, TagName.SCRIPT) >= 0) return i;
        if (state == DOUBLE_ESCAPED && (after = m.afterEndTagName(i, TagName.SCRIPT)) >= 0) {
          state = ESCAPED;
          i = after;  // the delimiter is text
        } else if (state == ESCAPED && (after = m.afterTagName(i + 1, TagName.SCRIPT)) >= 0) {
          state = DOUBLE_ESCAPED;
          i = after;
        } else if (state == DATA && opensComment(m, i)) {
          state = ESCAPED;
          dashes = 2;  // "<!-->" closes at once
          i += 3;
        }
      }
    }
    return -1;
  }

  private static boolean opensComment(Markup m, int lt) {
    return lt + 3 < m.end && m.at(lt + 1) == '!' && m.at(lt + 2) == '-' && m.at(lt + 3) == '-';
  }
}
