package io.tracemark.site;

/**
 * The site page: every line's state, rate, yield, code buffer, last good backup (age), and the site's pool and
 * outbox lag; a line's id links to its touch panel when site.yaml names it (drill-down).
 */
final class SitePage {

    private SitePage() {
    }

    static String render(SiteStatus.Site site) {
        StringBuilder html = new StringBuilder("<!doctype html><html lang=\"zh\"><head><meta charset=\"utf-8\">"
                + "<meta http-equiv=\"refresh\" content=\"5\"><title>tracemark site</title></head><body>"
                + "<h1>产线 Lines</h1><table id=\"lines\"><tr><th>station</th><th>name</th><th>state</th><th>alarms</th><th>rate /min</th><th>yield</th>"
                + "<th>verified</th><th>rejected</th><th>voided</th><th>codes held</th><th>last seen</th><th>last backup</th></tr>");
        for (SiteStatus.Line l : site.lines()) {
            html.append("<tr data-station=\"").append(esc(l.stationId())).append("\"><td>")
                    .append(l.panelUrl() == null ? esc(l.stationId()) : "<a href=\"" + esc(l.panelUrl()) + "\">"
                            + esc(l.stationId()) + "</a>")
                    .append("</td><td>").append(esc(l.name())).append("</td><td class=\"state\">")
                    .append(l.state() != null ? esc(l.state()) : l.panelError() != null ? "? " + esc(l.panelError()) : "–")
                    .append("</td><td class=\"alarms\">");
            l.alarms().forEach(a -> html.append(esc(a.severity())).append(": ").append(esc(a.cause())).append("<br>"));
            html.append("</td><td>").append(Math.round(l.unitsPerMinute()))
                    .append("</td><td>").append(l.yieldPercent() == null ? "–" : String.format(java.util.Locale.ROOT, "%.1f %%",
                            l.yieldPercent())).append("</td><td>").append(l.verified()).append("</td><td>").append(l.rejected())
                    .append("</td><td>").append(l.voided()).append("</td><td>").append(l.codesHeld()).append("</td><td>")
                    .append(l.lastSeenAt() == null ? "never" : esc(l.lastSeenAt().toString()))
                    .append("</td><td class=\"backup\">").append(backup(l)).append("</td></tr>");
        }
        html.append("</table><h2>码池 Code pool</h2><table id=\"pool\"><tr><th>product</th><th>codes available</th></tr>");
        site.poolAvailable().forEach((product, n) -> html.append("<tr><td>").append(esc(product)).append("</td><td>")
                .append(n).append("</td></tr>"));
        EventForwarder.Lag lag = site.outbox();
        html.append("</table><h2>上报 Outbox to the platform</h2><p id=\"outbox\">").append(lag.events())
                .append(" events waiting, oldest ").append(Math.round(lag.oldestSeconds())).append(" s; ").append(lag.forwarded())
                .append(" forwarded, ").append(lag.refused()).append(" refused by the platform")
                .append(lag.lastError() == null ? "" : "; last error: " + esc(lag.lastError())).append("</p></body></html>");
        return html.toString();
    }

    /** The age of the line's last good backup (from its panel), its failure, or a dash when unknown. */
    static String backup(SiteStatus.Line l) {
        if (l.lastBackupAt() == null) {
            return l.panelUrl() == null ? "–" : l.backupError() != null ? "! " + esc(l.backupError()) : "none";
        }
        long s = Math.max(0, java.time.Duration.between(l.lastBackupAt(), java.time.Instant.now()).toSeconds());
        String age = s < 120 ? s + " s" : s < 7200 ? s / 60 + " min" : s < 172_800 ? s / 3600 + " h" : s / 86_400 + " d";
        return "<span title=\"" + esc(l.lastBackupAt().toString()) + "\">" + age + " ago</span>"
                + (l.backupError() == null ? "" : " ! " + esc(l.backupError()));
    }

    private static String esc(String s) {
        return s == null ? "" : s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
