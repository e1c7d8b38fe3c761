package io.leakwatch.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.DoubleFunction;

/**
 * One line chart as inline SVG: series of points over time (each point a {@code circle} carrying its time and
 * value in {@code data-t} and {@code data-v}, so it can be found in the page), horizontal levels such as a
 * pool's maximum, a dashed projection, and alerts marked as vertical lines. The value axis starts at zero.
 */
final class SvgChart {

    private static final int WIDTH = 760;
    private static final int HEIGHT = 220;
    private static final int LEFT = 80;
    private static final int RIGHT = 16;
    private static final int TOP = 12;
    private static final int BOTTOM = 28;
    private static final int TICKS = 4;
    /** A projection is drawn at most this many times the sampled span past the last sample. */
    private static final double PROJECTION_SPAN_FACTOR = 1.0;
    private static final long MIN_SPAN_MILLIS = 60_000;

    private final String chartName;
    private final String subject;
    private final DoubleFunction<String> format;
    private final List<Series> series = new ArrayList<>();
    private final List<Level> levels = new ArrayList<>();
    private final List<ReportAlert> alerts = new ArrayList<>();
    private Point projectionFrom;
    private Point projectionTo;

    /**
     * @param chartName what is charted, as in {@code data-chart} ({@code size}, {@code estimatedBytes}, {@code used})
     * @param subject   the site or pool, as in {@code data-subject}
     * @param format    how values are labelled on the axis
     */
    SvgChart(String chartName, String subject, DoubleFunction<String> format) {
        this.chartName = chartName;
        this.subject = subject;
        this.format = format;
    }

    SvgChart series(String name, List<Point> points) {
        series.add(new Series(name, points));
        return this;
    }

    SvgChart level(String name, double value) {
        levels.add(new Level(name, value));
        return this;
    }

    /** A straight projection from the last sample to where the pool is full; clipped if that is far off. */
    SvgChart projection(Point from, Point to) {
        projectionFrom = from;
        projectionTo = to;
        return this;
    }

    SvgChart alerts(List<ReportAlert> marked) {
        alerts.addAll(marked);
        return this;
    }

    String render() {
        Domain domain = domain();
        StringBuilder svg = new StringBuilder();
        svg.append(String.format(Locale.ROOT, "<svg class=\"chart\" xmlns=\"http://www.w3.org/2000/svg\""
                + " width=\"%d\" height=\"%d\" viewBox=\"0 0 %d %d\" data-chart=\"%s\" data-subject=\"%s\">\n",
                WIDTH, HEIGHT, WIDTH, HEIGHT, chartName, HtmlText.escape(subject)));
        axes(svg, domain);
        for (Level level : levels) {
            double y = domain.y(level.value);
            svg.append(String.format(Locale.ROOT, "<line class=\"level\" data-level=\"%s\" data-v=\"%s\""
                    + " x1=\"%d\" x2=\"%d\" y1=\"%.1f\" y2=\"%.1f\"><title>%s %s</title></line>\n", level.name,
                    HtmlText.number(level.value), LEFT, WIDTH - RIGHT, y, y, level.name, format.apply(level.value)));
        }
        if (projectionFrom != null) {
            Point end = domain.clip(projectionFrom, projectionTo);
            svg.append(String.format(Locale.ROOT, "<line class=\"projection\" data-t=\"%d\" data-v=\"%s\""
                    + " x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\"><title>projected full at %s UTC</title></line>\n",
                    projectionTo.timeMillis(), HtmlText.number(projectionTo.value()),
                    domain.x(projectionFrom.timeMillis()), domain.y(projectionFrom.value()),
                    domain.x(end.timeMillis()), domain.y(end.value()), HtmlText.clock(projectionTo.timeMillis())));
        }
        for (ReportAlert alert : alerts) {
            double x = domain.x(alert.timeMillis());
            svg.append(String.format(Locale.ROOT, "<line class=\"alert-marker %s\" data-severity=\"%s\" data-t=\"%d\""
                    + " x1=\"%.1f\" x2=\"%.1f\" y1=\"%d\" y2=\"%d\"><title>%s at %s UTC</title></line>\n",
                    alert.severity().toLowerCase(Locale.ROOT), HtmlText.escape(alert.severity()), alert.timeMillis(),
                    x, x, TOP, HEIGHT - BOTTOM, HtmlText.escape(alert.severity()), HtmlText.clock(alert.timeMillis())));
        }
        for (Series line : series) {
            plot(svg, domain, line);
        }
        return svg.append("</svg>\n").toString();
    }

    private void plot(StringBuilder svg, Domain domain, Series line) {
        svg.append("<g class=\"series\" data-series=\"").append(line.name).append("\">\n<polyline points=\"");
        for (Point point : line.points) {
            svg.append(String.format(Locale.ROOT, "%.1f,%.1f ", domain.x(point.timeMillis()), domain.y(point.value())));
        }
        svg.append("\"/>\n");
        for (Point point : line.points) {
            svg.append(String.format(Locale.ROOT, "<circle class=\"point\" data-series=\"%s\" data-t=\"%d\""
                    + " data-v=\"%s\" cx=\"%.1f\" cy=\"%.1f\" r=\"2.5\"><title>%s UTC: %s</title></circle>\n",
                    line.name, point.timeMillis(), HtmlText.number(point.value()), domain.x(point.timeMillis()),
                    domain.y(point.value()), HtmlText.clock(point.timeMillis()), format.apply(point.value())));
        }
        svg.append("</g>\n");
    }

    private void axes(StringBuilder svg, Domain domain) {
        svg.append(String.format(Locale.ROOT, "<g class=\"axes\"><line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\"/>"
                + "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\"/>\n", LEFT, TOP, LEFT, HEIGHT - BOTTOM,
                LEFT, HEIGHT - BOTTOM, WIDTH - RIGHT, HEIGHT - BOTTOM));
        for (int i = 0; i <= TICKS; i++) {
            double value = domain.maxValue * i / TICKS;
            long time = domain.from + (domain.to - domain.from) * i / TICKS;
            // The last time label ends at the right edge rather than running past it.
            svg.append(String.format(Locale.ROOT, "<text class=\"tick\" x=\"%d\" y=\"%.1f\" text-anchor=\"end\">%s</text>"
                    + "<text class=\"tick\" x=\"%.1f\" y=\"%d\" text-anchor=\"%s\">%s</text>\n",
                    LEFT - 6, domain.y(value) + 4, format.apply(value),
                    domain.x(time), HEIGHT - 8, i == TICKS ? "end" : "middle", HtmlText.clock(time)));
        }
        svg.append("</g>\n");
    }

    private Domain domain() {
        long from = Long.MAX_VALUE;
        long to = Long.MIN_VALUE;
        double maxValue = 0;
        for (Series line : series) {
            for (Point point : line.points) {
                from = Math.min(from, point.timeMillis());
                to = Math.max(to, point.timeMillis());
                maxValue = Math.max(maxValue, point.value());
            }
        }
        for (ReportAlert alert : alerts) {
            from = Math.min(from, alert.timeMillis());
            to = Math.max(to, alert.timeMillis());
        }
        if (from == Long.MAX_VALUE) {
            from = 0;
            to = MIN_SPAN_MILLIS;
        }
        if (projectionFrom != null) {
            long furthest = to + (long) (Math.max(to - from, MIN_SPAN_MILLIS) * PROJECTION_SPAN_FACTOR);
            to = Math.max(to, Math.min(projectionTo.timeMillis(), furthest));
        }
        for (Level level : levels) {
            maxValue = Math.max(maxValue, level.value);
        }
        return new Domain(from, Math.max(to, from + 1000), maxValue > 0 ? maxValue * 1.05 : 1);
    }

    /** Maps times and values to the drawing area. */
    private static final class Domain {
        final long from;
        final long to;
        final double maxValue;

        Domain(long from, long to, double maxValue) {
            this.from = from;
            this.to = to;
            this.maxValue = maxValue;
        }

        double x(long timeMillis) {
            return LEFT + (double) (timeMillis - from) / (to - from) * (WIDTH - LEFT - RIGHT);
        }

        double y(double value) {
            return HEIGHT - BOTTOM - value / maxValue * (HEIGHT - BOTTOM - TOP);
        }

        /** The end of the line from {@code start} to {@code end}, cut at the domain's right edge. */
        Point clip(Point start, Point end) {
            if (end.timeMillis() <= to) {
                return end;
            }
            double share = (double) (to - start.timeMillis()) / (end.timeMillis() - start.timeMillis());
            return new Point(to, start.value() + share * (end.value() - start.value()));
        }
    }

    private static final class Series {
        final String name;
        final List<Point> points;

        Series(String name, List<Point> points) {
            this.name = name;
            this.points = points;
        }
    }

    private static final class Level {
        final String name;
        final double value;

        Level(String name, double value) {
            this.name = name;
            this.value = value;
        }
    }
}
