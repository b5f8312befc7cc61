package io.tracemark.app;

import io.tracemark.core.TraceLevel;
import io.tracemark.line.JobRequest;
import io.tracemark.platform.reference.SampleData;
import java.time.LocalDate;

/**
 * The demo station's jobs. Its producer, products and codes come from the reference platform's
 * sample data ({@link SampleData}) through {@link DemoPlatform}: the master data is copied from the
 * platform, the codes are activated ranges pulled from it.
 */
public final class SampleStation {

    public static final String SCHEME = "gs1";
    /** The sample kettle (一物一码, GS1 element strings (01)…(21)…). */
    public static final String PRODUCT = SampleData.KETTLE;
    /** The product of the sample batch-level (一批一码) job: the same kettle, one code per batch. */
    public static final String PRODUCT_BATCH_LEVEL = SampleData.KETTLE;

    private SampleStation() {
    }

    /** An item-level job of the sample kettle on the simulated printer and camera. */
    public static JobRequest itemJob(int quantity, LocalDate today) {
        return new JobRequest(PRODUCT, "L" + today.toString().replace("-", "").substring(2), today, today.plusYears(2),
                TraceLevel.ITEM, SCHEME, "item-gs1-datamatrix", SimulatedLine.PRINTER, SimulatedLine.SCANNER,
                quantity, "C");
    }
}
