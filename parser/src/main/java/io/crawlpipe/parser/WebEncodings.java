package io.crawlpipe.parser;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The WHATWG Encoding Standard's labels (its {@code encodings.json}: 228 labels of 40 encodings)
 * and the decoder each encoding gets. Every {@link Charset} returned is named as the standard
 * names the encoding ({@code GBK}, {@code Shift_JIS}, {@code ISO-8859-8-I}, {@code macintosh}), so
 * that the recorded charset is what a browser's {@code document.characterSet} says; it decodes
 * with the closest JDK charset ({@link WebCharset}), or with a table of its own where the JDK has
 * none or a different one ({@link TableCharset}: ISO-8859-10, ISO-8859-14, x-mac-cyrillic,
 * x-user-defined), UTF-16BE and UTF-16LE decode with the standard's UTF-16 decoder ({@link
 * Utf16Charset}), ISO-2022-JP with the standard's ISO-2022-JP decoder ({@link
 * Iso2022JpCharset}), and {@code replacement} decodes any input to one U+FFFD ({@link
 * ReplacementCharset}). UTF-8, windows-1252 and the other charsets the JDK names as WHATWG does
 * are the JDK's own objects, so their decoding keeps the JDK's fast paths. Stateless;
 * the table is built once and never changed.
 */
final class WebEncodings {
  /** Each row: the encoding's name, then its labels, space-separated. */
  private static final String[] ROWS = {
      "UTF-8 unicode-1-1-utf-8 unicode11utf8 unicode20utf8 utf-8 utf8 x-unicode20utf8",
      "IBM866 866 cp866 csibm866 ibm866",
      "ISO-8859-2 csisolatin2 iso-8859-2 iso-ir-101 iso8859-2 iso88592 iso_8859-2 iso_8859-2:1987 l2 latin2",
      "ISO-8859-3 csisolatin3 iso-8859-3 iso-ir-109 iso8859-3 iso88593 iso_8859-3 iso_8859-3:1988 l3 latin3",
      "ISO-8859-4 csisolatin4 iso-8859-4 iso-ir-110 iso8859-4 iso88594 iso_8859-4 iso_8859-4:1988 l4 latin4",
      "ISO-8859-5 csisolatincyrillic cyrillic iso-8859-5 iso-ir-144 iso8859-5 iso88595 iso_8859-5"
          + " iso_8859-5:1988",
      "ISO-8859-6 arabic asmo-708 csiso88596e csiso88596i csisolatinarabic ecma-114 iso-8859-6 iso-8859-6-e"
          + " iso-8859-6-i iso-ir-127 iso8859-6 iso88596 iso_8859-6 iso_8859-6:1987",
      "ISO-8859-7 csisolatingreek ecma-118 elot_928 greek greek8 iso-8859-7 iso-ir-126 iso8859-7 iso88597"
          + " iso_8859-7 iso_8859-7:1987 sun_eu_greek",
      "ISO-8859-8 csiso88598e csisolatinhebrew hebrew iso-8859-8 iso-8859-8-e iso-ir-138 iso8859-8 iso88598"
          + " iso_8859-8 iso_8859-8:1988 visual",
      "ISO-8859-8-I csiso88598i iso-8859-8-i logical",
      "ISO-8859-10 csisolatin6 iso-8859-10 iso-ir-157 iso8859-10 iso885910 l6 latin6",
      "ISO-8859-13 iso-8859-13 iso8859-13 iso885913",
      "ISO-8859-14 iso-8859-14 iso8859-14 iso885914",
      "ISO-8859-15 csisolatin9 iso-8859-15 iso8859-15 iso885915 iso_8859-15 l9",
      "ISO-8859-16 iso-8859-16",
      "KOI8-R cskoi8r koi koi8 koi8-r koi8_r",
      "KOI8-U koi8-ru koi8-u",
      "macintosh csmacintosh mac macintosh x-mac-roman",
      "windows-874 dos-874 iso-8859-11 iso8859-11 iso885911 tis-620 windows-874",
      "windows-1250 cp1250 windows-1250 x-cp1250",
      "windows-1251 cp1251 windows-1251 x-cp1251",
      "windows-1252 ansi_x3.4-1968 ascii cp1252 cp819 csisolatin1 ibm819 iso-8859-1 iso-ir-100 iso8859-1"
          + " iso88591 iso_8859-1 iso_8859-1:1987 l1 latin1 us-ascii windows-1252 x-cp1252",
      "windows-1253 cp1253 windows-1253 x-cp1253",
      "windows-1254 cp1254 csisolatin5 iso-8859-9 iso-ir-148 iso8859-9 iso88599 iso_8859-9 iso_8859-9:1989"
          + " l5 latin5 windows-1254 x-cp1254",
      "windows-1255 cp1255 windows-1255 x-cp1255",
      "windows-1256 cp1256 windows-1256 x-cp1256",
      "windows-1257 cp1257 windows-1257 x-cp1257",
      "windows-1258 cp1258 windows-1258 x-cp1258",
      "x-mac-cyrillic x-mac-cyrillic x-mac-ukrainian",
      "GBK chinese csgb2312 csiso58gb231280 gb2312 gb_2312 gb_2312-80 gbk iso-ir-58 x-gbk",
      "gb18030 gb18030",
      "Big5 big5 big5-hkscs cn-big5 csbig5 x-x-big5",
      "EUC-JP cseucpkdfmtjapanese euc-jp x-euc-jp",
      "ISO-2022-JP csiso2022jp iso-2022-jp",
      "Shift_JIS csshiftjis ms932 ms_kanji shift-jis shift_jis sjis windows-31j x-sjis",
      "EUC-KR cseuckr csksc56011987 euc-kr iso-ir-149 korean ks_c_5601-1987 ks_c_5601-1989 ksc5601 ksc_5601"
          + " windows-949",
      "replacement csiso2022kr hz-gb-2312 iso-2022-cn iso-2022-cn-ext iso-2022-kr replacement",
      "UTF-16BE unicodefffe utf-16be",
      "UTF-16LE csunicode iso-10646-ucs-2 ucs-2 unicode unicodefeff utf-16 utf-16le",
      "x-user-defined x-user-defined",
  };
  private static final Map<String, Charset> BY_NAME = byName();
  private static final Map<String, Charset> BY_LABEL = byLabel();

  private WebEncodings() {}

  /**
   * The encoding of a label as the standard's "get an encoding" finds it (ASCII whitespace
   * trimmed, ASCII case ignored), or null for null and unknown labels.
   */
  static Charset forLabel(String label) {
    if (label == null) return null;
    return BY_LABEL.get(label.strip().toLowerCase(Locale.ROOT));
  }

  /** The encoding with this WHATWG name (as {@link Charset#name()} gives it), or null. */
  static Charset forName(String name) {
    return BY_NAME.get(name);
  }

  /**
   * The text of {@code b[off..off+len)}, the whole input, in {@code charset}: a {@link WholeInputCharset}
   * ({@link WebCharset}, {@link Utf16Charset}) decodes as its class says, UTF-8 as {@link #decodeUtf8} does, any other
   * charset as {@code new String} does.
   */
  static String decode(byte[] b, int off, int len, Charset charset) {
    if (charset instanceof WholeInputCharset whole) return whole.decode(b, off, len);
    return charset == StandardCharsets.UTF_8 ? decodeUtf8(b, off, len) : new String(b, off, len, charset);
  }

  /**
   * UTF-8 as the standard decodes it: as {@code new String} does, except for an encoded surrogate
   * (ED followed by A0–BF), which the JDK takes as one malformed sequence of up to three bytes and
   * the standard as a U+FFFD for the ED and one for each continuation byte after it. The text is
   * decoded again only when it holds a U+FFFD and the bytes such a pair.
   */
  static String decodeUtf8(byte[] b, int off, int len) {
    String text = new String(b, off, len, StandardCharsets.UTF_8);
    if (text.indexOf('\uFFFD') < 0) return text;
    StringBuilder out = null;
    int start = off;
    int end = off + len;
    for (int i = off; i + 1 < end; i++) {
      int next = b[i + 1] & 0xff;
      if ((b[i] & 0xff) != 0xED || next < 0xA0 || next > 0xBF) continue;
      if (out == null) out = new StringBuilder(len);
      out.append(new String(b, start, i - start, StandardCharsets.UTF_8)).append('\uFFFD');
      start = i + 1;  // ED is a lead byte: no sequence spans it, so the parts decode as the whole does
    }
    return out == null ? text : out.append(new String(b, start, end - start, StandardCharsets.UTF_8)).toString();
  }

  /** The standard's names of all its encodings. */
  static Iterable<String> names() {
    return BY_NAME.keySet();
  }

  /** True when bytes 0x00–0x7F decode to ASCII by themselves: every encoding but UTF-16, ISO-2022-JP, replacement. */
  static boolean isAsciiCompatible(Charset charset) {
    String name = charset.name();
    return !name.startsWith("UTF-16") && !name.equals("ISO-2022-JP") && !name.equals("replacement");
  }

  private static Map<String, Charset> byName() {
    Map<String, Charset> map = new HashMap<>();
    for (String row : ROWS) {
      String name = row.substring(0, row.indexOf(' '));
      map.put(name, decoderFor(name));
    }
    return Map.copyOf(map);
  }

  private static Map<String, Charset> byLabel() {
    Map<String, Charset> map = new HashMap<>();
    for (String row : ROWS) {
      String[] words = row.split(" ");
      for (int i = 1; i < words.length; i++) map.put(words[i], BY_NAME.get(words[0]));
    }
    return Map.copyOf(map);
  }

  private static Charset decoderFor(String name) {
    return switch (name) {
      case "UTF-8" -> StandardCharsets.UTF_8;
      case "UTF-16BE" -> Utf16Charset.bigEndian();
      case "UTF-16LE" -> Utf16Charset.littleEndian();
      case "ISO-8859-8-I" -> WebCharset.renaming(name, "ISO-8859-8");
      case "macintosh" -> WebCharset.renaming(name, "x-MacRoman");
      case "windows-874" -> WebCharset.renaming(name, "x-windows-874");
      case "GBK", "gb18030" -> WebCharset.multiByte(name, "GB18030");
      case "Big5" -> WebCharset.multiByte(name, "Big5-HKSCS");
      case "EUC-JP" -> WebCharset.multiByte(name, "EUC-JP");
      case "Shift_JIS" -> WebCharset.multiByte(name, "windows-31j");
      case "EUC-KR" -> WebCharset.multiByte(name, "x-windows-949");
      case "ISO-8859-10", "ISO-8859-14", "x-mac-cyrillic", "x-user-defined" -> TableCharset.named(name);
      case "ISO-2022-JP" -> new Iso2022JpCharset();
      case "replacement" -> new ReplacementCharset();
      default -> Charset.forName(name);  // the JDK names these as the standard does
    };
  }
}
