package dev.obsidian.node.cli.crypto;

import dev.obsidian.crypto.curve.GrumpkinPoint;
import dev.obsidian.crypto.field.Fq;
import dev.obsidian.crypto.field.Fr;
import java.util.ArrayList;
import java.util.List;

/**
 * What a crypto command prints: named values in order. Text form is one field element per line (a point as
 * "x y"); JSON form is one object keyed by the names; batch form is the text lines joined by spaces.
 */
final class CommandOutput {

  private record Entry(String name, Object value) {}

  private final List<Entry> entries = new ArrayList<>();

  static CommandOutput of(String name, Fr value) {
    return new CommandOutput().add(name, value);
  }

  CommandOutput add(String name, Fr value) {
    entries.add(new Entry(name, value));
    return this;
  }

  CommandOutput add(String name, Fq value) {
    entries.add(new Entry(name, value));
    return this;
  }

  CommandOutput add(String name, GrumpkinPoint value) {
    entries.add(new Entry(name, value));
    return this;
  }

  CommandOutput add(String name, Fr[] values) {
    entries.add(new Entry(name, List.of(values)));
    return this;
  }

  List<String> textLines() {
    List<String> lines = new ArrayList<>();
    for (Entry entry : entries) {
      if (entry.value instanceof List<?> list) {
        list.forEach(item -> lines.add(text(item)));
      } else {
        lines.add(text(entry.value));
      }
    }
    return lines;
  }

  String json() {
    StringBuilder out = new StringBuilder("{");
    for (int i = 0; i < entries.size(); i++) {
      Entry entry = entries.get(i);
      out.append(i == 0 ? "" : ",").append('"').append(entry.name).append("\":").append(json(entry.value));
    }
    return out.append('}').toString();
  }

  private static String text(Object value) {
    if (value instanceof GrumpkinPoint point) {
      return point.x().toHex() + " " + point.y().toHex();
    }
    return hex(value);
  }

  private static String json(Object value) {
    if (value instanceof GrumpkinPoint point) {
      return "{\"x\":\"" + point.x().toHex() + "\",\"y\":\"" + point.y().toHex()
          + "\",\"isInfinite\":" + point.isInfinity() + "}";
    }
    if (value instanceof List<?> list) {
      return "[" + String.join(",", list.stream().map(item -> '"' + hex(item) + '"').toList()) + "]";
    }
    return '"' + hex(value) + '"';
  }

  private static String hex(Object value) {
    if (value instanceof Fr fr) {
      return fr.toHex();
    }
    if (value instanceof Fq fq) {
      return fq.toHex();
    }
    throw new IllegalStateException("no hex form for " + value.getClass().getSimpleName());
  }
}
