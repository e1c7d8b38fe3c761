package io.leakwatch.report;

import java.util.List;
import java.util.Locale;

/**
 * The {@code report} page: one self-contained HTML file (inline CSS and SVG, no script, nothing fetched) with a
 * chart per suspect site (size, and estimated bytes when sampled, alerts marked), a chart per pool (live bytes
 * after GC or bytes used, the maximum, the projected exhaustion), and the alerts on a timeline and in a table.
 */
public final class HtmlReport {

    private static final String STYLE = String.join("\n",
            "body{font:14px/1.4 system-ui,sans-serif;margin:24px;color:#222;max-width:1000px}",
            "h1{font-size:22px}h2{font-size:18px;margin-top:32px}h3{font-size:15px;margin:20px 0 4px;word-break:break-all}",
            ".meta{color:#666}.note{color:#666;font-style:italic}",
            "svg.chart{display:block;background:#fafafa;border:1px solid #ddd;margin:4px 0}",
            ".axes line{stroke:#999}.tick{font-size:10px;fill:#666}",
            "polyline{fill:none;stroke:#1f6feb;stroke-width:1.5}circle.point{fill:#1f6feb}",
            "g[data-series=estimatedBytes] polyline{stroke:#8250df}g[data-series=estimatedBytes] circle{fill:#8250df}",
            "line.level{stroke:#444;stroke-dasharray:2 3}line.projection{stroke:#d1242f;stroke-dasharray:6 4;stroke-width:1.5}",
            "line.alert-marker{stroke-width:2}.warning{stroke:#bf8700;fill:#bf8700}.critical{stroke:#d1242f;fill:#d1242f}",
            ".resolved{stroke:#1a7f37;fill:#1a7f37}",
            "table{border-collapse:collapse}td,th{border:1px solid #ddd;padding:2px 8px;text-align:left;font-size:13px}");

    private HtmlReport() {
    }

    /** @param sources how the input files are named on the page */
    public static String render(ReportData data, String sources) {
        List<SiteSamples> suspects = data.suspects();
        List<ReportAlert> alerts = data.alerts();
        StringBuilder page = new StringBuilder();
        page.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<title>leakwatch report</title>\n<style>\n").append(STYLE).append("\n</style>\n</head>\n<body>\n")
                .append("<h1>leakwatch report</h1>\n<p class=\"meta\">").append(HtmlText.escape(sources))
                .append("<br>").append(data.sampleCount()).append(" samples, ").append(alerts.size())
                .append(" alerts, ").append(suspects.size()).append(" suspect sites. Times are UTC.</p>\n");

        page.append("<h2>Suspects</h2>\n");
        if (suspects.isEmpty()) {
            page.append("<p class=\"note\">No site had an alert or grew.</p>\n");
        }
        for (SiteSamples site : suspects) {
            suspect(page, site, data.alertsAbout("container", site.site()));
        }

        page.append("<h2>Pools</h2>\n");
        if (data.pools().isEmpty()) {
            page.append("<p class=\"note\">No pool was sampled.</p>\n");
        }
        for (PoolSamples pool : data.pools()) {
            pool(page, pool, data.alertsAbout(pool.kind(), pool.pool()));
        }

        page.append("<h2>Alerts</h2>\n");
        AlertTimeline.render(page, alerts);
        return page.append("</body>\n</html>\n").toString();
    }

    private static void suspect(StringBuilder page, SiteSamples site, List<ReportAlert> alerts) {
        page.append("<section class=\"suspect\" data-site=\"").append(HtmlText.escape(site.site())).append("\">\n<h3>")
                .append(HtmlText.escape(site.site())).append("</h3>\n<p class=\"meta\">")
                .append(site.type() == null ? "type not sampled" : HtmlText.escape(site.type())).append(", ")
                .append(site.sizes().size()).append(" samples, ").append(alerts.size()).append(" alerts</p>\n");
        if (site.sizes().isEmpty()) {
            page.append("<p class=\"note\">No samples of this site were kept (it was not among the sites sampled"
                    + " per pass, or samples.file was not set then).</p>\n");
        } else {
            page.append("<div class=\"label\">size (elements)</div>\n").append(new SvgChart("size", site.site(),
                    HtmlText::count).series("size", site.sizes()).alerts(alerts).render());
        }
        if (!site.estimatedBytes().isEmpty()) {
            page.append("<div class=\"label\">estimated bytes retained</div>\n").append(new SvgChart("estimatedBytes",
                    site.site(), HtmlText::bytes).series("estimatedBytes", site.estimatedBytes()).alerts(alerts)
                    .render());
        }
        page.append("</section>\n");
    }

    private static void pool(StringBuilder page, PoolSamples pool, List<ReportAlert> alerts) {
        String what = pool.kind().equals("heap") ? "live bytes after GC" : "bytes used";
        page.append("<section class=\"pool\" data-kind=\"").append(HtmlText.escape(pool.kind()))
                .append("\" data-pool=\"").append(HtmlText.escape(pool.pool())).append("\">\n<h3>")
                .append(HtmlText.escape(pool.kind() + ": " + pool.pool())).append("</h3>\n<p class=\"meta\">")
                .append(what).append(", ").append(pool.max() == null ? "no maximum"
                        : "maximum " + HtmlText.bytes(pool.max()));
        SvgChart chart = new SvgChart("used", pool.pool(), HtmlText::bytes).series("used", pool.used()).alerts(alerts);
        if (pool.max() != null) {
            chart.level("max", pool.max());
        }
        Point last = pool.used().get(pool.used().size() - 1);
        if (pool.latestSecondsToExhaustion() != null && pool.max() != null) {
            double seconds = pool.latestSecondsToExhaustion();
            long full = last.timeMillis() + (long) (seconds * 1000);
            chart.projection(last, new Point(full, pool.max()));
            page.append(String.format(Locale.ROOT, "; projected full in %s, at %s", HtmlText.duration(seconds),
                    HtmlText.instant(full)));
        }
        page.append("</p>\n").append(chart.render()).append("</section>\n");
    }
}
