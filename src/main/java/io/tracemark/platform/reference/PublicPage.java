package io.tracemark.platform.reference;

import io.tracemark.platform.wire.CodeStatus;
import io.tracemark.platform.wire.Component;
import io.tracemark.platform.wire.Producer;
import io.tracemark.platform.wire.Product;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;

/**
 * The page a consumer sees when scanning a code (the GS1 Digital Link resolver's answer): Chinese,
 * only the fields marked public, producer and supplier names masked, and the unit's status.
 */
final class PublicPage {

    /** Public field names and their labels, in the order shown (guideline 5.3.3). */
    static final Map<String, String> LABELS = new java.util.LinkedHashMap<>();

    static {
        LABELS.put("name", "产品名称");
        LABELS.put("type", "产品类型");
        LABELS.put("specification", "规格型号");
        LABELS.put("mandatoryStandard", "执行标准");
        LABELS.put("inspectionReport", "检验报告");
        LABELS.put("licenceNumber", "生产许可证号/CCC证书编号");
        LABELS.put("warrantyPeriod", "质保期限");
        LABELS.put("instructions", "使用说明/警示说明");
    }

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd").withZone(ZoneId.of("Asia/Shanghai"));

    private PublicPage() {
    }

    /**
     * The page of an issued code scanned {@code scans} times (this one included); from
     * {@link ScanCounter#UNUSUAL_SCANS} on it warns that the code may have been copied.
     */
    static String render(String code, Product product, Producer producer, CodeStatus status, long scans) {
        StringBuilder html = new StringBuilder(2048);
        html.append("<!DOCTYPE html><html lang=\"zh-CN\"><head><meta charset=\"utf-8\">")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
                .append("<title>产品追溯信息</title></head><body><h1>产品追溯信息</h1>");
        html.append("<p>追溯码：<code>").append(esc(code)).append("</code></p>");
        html.append("<p id=\"status\">状态：").append(esc(statusText(status))).append("</p>");
        html.append("<p id=\"scans\">本码第 ").append(scans).append(" 次被查询</p>");
        if (scans >= ScanCounter.UNUSUAL_SCANS) {
            html.append("<p id=\"scan-alert\"><strong>注意：该追溯码已被查询 ").append(scans)
                    .append(" 次，远多于正常购买查询，可能被复制。请核对产品来源，谨防假冒。</strong></p>");
        }
        html.append("<table>");
        for (Map.Entry<String, String> e : LABELS.entrySet()) {
            if (product.isPublic(e.getKey())) {
                row(html, e.getValue(), field(product, e.getKey()));
            }
        }
        if (product.isPublic("producer") && producer != null) {
            row(html, "生产企业", NameMask.mask(producer.name()));
        }
        html.append("</table>");
        List<Component> shown = product.components().stream().filter(Component::visible).toList();
        if (!shown.isEmpty()) {
            html.append("<h2>主要原材料/零部件</h2><table>");
            for (Component c : shown) {
                row(html, c.name(), NameMask.mask(c.supplierName()));
            }
            html.append("</table>");
        }
        return html.append("</body></html>").toString();
    }

    static String statusText(CodeStatus status) {
        if (status.returned()) {
            return "已退回（未使用）";
        }
        if (status.lastEvent() == null) {
            return "已激活，尚未生产";
        }
        String day = DAY.format(status.lastEventAt());
        return switch (status.lastEvent()) {
            case VERIFIED -> "已生产（出厂检验合格） " + day;
            case REJECTED -> "已剔除 " + day;
            case VOIDED -> "已作废 " + day;
            case AGGREGATED -> "已装箱 " + day;
            case SHIPPED -> "已出厂 " + day;
        };
    }

    private static String field(Product p, String name) {
        return switch (name) {
            case "name" -> p.name();
            case "type" -> p.type();
            case "specification" -> p.specification();
            case "mandatoryStandard" -> p.mandatoryStandard();
            case "inspectionReport" -> p.inspectionReport();
            case "licenceNumber" -> p.licenceNumber();
            case "warrantyPeriod" -> p.warrantyPeriod();
            case "instructions" -> p.instructions();
            default -> "";
        };
    }

    private static void row(StringBuilder html, String label, String value) {
        html.append("<tr><th>").append(esc(label)).append("</th><td>").append(esc(value)).append("</td></tr>");
    }

    static String esc(String s) {
        if (s == null) {
            return "";
        }
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
