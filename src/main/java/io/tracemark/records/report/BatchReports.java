package io.tracemark.records.report;

import io.tracemark.ledger.CodeLedger;
import io.tracemark.ledger.JobRecords;
import io.tracemark.ledger.Reconciliation;
import io.tracemark.records.audit.AuditEntries;
import io.tracemark.records.audit.AuditFilter;
import io.tracemark.records.report.ReportSection.Row;
import io.tracemark.store.AuditEntry;
import io.tracemark.store.AuditLog;
import io.tracemark.store.Database;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Gathers a batch report from the ledger and the audit trail. Master data comes from the caller (the
 * {@code master} package is not among those records may import): the producer's and the product's
 * blocks, built by the command that asks for the report.
 */
public final class BatchReports {

    /** Audit actions that tell the story of a batch on the line: start, stops, alarms, challenge, end. */
    private static final Set<String> LINE_ACTIONS = Set.of("line.start", "line.stop", "line.abort", "line.hold",
            "line.unhold", "line.clear", "line.restart", "line.complete", "line.challenge", "alarm.acknowledge",
            "job.create", "job.end", "job.suspend", "job.resume", "job.recover", "job.void-in-flight", "job.release",
            "unit.void", "codes.return");

    private final Database db;
    private final CodeLedger ledger;
    private final Clock clock;

    public BatchReports(Database db, CodeLedger ledger, Clock clock) {
        this.db = db;
        this.ledger = ledger;
        this.clock = clock;
    }

    /**
     * The report of {@code job} without a signature.
     *
     * @param master the producer's and product's blocks (may be empty when the job has no product)
     */
    public BatchReport collect(String job, List<ReportSection> master) {
        JobRecords records = new JobRecords(db);
        JobRecords.JobSettings s = records.settings(job);
        Reconciliation r = ledger.reconcile(job);
        List<ReportSection> sections = new ArrayList<>(master);
        sections.add(new ReportSection("job", "批次设置 Job settings", List.of(
                new Row("job", "作业 Job", job),
                new Row("batch", "批号 Batch", s.batch()),
                new Row("product", "产品 Product", s.productId()),
                new Row("productionDate", "生产日期 Production date", s.productionDate()),
                new Row("expiryDate", "有效期至 Expiry date", s.expiryDate()),
                new Row("traceLevel", "追溯层级 Trace level", s.traceLevel()),
                new Row("quantity", "计划数量 Planned quantity", Long.toString(s.quantity())),
                new Row("scheme", "编码方案 Code scheme", s.scheme()),
                new Row("template", "标签模板 Template", s.template()),
                new Row("printer", "打印机 Printer", s.printer()),
                new Row("scanner", "读码器 Scanner", s.scanner()),
                new Row("minimumGrade", "最低等级 Minimum grade", s.minimumGrade()),
                new Row("state", "状态 State", s.state()),
                new Row("createdAt", "创建时间 Created", s.createdAt().toString()),
                new Row("endedAt", "结束时间 Ended", s.endedAt() == null ? "" : s.endedAt().toString()))));
        JobRecords.CodeSpan codes = records.codes(job);
        List<JobRecords.ReturnedCode> returned = records.returned(job);
        sections.add(new ReportSection("codes", "码段 Code range", List.of(
                new Row("first", "首码 First code", codes.first()),
                new Row("last", "末码 Last code", codes.last()),
                new Row("count", "分配的码 Codes allocated", Long.toString(codes.count())),
                new Row("returned", "退回平台 Returned to the platform", Long.toString(returned.size())))));
        sections.add(new ReportSection("counts", "对账 Accounting", List.of(
                new Row("allocated", "分配 Allocated", Long.toString(r.allocated())),
                new Row("sent", "已发送 Sent", Long.toString(r.sent())),
                new Row("verified", "已校验 Verified", Long.toString(r.verified())),
                new Row("rejected", "已剔除 Rejected", Long.toString(r.rejected())),
                new Row("voided", "已作废 Voided", Long.toString(r.voided())),
                new Row("inFlight", "在途 In flight", Long.toString(r.inFlight())),
                new Row("released", "已释放 Released", Long.toString(r.released())),
                new Row("duplicates", "重复 Duplicates", Long.toString(r.duplicates())),
                new Row("balanced", "账目平衡 Balanced", r.balanced() ? "是 yes" : "否 NO"))));
        List<Row> reasons = new ArrayList<>();
        for (Map.Entry<String, Map<String, Long>> state : records.reasons(job).entrySet()) {
            state.getValue().forEach((reason, n) -> reasons.add(new Row(state.getKey() + "/" + reason,
                    state.getKey() + (reason.isEmpty() ? "" : " · " + reason), Long.toString(n))));
        }
        sections.add(new ReportSection("reasons", "状态与原因 Units by state and reason", reasons));
        List<Row> grades = new ArrayList<>();
        records.grades(job).forEach((g, n) -> grades.add(new Row(g.isEmpty() ? "none" : g, g.isEmpty() ? "-" : g,
                Long.toString(n))));
        sections.add(new ReportSection("grades", "等级分布 Grades of verified units", grades));
        sections.add(new ReportSection("events", "停机、报警、挑战与操作人 Stops, alarms, challenges, people",
                events(job, s.createdAt(), s.endedAt())));
        sections.add(new ReportSection("digest", "账本摘要 Ledger digest", List.of(
                new Row("ledgerSha256", "SHA-256（单元与状态转换行）of unit and transition rows", records.digest(job)))));
        return new BatchReport(job, clock.instant(), r.balanced(), sections);
    }

    /**
     * Signs the report: {@code userId}'s PIN must have been checked by the caller; the sign-off goes into
     * the keyed audit chain ({@code report.sign}) with the report's content digest.
     */
    public BatchReport sign(BatchReport report, String userId, String name, String role) {
        String digest = contentDigest(report);
        Instant at = clock.instant();
        long entry = db.inTransaction(conn -> new AuditLog(db, clock).record(conn, userId, "report.sign",
                "job " + report.job() + ", report content SHA-256 " + digest));
        ReportSignature sig = new ReportSignature(userId, name, role, at, entry, digest);
        List<ReportSection> sections = new ArrayList<>(report.sections());
        sections.add(new ReportSection("signature", "签核 Sign-off", List.of(
                new Row("signedBy", "签核人 Signed by", sig.userId() + " " + sig.name() + " (" + sig.role() + ")"),
                new Row("signedAt", "签核时间 Signed at", sig.at().toString()),
                new Row("auditEntry", "审计记录 Audit entry", Long.toString(sig.auditEntry())),
                new Row("contentSha256", "报告内容 SHA-256 Report content", sig.contentDigest()))));
        return new BatchReport(report.job(), report.generatedAt(), report.balanced(), sections);
    }

    /** SHA-256 over every block's key and rows (key, label, value), each field length-prefixed. */
    public static String contentDigest(BatchReport report) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            field(sha, report.job());
            for (ReportSection s : report.sections()) {
                field(sha, s.key());
                for (Row row : s.rows()) {
                    field(sha, row.key());
                    field(sha, row.label());
                    field(sha, row.value());
                }
            }
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    private static void field(MessageDigest sha, String value) {
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        sha.update(new byte[] {(byte) (bytes.length >>> 24), (byte) (bytes.length >>> 16), (byte) (bytes.length >>> 8),
            (byte) bytes.length});
        sha.update(bytes);
    }

    /**
     * The audit entries that tell the job's story, oldest first: from the last {@code line.start} before
     * the job was created, every line event (stops, alarms, challenges) until it ended, and every entry
     * that names the job (its end, returns, voids; also when written after it ended).
     */
    private List<Row> events(String job, Instant created, Instant ended) {
        AuditEntries entries = new AuditEntries(db);
        List<AuditEntry> start = entries.list(new AuditFilter(null, created.plusMillis(1), null, "line.start", null, 0, 1))
                .entries();
        Instant from = start.isEmpty() ? created : start.get(0).at();
        List<AuditEntry> found = new ArrayList<>();
        long before = 0;
        do {
            AuditEntries.Page page = entries.list(new AuditFilter(from, null, null, null, null, before, AuditFilter.MAX_LIMIT));
            for (AuditEntry e : page.entries()) {
                boolean names = e.detail().contains(job);
                boolean onLine = (ended == null || !e.at().isAfter(ended)) && !e.action().startsWith("job.");
                if (LINE_ACTIONS.contains(e.action()) && (names || onLine)) {
                    found.add(e);
                }
            }
            before = page.beforeId();
        } while (before > 0);
        List<Row> rows = new ArrayList<>();
        for (int i = found.size() - 1; i >= 0; i--) {
            AuditEntry e = found.get(i);
            rows.add(new Row(e.action(), e.at().toString(), e.actor() + "  " + e.action() + "  " + e.detail()));
        }
        return rows;
    }
}
