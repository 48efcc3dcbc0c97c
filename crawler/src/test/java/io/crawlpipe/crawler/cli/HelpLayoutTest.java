package io.crawlpipe.crawler.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.crawlpipe.crawler.Version;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code crawl --help} breaks lines at spaces only, within the width, continuations indented. */
class HelpLayoutTest {
  private static CommandSpec spec;

  private static String help(int width) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    PrintStream stream = new PrintStream(out, true, StandardCharsets.UTF_8);
    CommandLine cli = Main.commandLine(new String[] {"--help"}, new ByteArrayInputStream(new byte[0]), stream, stream,
        RunEnvironment.embedded());
    spec = cli.getCommandSpec();
    spec.usageMessage().autoWidth(false).width(width);
    assertThat(cli.execute("--help")).isZero();
    return out.toString(StandardCharsets.UTF_8);
  }

  private static String collapsed(String text) {
    return text.strip().replaceAll("\\s+", " ");
  }

  @Test
  void noNameOrDefaultIsBrokenAcrossLinesAndNoLineIsTooLong() {
    for (int width : new int[] {80, 100, 132}) {
      String help = help(width);
      assertThat(help.lines()).as("width %d", width).allMatch(l -> l.length() <= width);
      String flat = collapsed(help);
      assertThat(flat).as("width %d", width).contains("Default: urls.txt.", "Default: results.jsonl.",
          "Default: crawlpipe/" + Version.get() + ".");
      List<ArgSpec> args = new ArrayList<>(spec.options());
      args.addAll(spec.positionalParameters());
      for (ArgSpec arg : args) {
        assertThat(flat).as("width %d", width).contains(collapsed(String.join(" ", arg.description())));
      }
      for (String line : spec.usageMessage().footer()) {
        assertThat(flat).as("width %d", width).contains(collapsed(line));
      }
    }
  }

  @Test
  void aWrappedFooterLineIsIndentedUnderItsText() {
    String help = help(80);
    List<String> footer = Arrays.asList(spec.usageMessage().footer());
    List<String> lines = help.lines().toList();
    int start = lines.indexOf("Exit codes:");
    assertThat(start).isPositive();
    for (String line : lines.subList(start + 1, lines.size())) {
      boolean entry = footer.stream().anyMatch(f -> !f.isEmpty() && f.startsWith(line.length() > 12 ? line.substring(0, 12) : line));
      assertThat(line.isEmpty() || line.startsWith("       ") || entry || line.endsWith(":")).as(line).isTrue();
    }
    assertThat(help).contains("  2    usage or input error");
  }

  @Test
  void piecesBreakAtSpacesWithinTheirLimitsAndALongWordStaysWhole() {
    List<int[]> pieces = HelpLayout.breakAtSpaces("Default: results.jsonl. More words", 22, 10);
    assertThat(pieces.stream().map(p -> "Default: results.jsonl. More words".substring(p[0], p[1])))
        .containsExactly("Default:", "results.jsonl.", "More words");
    assertThat(HelpLayout.hangingIndent("  2    usage or input error")).isEqualTo(7);
    assertThat(HelpLayout.hangingIndent("Documentation: README.md")).isEqualTo(2);
  }

  @Test
  void helpHasNoColoursOnADumbTerminalAndExtractsFollowsTheTerminalsWidthAsCrawlsDoes() {
    assertThat(commandLine("extract", "dumb").getColorScheme().ansi()).isEqualTo(CommandLine.Help.Ansi.OFF);
    assertThat(commandLine("extract", "dumb").getSubcommands().get("extract").getColorScheme().ansi())
        .isEqualTo(CommandLine.Help.Ansi.OFF);
    assertThat(commandLine("--help", "xterm-256color").getColorScheme().ansi()).as("picocli decides: NO_COLOR, a tty")
        .isEqualTo(CommandLine.Help.Ansi.AUTO);
    CommandLine extract = commandLine("extract", "xterm-256color").getSubcommands().get("extract");
    assertThat(extract.getCommandSpec().usageMessage().autoWidth()).isTrue();
  }

  private static CommandLine commandLine(String first, String term) {
    PrintStream stream = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
    RunEnvironment env = new RunEnvironment(Clock.systemUTC(), () -> true, new ManualSignals(), code -> { },
        name -> name.equals("TERM") ? term : null);
    return Main.commandLine(new String[] {first}, new ByteArrayInputStream(new byte[0]), stream, stream, env);
  }
}
