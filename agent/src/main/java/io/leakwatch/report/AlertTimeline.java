package io.leakwatch.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The alerts on one time axis, a row per site or pool, and the same alerts as a table. */
final class AlertTimeline {

    private static final int WIDTH = 760;
    private static final int LEFT = 16;
    private static final int RIGHT = 16;
    private static final int ROW = 22;

    private AlertTimeline() {
    }

    static void render(StringBuilder page, List<ReportAlert> alerts) {
        if (alerts.isEmpty()) {
            page.append("<p class=\"note\">The events file holds no alerts.</p>\n");
            return;
        }
        List<String> rows = new ArrayList<>();
        for (ReportAlert alert : alerts) {
            String row = alert.kind() + " " + alert.subject();
            if (!rows.contains(row)) {
                rows.add(row);
            }
        }
        long from = alerts.get(0).timeMillis();
        long to = Math.max(alerts.get(alerts.size() - 1).timeMillis(), from + 1000);
        int height = rows.size() * ROW * 2 + ROW;
        page.append(String.format(Locale.ROOT, "<svg class=\"timeline\" xmlns=\"http://www.w3.org/2000/svg\""
                + " width=\"%d\" height=\"%d\" viewBox=\"0 0 %d %d\">\n", WIDTH, height, WIDTH, height));
        for (int i = 0; i < rows.size(); i++) {
            page.append(String.format(Locale.ROOT, "<text class=\"tick\" x=\"%d\" y=\"%d\">%s</text>\n", LEFT,
                    i * 2 * ROW + ROW - 6, HtmlText.escape(rows.get(i))));
        }
        for (ReportAlert alert : alerts) {
            double x = LEFT + (double) (alert.timeMillis() - from) / (to - from) * (WIDTH - LEFT - RIGHT);
            int y = rows.indexOf(alert.kind() + " " + alert.subject()) * 2 * ROW + ROW + 8;
            page.append(String.format(Locale.ROOT, "<circle class=\"alert %s\" data-severity=\"%s\" data-t=\"%d\""
                    + " cx=\"%.1f\" cy=\"%d\" r=\"6\"><title>%s %s at %s UTC</title></circle>\n",
                    alert.severity().toLowerCase(Locale.ROOT), HtmlText.escape(alert.severity()), alert.timeMillis(),
                    x, y, HtmlText.escape(alert.severity()), HtmlText.escape(alert.subject()),
                    HtmlText.clock(alert.timeMillis())));
        }
        page.append(String.format(Locale.ROOT, "<text class=\"tick\" x=\"%d\" y=\"%d\">%s</text>"
                + "<text class=\"tick\" x=\"%d\" y=\"%d\" text-anchor=\"end\">%s</text>\n</svg>\n",
                LEFT, height - 4, HtmlText.clock(from), WIDTH - RIGHT, height - 4, HtmlText.clock(to)));
        page.append("<table class=\"alerts\">\n<tr><th>time (UTC)</th><th>severity</th><th>kind</th>"
                + "<th>site or pool</th></tr>\n");
        for (ReportAlert alert : alerts) {
            page.append("<tr data-severity=\"").append(HtmlText.escape(alert.severity())).append("\"><td>")
                    .append(HtmlText.instant(alert.timeMillis())).append("</td><td>")
                    .append(HtmlText.escape(alert.severity())).append("</td><td>").append(HtmlText.escape(alert.kind()))
                    .append("</td><td>").append(HtmlText.escape(alert.subject())).append("</td></tr>\n");
        }
        page.append("</table>\n");
    }
}
