package io.tracemark.line;

import io.tracemark.master.Product;
import io.tracemark.master.MasterDataStore;
import io.tracemark.core.Problem;
import io.tracemark.core.TraceLevel;
import io.tracemark.printer.PrinterStatus;
import io.tracemark.ledger.CodeLedger;
import io.tracemark.verify.Grade;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Checks a {@link JobRequest} completely and names every problem by its field: missing or bad values,
 * incomplete master data, a template lacking a field, too few codes, a device that does not answer.
 */
final class JobValidator {

    static final int MAX_QUANTITY = 1_000_000;

    private final MasterDataStore masterData;
    private final LabelDesigns designs;
    private final LineDevices devices;
    private final CodeLedger ledger;
    private final Clock clock;

    JobValidator(MasterDataStore masterData, LabelDesigns designs, LineDevices devices, CodeLedger ledger, Clock clock) {
        this.masterData = masterData;
        this.designs = designs;
        this.devices = devices;
        this.ledger = ledger;
        this.clock = clock;
    }

    /**
     * @param needCodes false when resuming a job whose codes are already allocated or bound
     */
    List<Problem> validate(JobRequest r, boolean needCodes) {
        List<Problem> problems = new ArrayList<>();
        Optional<Product> product = product(r, problems);
        if (r.batch() == null || r.batch().isBlank()) {
            problems.add(new Problem("batch", "批号 is missing"));
        } else if (!r.batch().matches("[A-Za-z0-9._/-]{1,20}")) {
            problems.add(new Problem("batch", "must be 1–20 letters, digits, '.', '_', '/' or '-' (GS1 AI 10), was '"
                    + r.batch() + "'"));
        }
        dates(r, problems);
        if (r.traceLevel() == null) {
            problems.add(new Problem("traceLevel", "追溯层级 is missing"));
        } else if (r.traceLevel() == TraceLevel.COMBINED && product.isPresent()
                && masterData.componentRoles(product.get().id()).isEmpty()) {
            // 组合多码 (guideline 5.2.2): the product's units get their components linked at a scan station
            problems.add(new Problem("traceLevel", "COMBINED (组合多码) jobs need aggregation: product " + product.get().id()
                    + " is not defined as a set of components (master data 'components')"));
        }
        long available = scheme(r, problems);
        quantity(r, problems);
        grade(r, problems);
        devices(r, problems);
        if (product.isPresent() && r.template() != null && !r.template().isBlank() && r.printer() != null
                && devices.printer(r.printer()).isPresent()) {
            problems.addAll(designs.check(r.template(), r.printer(), facts(r, product.get())));
        } else if (r.template() == null || r.template().isBlank()) {
            problems.add(new Problem("template", "标签模板 is missing"));
        } else if (!designs.names().contains(r.template())) {
            problems.add(new Problem("template", "unknown template '" + r.template() + "'; available: " + designs.names()));
        }
        if (needCodes && available >= 0 && r.quantity() != null && r.traceLevel() != null) {
            long needed = r.traceLevel().sharesCodeAcrossUnits() ? 1 : r.quantity();
            if (available < needed) {
                problems.add(new Problem("quantity", "needs " + needed + " AVAILABLE codes of scheme " + r.scheme()
                        + " for product " + r.productId()
                        + ", only " + available + " left"));
            }
        }
        return problems;
    }

    static JobFacts facts(JobRequest r, Product product) {
        return new JobFacts(product, r.batch(), r.productionDate(), r.expiryDate(), r.traceLevel(), r.scheme());
    }

    private Optional<Product> product(JobRequest r, List<Problem> problems) {
        if (r.productId() == null || r.productId().isBlank()) {
            problems.add(new Problem("productId", "产品 is missing"));
            return Optional.empty();
        }
        Optional<Product> product = masterData.product(r.productId());
        if (product.isEmpty()) {
            problems.add(new Problem("productId", "unknown product '" + r.productId() + "'"));
            return product;
        }
        for (Problem p : product.get().missingMandatoryFields()) {
            problems.add(new Problem("productId", "master data incomplete: " + p.where() + " " + p.message()));
        }
        return product;
    }

    private void dates(JobRequest r, List<Problem> problems) {
        LocalDate today = LocalDate.now(clock);
        if (r.productionDate() == null) {
            problems.add(new Problem("productionDate", "生产日期 is missing"));
        } else if (r.productionDate().isAfter(today.plusDays(1))) {
            problems.add(new Problem("productionDate", r.productionDate() + " is in the future (today " + today + ")"));
        }
        if (r.expiryDate() != null && r.productionDate() != null && !r.expiryDate().isAfter(r.productionDate())) {
            problems.add(new Problem("expiryDate", r.expiryDate() + " is not after the production date " + r.productionDate()));
        }
    }

    /** AVAILABLE codes of the scheme the job's product may use, or -1 when the scheme is missing. */
    private long scheme(JobRequest r, List<Problem> problems) {
        if (r.scheme() == null || r.scheme().isBlank()) {
            problems.add(new Problem("scheme", "编码方案 is missing"));
            return -1;
        }
        if (ledger.countCodesOfScheme(r.scheme()) == 0) {
            problems.add(new Problem("scheme", "no codes of scheme '" + r.scheme() + "' were ever imported"));
        }
        return ledger.countAvailable(r.scheme(), r.productId());
    }

    private static void quantity(JobRequest r, List<Problem> problems) {
        if (r.quantity() == null) {
            problems.add(new Problem("quantity", "数量 is missing"));
        } else if (r.quantity() < 1 || r.quantity() > MAX_QUANTITY) {
            problems.add(new Problem("quantity", "must be from 1 to " + MAX_QUANTITY + ", was " + r.quantity()));
        }
    }

    private static void grade(JobRequest r, List<Problem> problems) {
        if (r.minimumGrade() == null || r.minimumGrade().isBlank()) {
            return;
        }
        try {
            Grade g = Grade.parse(r.minimumGrade());
            if (g.value() < 0.5) {
                problems.add(new Problem("minimumGrade", "grade F accepts everything; use A–D or 0.5–4.0"));
            }
        } catch (IllegalArgumentException e) {
            problems.add(new Problem("minimumGrade", e.getMessage()));
        }
    }

    private void devices(JobRequest r, List<Problem> problems) {
        if (r.printer() == null || r.printer().isBlank()) {
            problems.add(new Problem("printer", "打印机 is missing"));
        } else if (devices.printer(r.printer()).isEmpty()) {
            problems.add(new Problem("printer", "unknown printer '" + r.printer() + "'; configured: " + devices.printerNames()));
        } else {
            PrinterStatus status = devices.printer(r.printer()).get().status();
            if (!status.ready()) {
                problems.add(new Problem("printer", "printer does not answer or is not ready: " + status.summary()));
            }
        }
        if (r.scanner() == null || r.scanner().isBlank()) {
            problems.add(new Problem("scanner", "读码器 is missing"));
        } else if (devices.scanner(r.scanner()).isEmpty()) {
            problems.add(new Problem("scanner", "unknown scanner '" + r.scanner() + "'; configured: " + devices.scannerNames()));
        }
    }
}
