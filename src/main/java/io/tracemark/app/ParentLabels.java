package io.tracemark.app;

import io.tracemark.core.TracemarkException;
import io.tracemark.label.LabelValues;
import io.tracemark.label.LabelWriter;
import io.tracemark.master.MasterDataStore;
import io.tracemark.master.Producer;
import io.tracemark.master.Product;
import io.tracemark.pack.Aggregation;
import io.tracemark.pack.CasePacking;
import io.tracemark.pack.JobBatch;
import io.tracemark.pack.Parent;
import io.tracemark.pack.ParentKind;
import io.tracemark.printer.JobSettings;
import io.tracemark.printer.LabelJob;
import io.tracemark.printer.Printer;
import io.tracemark.printer.PrinterListener;
import io.tracemark.printer.PrinterStatus;
import io.tracemark.verify.Content;
import io.tracemark.verify.ReadResult;
import io.tracemark.verify.Scanner;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Prints a case or pallet label (the parent template, {@code templates/case-sscc.*}: the SSCC as AI 00 in
 * GS1-128, the child count and the product) on the case-label printer and has the reader over its exit
 * read it back: verified when the read's element string is the parent's SSCC. One label at a time (the
 * packing station's thread calls it), so the next read after the label printed is that label's.
 */
final class ParentLabels implements CasePacking.Labeller, AutoCloseable {

    private final Printer printer;
    private final JobSettings settings;
    private final Scanner reader;
    private final LabelWriter writer;
    private final MasterDataStore masterData;
    private final Aggregation packs;
    private final Duration timeout;
    private final BlockingQueue<ReadResult> reads = new LinkedBlockingQueue<>();
    private final Map<Long, CountDownLatch> printing = new java.util.concurrent.ConcurrentHashMap<>();
    private long labels;

    ParentLabels(Printer printer, JobSettings settings, Scanner reader, LabelWriter writer, MasterDataStore masterData,
                 Aggregation packs, Duration timeout) {
        this.printer = printer;
        this.settings = settings;
        this.reader = reader;
        this.writer = writer;
        this.masterData = masterData;
        this.packs = packs;
        this.timeout = timeout;
    }

    /** Connects to the printer and the reader. */
    void open() {
        printer.addListener(new PrinterListener() {
            @Override
            public void printed(long unitId) {
                CountDownLatch done = printing.get(unitId);
                if (done != null) {
                    done.countDown();
                }
            }

            @Override
            public void fault(PrinterStatus status) {
                // the label in hand is then not read back: rejected, and the next SSCC tried
            }
        });
        printer.open(settings);
        reader.setListener(reads::add);
        reader.start();
    }

    @Override
    public CasePacking.LabelOutcome label(Parent parent, List<String> contents) {
        Map<String, Object> values = values(parent, contents.size());
        long id = ++labels;
        CountDownLatch printed = new CountDownLatch(1);
        printing.put(id, printed);
        reads.clear();
        try {
            // the format with this parent's values, recalled with its SSCC: a ^XF recall is what the
            // driver's per-label print confirmation (^HV) works with
            printer.downloadFormat(writer.storedFormat(LabelValues.of(values)));
            printer.submit(new LabelJob(id, writer.recall(LabelValues.of(values))));
            if (!printed.await(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                printer.abort();
                return new CasePacking.Rejected("printer " + printer.device() + " did not print the label within " + timeout);
            }
            if (reader.triggeredPerUnit()) {
                reader.trigger(true);
            }
            ReadResult read = reads.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return judge(parent, read);
        } catch (TracemarkException e) {
            return new CasePacking.Rejected(e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new CasePacking.Rejected("interrupted");
        } finally {
            printing.remove(id);
        }
    }

    private CasePacking.LabelOutcome judge(Parent parent, ReadResult read) {
        if (read == null) {
            return new CasePacking.Rejected("no read from " + reader.name() + " within " + timeout);
        }
        if (read instanceof ReadResult.Read r) {
            String canonical = Content.canonical(r.data(), r.symbologyId());
            return canonical.equals(parent.sscc().elementString())
                    ? new CasePacking.Verified(r.grades().map(g -> g.overall().toString()).orElse("not graded"))
                    : new CasePacking.Rejected("read " + Content.printable(canonical) + ", expected " + parent.sscc().elementString());
        }
        if (read instanceof ReadResult.NoRead n) {
            return new CasePacking.Rejected("no read: " + n.reason());
        }
        return new CasePacking.Rejected("bad read: " + ((ReadResult.BadRead) read).why());
    }

    private Map<String, Object> values(Parent parent, int children) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("gs1", parent.sscc().elementString());
        v.put("childCount", children);
        Optional<JobBatch> batch = parent.jobId().flatMap(packs::jobBatch);
        Optional<Product> product = batch.map(JobBatch::productId).or(parent::productId).flatMap(masterData::product);
        Optional<Producer> producer = product.map(Product::producer);
        v.put("productName", product.map(Product::name).orElse(parent.kind() == ParentKind.PALLET ? "托盘" : ""));
        v.put("specification", product.map(Product::specification).orElse(""));
        v.put("batch", batch.map(JobBatch::batch).orElse(""));
        v.put("productionDate", batch.map(b -> java.time.LocalDate.parse(b.productionDate()))
                .orElse(java.time.LocalDate.now()));
        v.put("producerName", producer.map(Producer::name).orElse(""));
        v.put("producerUscc", producer.map(Producer::uscc).orElse(""));
        return v;
    }

    @Override
    public void close() {
        try {
            reader.stop();
        } finally {
            printer.close();
        }
    }
}
