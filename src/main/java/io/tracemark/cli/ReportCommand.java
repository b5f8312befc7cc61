package io.tracemark.cli;

import io.tracemark.app.StationPanel;
import io.tracemark.ledger.CodeLedger;
import io.tracemark.ledger.JobRecords;
import io.tracemark.master.MasterDataStore;
import io.tracemark.master.Producer;
import io.tracemark.master.Product;
import io.tracemark.records.report.BatchReport;
import io.tracemark.records.report.BatchReports;
import io.tracemark.records.report.ReportCsv;
import io.tracemark.records.report.ReportPdf;
import io.tracemark.records.report.ReportSection;
import io.tracemark.records.report.ReportSection.Row;
import io.tracemark.records.archive.Archives;
import io.tracemark.store.Database;
import io.tracemark.web.Role;
import io.tracemark.web.UserAccount;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code report --job ID --pdf FILE [--csv FILE] [--signer ID (--pin-file F | TRACEMARK_SIGNER_PIN)] --data DIR [--json]}:
 * the batch reconciliation report.
 */
@Command(name = "report",
        mixinStandardHelpOptions = true,
        description = {"Write the reconciliation report of a batch (job) as PDF (searchable Chinese text, the bundled"
                + " font embedded as a subset) and/or CSV: producer and product master data, job settings, code range,"
                + " allocated/sent/verified/rejected/voided/released with reasons, grades, stops, alarms, challenges and"
                + " who did them, and the SHA-256 of the job's ledger rows.",
            "With --signer a supervisor or admin signs it with their PIN (from --pin-file, else TRACEMARK_SIGNER_PIN);"
                + " the sign-off is an entry of the keyed audit chain naming the report's content digest.",
            "Exit status: 0 written, 2 bad input (unknown job, wrong PIN, nothing to write)."})
public final class ReportCommand implements Callable<Integer> {

    static final String PIN_ENV = "TRACEMARK_SIGNER_PIN";

    @Spec
    CommandSpec spec;

    @Option(names = "--job", paramLabel = "ID", required = true, description = "the job")
    String job;

    @Option(names = "--pdf", paramLabel = "FILE", description = "write the PDF here")
    Path pdf;

    @Option(names = "--csv", paramLabel = "FILE", description = "write the CSV here")
    Path csv;

    @Option(names = "--signer", paramLabel = "ID", description = "the supervisor or admin who signs the report")
    String signer;

    @Option(names = "--pin-file", paramLabel = "FILE", description = "a file holding the signer's PIN (else " + PIN_ENV + ")")
    Path pinFile;

    @Option(names = "--data", paramLabel = "DIR", defaultValue = "data",
            description = "data directory holding station.db (default: ${DEFAULT-VALUE})")
    Path data;

    @Option(names = "--json", description = "print one JSON document: the report's blocks and the files written")
    boolean json;

    @Override
    public Integer call() throws IOException {
        if (pdf == null && csv == null) {
            throw new ParameterException(spec.commandLine(), "report: give --pdf FILE and/or --csv FILE");
        }
        String pin = signer == null ? null : pin();
        BatchReport report;
        try (Database db = DataDirectory.openExisting(data)) {
            CodeLedger ledger = new CodeLedger(db);
            UserAccount signedBy = null;
            if (signer != null) {
                signedBy = StationPanel.accounts(db).verify(signer, pin).orElseThrow(() -> new ParameterException(
                        spec.commandLine(), "report: the PIN of " + signer + " is wrong (or the user is unknown or disabled)"));
                if (signedBy.role() == Role.OPERATOR) {
                    throw new ParameterException(spec.commandLine(), "report: " + signer + " is an operator; a supervisor"
                            + " or admin signs batch reports");
                }
            }
            try (Database archive = Archives.open(db, job).orElse(null)) {
                // an archived job's rows are read from its archive file (the stops and alarms of the audit
                // trail stay in the live database and are not in its report)
                Database source = archive != null ? archive : db;
                BatchReports reports = new BatchReports(source, archive != null ? new CodeLedger(archive) : ledger,
                        Clock.systemUTC());
                report = reports.collect(job, master(source, new JobRecords(source).settings(job).productId()));
                if (signedBy != null) {
                    report = reports.sign(report, signedBy.id(), signedBy.name(), signedBy.role().key());
                }
            }
        }
        if (pdf != null) {
            ReportPdf.write(report, pdf);
        }
        if (csv != null) {
            ReportCsv.write(report, csv);
        }
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            Map<String, Object> doc = new LinkedHashMap<>();
            doc.put("job", report.job());
            doc.put("balanced", report.balanced());
            doc.put("pdf", pdf == null ? null : pdf.toString());
            doc.put("csv", csv == null ? null : csv.toString());
            doc.put("contentSha256", BatchReports.contentDigest(report));
            doc.put("signed", report.section("signature") != null);
            doc.put("sections", report.sections());
            JsonOutput.print(out, doc);
        } else {
            out.println("report of job " + job + " written" + (pdf == null ? "" : " to " + pdf) + (csv == null ? ""
                    : (pdf == null ? " to " : " and ") + csv) + (report.section("signature") == null ? " (unsigned)"
                    : ", signed by " + signer));
            out.flush();
        }
        return 0;
    }

    private String pin() throws IOException {
        String pin = pinFile != null ? Files.readString(pinFile, StandardCharsets.UTF_8).strip() : System.getenv(PIN_ENV);
        if (pin == null || pin.isEmpty()) {
            throw new ParameterException(spec.commandLine(), "report: --signer needs the PIN in --pin-file or " + PIN_ENV);
        }
        return pin;
    }

    /** The producer's and product's master data blocks (guideline 5.3.3). */
    static List<ReportSection> master(Database db, String productId) {
        List<ReportSection> sections = new ArrayList<>();
        if (productId == null) {
            return sections;
        }
        MasterDataStore store = new MasterDataStore(db, new io.tracemark.store.AuditLog(db));
        Product p = store.product(productId).orElse(null);
        if (p == null) {
            sections.add(new ReportSection("product", "产品 Product", List.of(new Row("id", "产品编号 Product id",
                    productId + " (主数据缺失 no master data at this station)"))));
            return sections;
        }
        Producer m = p.producer();
        sections.add(new ReportSection("producer", "生产企业 Producer", List.of(
                new Row("id", "编号 Id", m.id()),
                new Row("name", "名称 Name", m.name()),
                new Row("uscc", "统一社会信用代码 USCC", m.uscc()),
                new Row("address", "地址 Address", m.address()),
                new Row("contact", "联系方式 Contact", m.contact()),
                new Row("businessLicence", "营业执照 Business licence", m.businessLicence()))));
        sections.add(new ReportSection("product", "产品 Product", List.of(
                new Row("id", "编号 Id", p.id()),
                new Row("name", "名称 Name", p.name()),
                new Row("type", "类型 Type", p.type()),
                new Row("specification", "规格型号 Specification", p.specification()),
                new Row("mandatoryStandard", "执行强制性国家标准 Mandatory standard", p.mandatoryStandard()),
                new Row("inspectionReport", "检验报告 Inspection report", p.inspectionReport()),
                new Row("licenceNumber", "生产许可证/CCC 证书 Licence", p.licenceNumber()),
                new Row("warranty", "保修期 Warranty", p.warranty()),
                new Row("instructions", "使用说明/警示 Instructions", p.instructions()),
                new Row("gtin", "GTIN", p.gtin()))));
        return sections;
    }
}
