package io.crawlpipe.crawler.cli;

import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Help;
import picocli.CommandLine.Help.Ansi.Text;
import picocli.CommandLine.Help.TextTable;
import picocli.CommandLine.IHelpFactory;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/**
 * {@code crawl --help} as picocli lays it out, except that lines break only at spaces. Picocli
 * breaks where the JDK's line {@link java.text.BreakIterator} allows, which includes inside names:
 * {@code urls.} / {@code txt.}, {@code crawlpipe/0.1.0} / {@code -SNAPSHOT}. Option descriptions are
 * therefore wrapped here, at spaces, before picocli sees them, each piece short enough that picocli
 * never breaks it again; footer lines are wrapped the same way, their continuations indented under
 * the text after the line's key ({@code "  2    usage ..."}). A word longer than a line stays whole
 * on a line of its own (picocli then cuts it, as before). Footer lines are not format strings.
 * Used for one help message, by one thread.
 */
final class HelpLayout extends Help {
  /** Makes a {@code HelpLayout} for each help message; give it to {@code CommandLine.setHelpFactory}. */
  static final IHelpFactory FACTORY = HelpLayout::new;

  private HelpLayout(CommandSpec spec, ColorScheme scheme) {
    super(spec, scheme);
  }

  @Override
  public Layout createDefaultLayout(List<OptionSpec> options, List<PositionalParamSpec> positionals, ColorScheme scheme) {
    TextTable table = TextTable.forDefaultColumns(scheme, calcLongOptionColumnWidth(options, positionals, scheme), width());
    return new SpaceBreakingLayout(scheme, table, createDefaultOptionRenderer(), createDefaultParameterRenderer());
  }

  @Override
  public String footer(Object... ignored) {
    StringBuilder out = new StringBuilder();
    for (String line : commandSpec().usageMessage().footer()) {
      int hanging = hangingIndent(line);
      List<int[]> pieces = breakAtSpaces(line, width(), width() - hanging);
      for (int i = 0; i < pieces.size(); i++) {
        if (i > 0) out.append(" ".repeat(hanging));
        out.append(line, pieces.get(i)[0], pieces.get(i)[1]).append(System.lineSeparator());
      }
    }
    return out.toString();
  }

  private int width() {
    return commandSpec().usageMessage().width();
  }

  /** Where the text after a line's key starts ({@code "  2    usage"}: 7), else its indent + 2. */
  static int hangingIndent(String line) {
    int key = 0;
    while (key < line.length() && line.charAt(key) == ' ') key++;
    int gap = line.indexOf("  ", key);
    if (gap < 0) return key + 2;
    int text = gap;
    while (text < line.length() && line.charAt(text) == ' ') text++;
    return text < line.length() ? text : key + 2;
  }

  /**
   * The pieces of {@code s} ({@code [start, end)} pairs) when broken at spaces only: the first at
   * most {@code first} characters long, the others at most {@code rest}. The spaces at a break are
   * dropped. A word longer than its line is a piece of its own.
   */
  static List<int[]> breakAtSpaces(String s, int first, int rest) {
    List<int[]> pieces = new ArrayList<>();
    int start = 0;
    int limit = Math.max(1, first);
    while (s.length() - start > limit) {
      int cut = s.lastIndexOf(' ', start + limit);
      if (cut <= start) cut = s.indexOf(' ', start + limit);
      if (cut < 0) break;
      pieces.add(new int[] {start, cut});
      start = cut;
      while (start < s.length() && s.charAt(start) == ' ') start++;
      limit = Math.max(1, rest);
    }
    if (start < s.length() || pieces.isEmpty()) pieces.add(new int[] {start, s.length()});
    return pieces;
  }

  /** Puts each description into the table as lines picocli need not break: one row per piece. */
  private static final class SpaceBreakingLayout extends Layout {
    SpaceBreakingLayout(ColorScheme scheme, TextTable table, IOptionRenderer options, IParameterRenderer parameters) {
      super(scheme, table, options, parameters);
    }

    @Override
    public void layout(ArgSpec arg, Text[][] rows) {
      Column[] columns = table.columns();
      for (Text[] row : rows) {
        int last = row.length - 1;
        Column column = columns[last];
        String plain = row[last].plainString();
        List<int[]> pieces = breakAtSpaces(plain, column.width - column.indent,
            column.width - column.indent - table.indentWrappedLines);
        Text[] values = row.clone();
        values[last] = row[last].substring(pieces.getFirst()[0], pieces.getFirst()[1]);
        table.addRowValues(values);
        for (int[] piece : pieces.subList(1, pieces.size())) {
          Text[] more = new Text[row.length];
          for (int col = 0; col < last; col++) more[col] = colorScheme.text("");
          more[last] = colorScheme.text(" ".repeat(table.indentWrappedLines)).concat(row[last].substring(piece[0], piece[1]));
          table.addRowValues(more);
        }
      }
    }
  }
}
