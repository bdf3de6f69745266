package dev.obsidian.sim;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A small SVG chart with axes, ticks, bars and lines, written as text so the report needs no script or library. The
 * markup is XML-well-formed (the report is checked with an XML parser). Each bar carries its count in a
 * {@code data-count} attribute.
 */
final class SvgChart {
  static final int WIDTH = 760;
  static final int HEIGHT = 300;
  private static final int LEFT = 70;
  private static final int RIGHT = 20;
  private static final int TOP = 20;
  private static final int BOTTOM = 45;
  private static final int TICKS = 5;

  /** A bar over [x0, x1) of height y. */
  record Bar(double x0, double x1, double y) {}

  record Point(double x, double y) {}

  record Series(String name, String color, List<Point> points) {}

  private final String title;
  private final String xLabel;
  private final String yLabel;
  private final List<Bar> bars = new ArrayList<>();
  private String barColor = "#4c78a8";
  private String barName = "";
  private final List<Series> series = new ArrayList<>();

  SvgChart(String title, String xLabel, String yLabel) {
    this.title = title;
    this.xLabel = xLabel;
    this.yLabel = yLabel;
  }

  SvgChart bars(String name, String color, List<Bar> values) {
    barName = name;
    barColor = color;
    bars.addAll(values);
    return this;
  }

  SvgChart line(String name, String color, List<Point> points) {
    series.add(new Series(name, color, List.copyOf(points)));
    return this;
  }

  String render() {
    double xMax = niceCeiling(Math.max(xExtent(), 1e-9));
    double yMax = niceCeiling(Math.max(yExtent(), 1));
    StringBuilder svg = new StringBuilder();
    svg.append(fmt("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 %d %d\" width=\"%d\" height=\"%d\" role=\"img\">",
        WIDTH, HEIGHT, WIDTH, HEIGHT));
    svg.append("<title>").append(Html.escape(title)).append("</title>");
    axes(svg, xMax, yMax);
    for (Bar bar : bars) {
      double x0 = px(bar.x0(), xMax);
      double width = Math.max(0.5, px(bar.x1(), xMax) - x0 - 0.5);
      double y = py(bar.y(), yMax);
      svg.append(fmt("<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" fill=\"%s\" data-count=\"%d\"/>", x0, y,
          width, py(0, yMax) - y, barColor, Math.round(bar.y())));
    }
    for (Series s : series) {
      svg.append(fmt("<polyline fill=\"none\" stroke=\"%s\" stroke-width=\"1.5\" points=\"", s.color()));
      s.points().forEach(p -> svg.append(fmt("%.1f,%.1f ", px(p.x(), xMax), py(p.y(), yMax))));
      svg.append("\"/>");
    }
    legend(svg);
    return svg.append("</svg>").toString();
  }

  private void axes(StringBuilder svg, double xMax, double yMax) {
    int x0 = LEFT;
    int y0 = HEIGHT - BOTTOM;
    svg.append(fmt("<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#333\"/>", x0, y0, WIDTH - RIGHT, y0));
    svg.append(fmt("<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#333\"/>", x0, TOP, x0, y0));
    for (int i = 0; i <= TICKS; i++) {
      double xv = xMax * i / TICKS;
      double yv = yMax * i / TICKS;
      svg.append(fmt("<text x=\"%.1f\" y=\"%d\" font-size=\"11\" text-anchor=\"middle\">%s</text>", px(xv, xMax), y0 + 15,
          number(xv)));
      svg.append(fmt("<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" stroke=\"#ddd\"/>", x0, py(yv, yMax), WIDTH - RIGHT,
          py(yv, yMax)));
      svg.append(fmt("<text x=\"%d\" y=\"%.1f\" font-size=\"11\" text-anchor=\"end\">%s</text>", x0 - 6, py(yv, yMax) + 4,
          number(yv)));
    }
    svg.append(fmt("<text x=\"%d\" y=\"%d\" font-size=\"12\" text-anchor=\"middle\">%s</text>", (x0 + WIDTH - RIGHT) / 2,
        HEIGHT - 8, Html.escape(xLabel)));
    svg.append(fmt("<text x=\"14\" y=\"%d\" font-size=\"12\" text-anchor=\"middle\" transform=\"rotate(-90 14 %d)\">%s</text>",
        (TOP + y0) / 2, (TOP + y0) / 2, Html.escape(yLabel)));
  }

  private void legend(StringBuilder svg) {
    List<Series> entries = new ArrayList<>();
    if (!bars.isEmpty() && !barName.isEmpty()) {
      entries.add(new Series(barName, barColor, List.of()));
    }
    entries.addAll(series);
    int y = TOP + 4;
    for (Series entry : entries) {
      svg.append(fmt("<rect x=\"%d\" y=\"%d\" width=\"10\" height=\"10\" fill=\"%s\"/>", WIDTH - RIGHT - 170, y, entry.color()));
      svg.append(fmt("<text x=\"%d\" y=\"%d\" font-size=\"11\">%s</text>", WIDTH - RIGHT - 155, y + 9, Html.escape(entry.name())));
      y += 16;
    }
  }

  private double xExtent() {
    double max = bars.stream().mapToDouble(Bar::x1).max().orElse(0);
    for (Series s : series) {
      max = Math.max(max, s.points().stream().mapToDouble(Point::x).max().orElse(0));
    }
    return max;
  }

  private double yExtent() {
    double max = bars.stream().mapToDouble(Bar::y).max().orElse(0);
    for (Series s : series) {
      max = Math.max(max, s.points().stream().mapToDouble(Point::y).max().orElse(0));
    }
    return max;
  }

  private static double px(double x, double xMax) {
    return LEFT + (WIDTH - LEFT - RIGHT) * x / xMax;
  }

  private static double py(double y, double yMax) {
    return HEIGHT - BOTTOM - (HEIGHT - TOP - BOTTOM) * y / yMax;
  }

  /** The smallest 1, 2 or 5 times a power of ten at or above {@code value}, for round axis ends. */
  static double niceCeiling(double value) {
    double power = Math.pow(10, Math.floor(Math.log10(value)));
    for (double step : new double[] {1, 2, 5, 10}) {
      if (step * power >= value * (1 - 1e-12)) {
        return step * power;
      }
    }
    return 10 * power;
  }

  private static String number(double value) {
    return value == Math.rint(value) && Math.abs(value) < 1e15 ? Long.toString((long) value) : fmt("%.2f", value);
  }

  private static String fmt(String pattern, Object... args) {
    return String.format(Locale.ROOT, pattern, args);
  }
}
