package io.crawlpipe.parser.rules;

/** RFC 3492 Punycode encoding of a host label, without the {@code xn--} prefix. Stateless and thread-safe. */
final class Punycode {
  private Punycode() {}

  /** {@code label}'s code points in Punycode: its ASCII ones, a {@code -} when there are any, then the deltas. */
  static String encode(String label) {
    int[] points = label.codePoints().toArray();
    StringBuilder out = new StringBuilder();
    for (int c : points) if (c < 0x80) out.append((char) c);
    int basic = out.length();
    if (basic > 0) out.append('-');
    int n = 0x80;
    int bias = 72;
    long delta = 0;
    for (int handled = basic; handled < points.length; n++) {
      int next = Integer.MAX_VALUE;
      for (int c : points) if (c >= n && c < next) next = c;
      delta += (long) (next - n) * (handled + 1);
      n = next;
      for (int c : points) {
        if (c < n) delta++;
        if (c != n) continue;
        appendNumber(delta, bias, out);
        bias = adapt(delta, handled + 1, handled == basic);
        delta = 0;
        handled++;
      }
      delta++;
    }
    return out.toString();
  }

  /** Appends {@code q} as a generalised variable-length integer for {@code bias}. */
  private static void appendNumber(long q, int bias, StringBuilder out) {
    for (int k = 36; ; k += 36) {
      int t = k <= bias ? 1 : Math.min(k - bias, 26);
      if (q < t) break;
      out.append(digit((int) (t + (q - t) % (36 - t))));
      q = (q - t) / (36 - t);
    }
    out.append(digit((int) q));
  }

  private static int adapt(long delta, int points, boolean first) {
    delta = first ? delta / 700 : delta / 2;
    delta += delta / points;
    int k = 0;
    for (; delta > 455; k += 36) delta /= 35;
    return (int) (k + 36 * delta / (delta + 38));
  }

  private static char digit(int d) {
    return (char) (d < 26 ? 'a' + d : '0' + d - 26);
  }
}
