package io.tracemark.platform.reference;

import io.tracemark.platform.wire.CodeStatus;
import io.tracemark.platform.wire.Component;
import io.tracemark.platform.wire.Producer;
import io.tracemark.platform.wire.Product;
import io.tracemark.platform.wire.UnitEvent;
import io.tracemark.platform.wire.UnitEventType;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;

/**
 * The page a consumer sees when scanning a code (the GS1 Digital Link resolver's answer): Chinese,
 * phone first, one self-contained HTML document (its style inline, no script, nothing fetched from
 * elsewhere). On top, what the scan means: a green mark for a unit that passed the factory check, a
 * red warning for a code that was rejected, voided, returned unused, recalled (by the platform's
 * announcement, or by a station's RECALLED event: 「已召回」), copied or never issued. Below, the
 * producer's basic information (guideline 5.3.3.1, public), the product's fields
 * marked public (5.3.3.2, 5.3.3.3: the inspection report only when the producer chose so), the
 * production date and batch when the station reported them, and the main parts with their
 * suppliers masked (5.3.4.3, 5.3.4.4).
 */
final class PublicPage {

    /** Public product field names and their labels, in the order shown (guideline 5.3.3.2, 5.3.3.3). */
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

    /** What one scan shows: the code and what the platform knows of it. */
    record View(String code, Product product, Producer producer, CodeStatus status, long scans,
                UnitEvent production, Recalls.Recall recall) {
    }

    /** What a scan means for the consumer, most serious first. */
    enum Verdict {
        RECALLED("该产品已被召回", "请立即停止使用，联系生产企业办理退换或维修。"),
        REJECTED("该产品未通过出厂检验", "这个追溯码所在的产品在生产线上被剔除，不应在市场上销售。请勿购买或使用，并向销售者或市场监管部门（12315）反映。"),
        VOIDED("该追溯码已作废", "这个追溯码已作废，不应出现在合格产品上。请勿购买或使用，并向销售者或市场监管部门（12315）反映。"),
        RETURNED("该追溯码未被使用", "这个追溯码未用于任何产品，已退回平台，不应出现在产品上。请勿购买或使用，并向市场监管部门（12315）反映。"),
        NEVER_ISSUED("未查到该追溯码", "该码不是本平台发放的追溯码，产品可能是假冒的，请谨防假冒：请勿购买或使用，并向市场监管部门（12315）举报。"),
        NOT_PRODUCED("暂无生产记录", "该追溯码已由平台发放，但生产企业尚未上报生产记录。如产品刚出厂，请稍后再查；否则请谨慎购买。"),
        PASSED("已通过出厂检验", "该产品的追溯信息已在平台登记，以下为生产企业公开的信息。");

        final String title;
        final String advice;

        Verdict(String title, String advice) {
            this.title = title;
            this.advice = advice;
        }

        /** Red warnings: the consumer should not buy or use the product. */
        boolean danger() {
            return this != PASSED && this != NOT_PRODUCED;
        }

        static Verdict of(CodeStatus status, Recalls.Recall recall) {
            if (status == null) {
                return NEVER_ISSUED;
            }
            if (recall != null) {
                return RECALLED;
            }
            if (status.returned()) {
                return RETURNED;
            }
            if (status.lastEvent() == null) {
                return NOT_PRODUCED;
            }
            return status.lastEvent() == UnitEventType.REJECTED ? REJECTED
                    : status.lastEvent() == UnitEventType.VOIDED ? VOIDED : PASSED;
        }
    }

    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd").withZone(CHINA);

    /** The style of every public page; inline, so the page needs nothing else. */
    private static final String STYLE = """
            *{box-sizing:border-box}
            body{margin:0;background:#f2f4f7;color:#1d2330;font:16px/1.55 -apple-system,"PingFang SC",\
            "Microsoft YaHei","Noto Sans CJK SC","WenQuanYi Micro Hei",sans-serif}
            main{max-width:520px;margin:0 auto;padding:12px}
            header{padding:8px 4px 12px}
            header h1{margin:0;font-size:20px}
            header p{margin:2px 0 0;color:#5b6475;font-size:13px}
            .verdict{border-radius:14px;padding:16px 16px 14px;margin-bottom:12px;color:#fff}
            .verdict h2{margin:0 0 6px;font-size:24px;line-height:1.25}
            .verdict p{margin:0;font-size:16px}
            .verdict.passed{background:#1f8a4c}
            .verdict .recalled{display:inline-block;margin:4px 0 8px;padding:2px 12px;border-radius:8px;background:#fff;\
            color:#c62828;font-size:20px;font-weight:700}
            .verdict.notice{background:#b26a00}
            .verdict.danger{background:#c62828;border:3px solid #8e0000}
            .verdict.danger h2::before{content:"\\26A0\\FE0E  "}
            .verdict.passed h2::before{content:"\\2714\\FE0E  "}
            .card{background:#fff;border-radius:14px;padding:6px 16px;margin-bottom:12px;box-shadow:0 1px 2px rgba(0,0,0,.08)}
            .card h3{margin:10px 0 4px;font-size:15px;color:#5b6475;font-weight:600}
            dl{margin:0}
            .row{display:flex;gap:12px;padding:9px 0;border-top:1px solid #eceef2}
            .card h3+dl .row:first-child{border-top:0}
            dt{flex:0 0 7.5em;color:#5b6475}
            dd{margin:0;flex:1;word-break:break-all}
            code{font:15px/1.4 ui-monospace,Menlo,Consolas,monospace;word-break:break-all}
            .alert{border-radius:14px;padding:14px 16px;margin-bottom:12px;background:#fdecea;color:#8e0000;\
            border:2px solid #c62828;font-weight:600}
            footer{color:#8a93a3;font-size:12px;text-align:center;padding:8px 0 20px}
            """;

    private PublicPage() {
    }

    /**
     * The page of a scan; from {@link ScanCounter#UNUSUAL_SCANS} scans of an issued code on it also
     * warns that the code may have been copied.
     */
    static String render(View v) {
        Verdict verdict = Verdict.of(v.status(), v.recall());
        StringBuilder html = new StringBuilder(4096);
        html.append("<!DOCTYPE html><html lang=\"zh-CN\"><head><meta charset=\"utf-8\">")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
                .append("<title>").append(esc(verdict.danger() ? "警告：" + verdict.title : "产品追溯信息"))
                .append("</title><style>").append(STYLE).append("</style></head><body><main>")
                .append("<header><h1>产品追溯信息</h1><p>扫码查验 · 重点工业产品质量安全追溯</p></header>");
        String css = verdict.danger() ? "danger" : verdict == Verdict.PASSED ? "passed" : "notice";
        html.append("<section id=\"verdict\" class=\"verdict ").append(css).append("\" data-verdict=\"")
                .append(verdict.name().toLowerCase(java.util.Locale.ROOT)).append("\"")
                .append(verdict.danger() ? " role=\"alert\"" : "").append("><h2>").append(esc(verdict.title))
                .append("</h2><p>").append(esc(verdict.advice)).append("</p>");
        if (v.recall() != null) {
            html.append("<p id=\"recalled\" class=\"recalled\">已召回</p>");
            html.append("<p id=\"recall-reason\">召回原因：").append(esc(v.recall().reason())).append("</p>");
        }
        html.append("</section>");
        if (v.status() != null && v.scans() >= ScanCounter.UNUSUAL_SCANS) {
            html.append("<p id=\"scan-alert\" class=\"alert\">注意：该追溯码已被查询 ").append(v.scans())
                    .append(" 次，远多于正常购买查询，可能被复制。请核对产品来源，谨防假冒。</p>");
        }
        codeCard(html, v);
        if (v.product() != null) {
            productCard(html, v);
            producerCard(html, v.product(), v.producer());
            componentsCard(html, v.product());
        }
        return html.append("<footer>信息由生产企业填报，经追溯平台公开</footer></main></body></html>").toString();
    }

    private static void codeCard(StringBuilder html, View v) {
        html.append("<section class=\"card\"><h3>本次查询</h3><dl>");
        rowHtml(html, "追溯码", "<code>" + esc(v.code()) + "</code>");
        if (v.status() != null) {
            html.append("<div class=\"row\" id=\"status\"><dt>状态</dt><dd>").append(esc(statusText(v.status())))
                    .append("</dd></div>");
        }
        html.append("<div class=\"row\" id=\"scans\"><dt>查询次数</dt><dd>本码第 ").append(v.scans())
                .append(" 次被查询</dd></div></dl></section>");
    }

    private static void productCard(StringBuilder html, View v) {
        Product product = v.product();
        html.append("<section class=\"card\" id=\"product\"><h3>产品信息</h3><dl>");
        for (Map.Entry<String, String> e : LABELS.entrySet()) {
            if (product.isPublic(e.getKey())) {
                row(html, e.getValue(), field(product, e.getKey()));
            }
            if (e.getKey().equals("specification") && v.production() != null) {
                row(html, "生产日期", DAY.format(v.production().occurredAt()));
                String batch = v.production().details().get("batch");
                if (batch != null && !batch.isBlank()) {
                    row(html, "批次号", batch);
                }
            }
        }
        html.append("</dl></section>");
    }

    private static void producerCard(StringBuilder html, Product product, Producer producer) {
        if (!product.isPublic("producer") || producer == null) {
            return;
        }
        html.append("<section class=\"card\" id=\"producer\"><h3>生产企业</h3><dl>");
        row(html, "生产单位名称", producer.name());
        row(html, "统一社会信用代码", producer.uscc());
        row(html, "生产/注册地址", producer.address());
        row(html, "联系方式", producer.contact());
        row(html, "营业执照", producer.businessLicence());
        html.append("</dl></section>");
    }

    private static void componentsCard(StringBuilder html, Product product) {
        List<Component> shown = product.components().stream().filter(Component::visible).toList();
        if (shown.isEmpty()) {
            return;
        }
        html.append("<section class=\"card\" id=\"components\"><h3>主要原材料/零部件</h3><dl>");
        for (Component c : shown) {
            row(html, c.name(), NameMask.mask(c.supplierName()));
        }
        html.append("</dl></section>");
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
            case RECALLED -> "已召回 " + day;
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
        rowHtml(html, label, esc(value));
    }

    private static void rowHtml(StringBuilder html, String label, String valueHtml) {
        html.append("<div class=\"row\"><dt>").append(esc(label)).append("</dt><dd>").append(valueHtml)
                .append("</dd></div>");
    }

    static String esc(String s) {
        if (s == null) {
            return "";
        }
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
