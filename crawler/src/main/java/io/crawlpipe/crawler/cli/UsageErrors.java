package io.crawlpipe.crawler.cli;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.MissingParameterException;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.OverwrittenOptionException;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.TypeConversionException;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * Turns picocli's parse errors into the one line {@code crawl} prints after {@code crawl: }, in the
 * style of {@link OptionChecks} ({@code invalid option --timeout: ...}): an unknown option is named
 * first, with the nearest option picocli suggests, even when a value after it was taken as the
 * URL_FILE or a positional is missing too ({@code crawl extract --foo}); a long option typed with one dash ({@code -concurrency}) is named as such instead of
 * being reported as the short options it was split into; the word {@code extract} given after
 * the main command's options is said to belong first; an option given twice is named by all
 * its names (picocli named its longest, which may not be the one typed). Stateless.
 */
final class UsageErrors {
  private static final Pattern ONE_DASH_WORD = Pattern.compile("-([a-z][a-z-]+)(=.*)?");

  /** What follows a line about {@code extract} given after the main command's arguments. */
  static final String EXTRACT_FIRST = " ('extract' must be the first argument: see 'crawl extract --help')";

  private UsageErrors() {}

  /**
   * The line for {@code e}, raised while parsing {@code args}; never null. When the main command
   * took the word {@code extract} as its URL_FILE, the line says that it must come first instead of
   * pointing at the main command's help. A subcommand's line ends in how to crawl a list file of the
   * subcommand's name, when there is one in the working directory ({@link SubcommandNames#listHint}):
   * {@code crawl extract} with a list named {@code extract} misses its PAGE.
   */
  static String describe(ParameterException e, String[] args) {
    CommandSpec spec = e.getCommandLine().getCommandSpec();
    String line = line(e, spec, args);
    if (spec.parent() != null) return line + SubcommandNames.listHint(spec.name());
    if (!extractNotFirst(spec, parsedArgs(e, spec, args))) return line;
    return (line.endsWith(help(spec)) ? line.substring(0, line.length() - help(spec).length()) : line) + EXTRACT_FIRST;
  }

  /**
   * Whether {@code args}, the words the main command parsed ({@link #parsedArgs}, so also those of
   * an {@code @FILE}), have the word {@code extract} as a positional (not as an option's value): one
   * typed first is the subcommand, and never reaches the main command; one first in an {@code @FILE}
   * is not the subcommand, which is only ever typed.
   */
  private static boolean extractNotFirst(CommandSpec spec, List<String> args) {
    for (int i = 0; i < args.size(); i++) {
      String arg = args.get(i);
      if (arg.equals("extract")) return true;
      if (arg.equals("--")) return args.subList(i + 1, args.size()).contains("extract");
      OptionSpec option = arg.startsWith("-") && !arg.contains("=") ? spec.findOption(arg) : null;
      if (option != null && option.arity().max() > 0) i++; // its value
    }
    return false;
  }

  private static String line(ParameterException e, CommandSpec spec, String[] args) {
    String oneDash = oneDashLongOption(spec, parsedArgs(e, spec, args));
    if (oneDash != null) return "unknown option '" + oneDash + "'; did you mean -" + oneDash + "?" + help(spec);
    if (e instanceof UnmatchedArgumentException u) return unmatched(u, spec);
    String unknown = e instanceof MissingParameterException m && m.getMissing().stream()
        .allMatch(arg -> !arg.isOption()) ? unknownOption(spec, parsedArgs(e, spec, args)) : null;
    if (unknown != null) return unmatched(new UnmatchedArgumentException(e.getCommandLine(), List.of(unknown)), spec);
    if (e.getArgSpec() instanceof OptionSpec option && e.getCause() instanceof TypeConversionException t) {
      return "invalid option " + option.longestName() + ": " + t.getMessage();
    }
    if (e instanceof OverwrittenOptionException o && o.getOverwritten() instanceof OptionSpec option) {
      // picocli names the longest form, which the user may not have typed (-c twice: '--concurrency')
      return "invalid option " + String.join(", ", option.names()) + ": given more than once; give it once" + help(spec);
    }
    if (e instanceof MissingParameterException m && m.getMissing().size() == 1
        && m.getMissing().getFirst() instanceof OptionSpec option) {
      return "invalid option " + option.longestName() + ": needs a value (" + option.paramLabel() + ")" + help(spec);
    }
    return e.getMessage() + help(spec);
  }

  /** Where to read more: {@code (see 'crawl --help')}, or the subcommand's help. */
  private static String help(CommandSpec spec) {
    return " (see '" + spec.qualifiedName() + " --help')";
  }

  /**
   * The words {@code spec} parsed, as picocli has them for {@code e}: its {@code @FILE}s expanded
   * and, for a subcommand, those after its name. When picocli kept none, {@code args} after the
   * subcommand's name; or, when one of them names an {@code @FILE} (its words are not known here),
   * an empty list, in which the scans find nothing and picocli's own line stands. picocli keeps the
   * words from when it starts on a command's, so that is the case only when there were none. Never null.
   */
  private static List<String> parsedArgs(ParameterException e, CommandSpec spec, String[] args) {
    ParseResult parsed = e.getCommandLine().getParseResult();
    if (parsed != null && !parsed.expandedArgs().isEmpty()) return parsed.expandedArgs();
    if (Arrays.stream(args).anyMatch(arg -> arg.startsWith("@"))) return List.of();
    List<String> all = List.of(args);
    return spec.parent() != null ? all.subList(all.indexOf(spec.name()) + 1, all.size()) : all;
  }

  /**
   * The first word of {@code args}, the words {@code spec} parsed ({@link #parsedArgs}), before
   * {@code --}, that starts with {@code -} and is no option of {@code spec}, or null. picocli
   * reports a missing positional before such a word ({@code crawl extract --foo}), which the user
   * must fix first.
   */
  private static String unknownOption(CommandSpec spec, List<String> args) {
    for (int i = 0; i < args.size() && !args.get(i).equals("--"); i++) {
      String arg = args.get(i);
      if (arg.length() < 2 || !arg.startsWith("-")) continue; // a positional, or '-' for stdin
      OptionSpec option = spec.findOption(arg.split("=", 2)[0]);
      if (option == null) return arg;
      if (!arg.contains("=") && option.arity().max() > 0) i++; // its value
    }
    return null;
  }

  /**
   * A long option typed with one dash among {@code args}, the words {@code spec} parsed
   * ({@link #parsedArgs}), without its value, or null; picocli reads it as clustered short options.
   */
  private static String oneDashLongOption(CommandSpec spec, List<String> args) {
    for (String arg : args) {
      if (arg.equals("--")) return null;
      Matcher m = ONE_DASH_WORD.matcher(arg);
      if (m.matches() && spec.findOption("--" + m.group(1)) != null) return "-" + m.group(1);
    }
    return null;
  }

  private static String unmatched(UnmatchedArgumentException e, CommandSpec spec) {
    List<String> args = e.getUnmatched();
    for (String arg : args) {
      if (arg != null && arg.length() > 1 && arg.startsWith("-")) {
        String name = arg.split("=", 2)[0];
        List<String> nearest = nearest(name, arg.equals(args.getFirst()) ? e.getSuggestions() : List.of());
        String hint = nearest.isEmpty() ? "" : "; did you mean " + String.join(" or ", nearest) + "?";
        return "unknown option '" + name + "'" + hint + help(spec);
      }
    }
    String first = args.isEmpty() ? "?" : args.getFirst();
    return "unexpected argument '" + first + "'"
        + (spec.positionalParameters().size() == 1 ? ": one " + spec.positionalParameters().getFirst().paramLabel()
        + " at most" : "") + help(spec);
  }

  /** Of picocli's suggestions (options sharing the first two letters), the closest to {@code typed}. */
  static List<String> nearest(String typed, List<String> suggestions) {
    int best = Integer.MAX_VALUE;
    List<String> nearest = new ArrayList<>();
    for (String name : suggestions) {
      int d = distance(typed, name);
      if (d < best) nearest.clear();
      if (d <= best && nearest.size() < 2) nearest.add(name);
      best = Math.min(best, d);
    }
    return nearest;
  }

  /** The Levenshtein distance: single-character insertions, deletions and substitutions. */
  static int distance(String a, String b) {
    int[] previous = new int[b.length() + 1];
    int[] current = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) previous[j] = j;
    for (int i = 1; i <= a.length(); i++) {
      current[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int substitute = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
        current[j] = Math.min(substitute, Math.min(previous[j], current[j - 1]) + 1);
      }
      int[] swap = previous;
      previous = current;
      current = swap;
    }
    return previous[b.length()];
  }
}
