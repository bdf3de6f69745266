package dev.obsidian.sim;

/** Escaping for text and attribute values in the report (XML-safe: no named entities beyond the five of XML). */
final class Html {
  private Html() {}

  static String escape(String text) {
    StringBuilder out = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '&' -> out.append("&amp;");
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&#39;");
        default -> out.append(c < 0x20 && c != '\n' && c != '\t' ? ' ' : c);
      }
    }
    return out.toString();
  }
}
