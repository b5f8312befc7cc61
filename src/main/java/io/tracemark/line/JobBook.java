package io.tracemark.line;

import io.tracemark.core.TracemarkException;
import io.tracemark.ledger.CodeLedger;
import io.tracemark.ledger.Job;
import io.tracemark.ledger.Reconciliation;
import io.tracemark.master.MasterDataStore;
import io.tracemark.master.Product;
import io.tracemark.printer.Printer;
import io.tracemark.verify.Grade;
import io.tracemark.verify.Scanner;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.concurrent.Executor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The job lifecycle as the books see it: which jobs are OPEN, suspended or resumable, crash
 * recovery, the job's devices and labels ({@link JobRun}) and where its codes come from. Reads and
 * writes the ledger and the job details only; the line's state is the controller's.
 */
final class JobBook {

    private static final Logger LOG = LoggerFactory.getLogger(JobBook.class);

    private final CodeLedger ledger;
    private final JobDetailsStore details;
    private final MasterDataStore masterData;
    private final LabelDesigns designs;
    private final LineDevices devices;
    private final LineSettings settings;

    JobBook(CodeLedger ledger, JobDetailsStore details, MasterDataStore masterData, LabelDesigns designs,
            LineDevices devices, LineSettings settings) {
        this.ledger = ledger;
        this.details = details;
        this.masterData = masterData;
        this.designs = designs;
        this.devices = devices;
        this.settings = settings;
    }

    /**
     * Crash recovery: voids every unit of an unfinished job left SENT without a verdict (it may have
     * printed, its code is never sent again); ends jobs without details (never started).
     *
     * @return ids of the unfinished jobs that are not suspended, oldest first
     */
    List<String> recover(Consumer<String> audit) {
        List<String> resumable = new ArrayList<>();
        for (Job job : ledger.openJobs()) {
            int voided = ledger.voidInFlight(job.id(), CodeLedger.RECOVERED_AFTER_CRASH);
            Optional<JobRequest> request = details.load(job.id());
            if (request.isEmpty()) {
                ledger.releaseUnused(job.id(), CodeLedger.SYSTEM);
                audit.accept("job " + job.id() + " had no details: ended");
                continue;
            }
            audit.accept("job " + job.id() + ": " + voided + " units in flight voided ("
                    + CodeLedger.RECOVERED_AFTER_CRASH + ")");
            LOG.info("recovered job {}: {} unit(s) in flight voided as {}", job.id(), voided,
                    CodeLedger.RECOVERED_AFTER_CRASH);
            if (!details.isSuspended(job.id())) {
                resumable.add(job.id());
            }
        }
        return resumable;
    }

    /** The OPEN jobs, oldest first; {@code currentJob} is marked current. */
    List<OpenJob> openJobs(String currentJob) {
        List<OpenJob> out = new ArrayList<>();
        for (Job job : ledger.openJobs()) {
            Reconciliation books = ledger.reconcile(job.id());
            out.add(new OpenJob(job.id(), job.quantity(), books.verified(), job.id().equals(currentJob),
                    details.isSuspended(job.id())));
        }
        return out;
    }

    /** An OPEN job with its details, to resume. */
    JobRequest openRequest(String jobId) {
        ledger.job(jobId).filter(j -> j.state() == io.tracemark.ledger.JobState.OPEN)
                .orElseThrow(() -> new TracemarkException("no OPEN job " + jobId + " to resume"));
        return details.load(jobId).orElseThrow(() -> new TracemarkException("job " + jobId
                + " has no details to resume it with"));
    }

    /** A new job starts only when no other job is OPEN and not suspended (its codes would be stranded). */
    void requireNoOtherOpenJob() {
        for (Job job : ledger.openJobs()) {
            if (details.load(job.id()).isEmpty() || details.isSuspended(job.id())) {
                continue;
            }
            Reconciliation books = ledger.reconcile(job.id());
            throw new TracemarkException("job " + job.id() + " is still open (" + books.verified() + " of "
                    + job.quantity() + " verified): resume it, end it (end of batch) or suspend it before starting "
                    + "another job");
        }
    }

    /** The job's product, labels, printer and minimum grade; {@code events} runs its printer's events. */
    JobRun newRun(JobRequest request, UnitMatcher matcher, Consumer<StopCause> stop, Executor events) {
        Product product = masterData.product(request.productId()).orElseThrow(() -> new TracemarkException(
                "unknown product " + request.productId()));
        JobLabels labels = designs.forJob(request.template(), request.printer(), JobValidator.facts(request, product));
        Printer printer = devices.printer(request.printer()).orElseThrow(() -> new TracemarkException(
                "unknown printer " + request.printer()));
        Grade minimum = request.minimumGrade() == null || request.minimumGrade().isBlank()
                ? settings.defaultMinimumGrade() : Grade.parse(request.minimumGrade());
        Runnable readTrigger = devices.scanner(request.scanner()).filter(Scanner::triggeredPerUnit)
                .<Runnable>map(scanner -> () -> scanner.trigger(true)).orElse(() -> { });
        return new JobRun(request, product, labels, printer, minimum, matcher, stop, events, readTrigger);
    }

    /** Where a started job's codes come from: its shared code (batch level) or allocations (item level). */
    CodeSupply supply(JobRun job) {
        Job row = ledger.job(job.jobId()).orElseThrow();
        return row.traceLevel().sharesCodeAcrossUnits()
                ? CodeSupply.shared(row.sharedCode().orElseThrow())
                : CodeSupply.itemLevel(ledger, job.jobId(), job.request.scheme(), job.request.productId(),
                settings.allocationChunk());
    }

    /** The code the challenge label pretends to be: the job's next code (never consumed by the test). */
    String likeCode(JobRun job) {
        if (job.jobId() != null) {
            Optional<String> shared = ledger.job(job.jobId()).flatMap(Job::sharedCode);
            if (shared.isPresent()) {
                return shared.get();
            }
        }
        return ledger.firstAvailable(job.request.scheme(), job.request.productId()).orElseThrow(() ->
                new TracemarkException("no AVAILABLE code of scheme " + job.request.scheme() + " for the challenge test"));
    }

    /** Canonical contents of the job's units so far (item level), so a repeat is seen as a duplicate. */
    Set<String> knownContent(JobRun job) {
        if (job.request.traceLevel().sharesCodeAcrossUnits()) {
            return Set.of();
        }
        Set<String> known = new HashSet<>();
        for (String code : ledger.unitCodes(job.jobId())) {
            known.add(ExpectedContent.canonical(job.labels.expectation(code)));
        }
        return known;
    }

    boolean isSuspended(String jobId) {
        return details.isSuspended(jobId);
    }
}
