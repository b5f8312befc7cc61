package io.tracemark.app;

import io.tracemark.codes.ElementString;
import io.tracemark.codes.ElementStringScheme;
import io.tracemark.codes.RandomSerials;
import io.tracemark.core.TraceLevel;
import io.tracemark.ledger.CodeLedger;
import io.tracemark.ledger.SchemeValidator;
import io.tracemark.line.JobRequest;
import io.tracemark.line.MasterDataStore;
import io.tracemark.line.Producer;
import io.tracemark.line.Product;
import io.tracemark.store.Database;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * The sample data of the demo station: one producer and two products with complete guideline
 * master data (5.3.3), and a code package of GS1 item codes (GTIN + random serial) imported into the
 * ledger. Idempotent: a station that has them already is left alone.
 */
public final class SampleStation {

    public static final String ACTOR = "demo-setup";
    public static final String SCHEME = "gs1";
    public static final String GTIN = "06901234567892";
    public static final String PRODUCT = "charger-4820";
    public static final String PRODUCT_BATCH_LEVEL = "helmet-a1";

    private SampleStation() {
    }

    /** Saves the sample producer and products unless present. */
    public static void ensureMasterData(MasterDataStore store) {
        if (store.product(PRODUCT).isPresent()) {
            return;
        }
        Producer producer = new Producer("gz-demo", "广州示例电器有限公司", "91350100M000100Y43",
                "广州市天河区示例路 88 号", "020-12345678", "营业执照 91350100M000100Y43");
        store.save(producer, ACTOR);
        store.save(new Product(PRODUCT, producer, "电动自行车用充电器", "电动自行车充电器", "CH-4820 48V 2A",
                "GB 42295-2022", "出厂检验报告 CJ-2024-0315", "CCC 2021011601000001", "一年",
                "仅限室内使用，远离火源", GTIN), ACTOR);
        store.save(new Product(PRODUCT_BATCH_LEVEL, producer, "电动自行车乘员头盔", "头盔", "A1 L 码",
                "GB 811-2022", "型式检验报告 TX-2024-0021", "CCC 2022011201000002", "两年", "佩戴时系紧下颏带",
                "06901234567908"), ACTOR);
    }

    /**
     * Imports {@code count} GS1 item codes (01)GTIN(21)SERIAL unless the ledger already holds codes of
     * the scheme.
     *
     * @return codes imported (0 when the station had codes already)
     */
    public static int ensureCodes(Database db, CodeLedger ledger, int count, long seed) {
        if (db.count("SELECT count(*) FROM codes WHERE scheme = ?", SCHEME) > 0) {
            return 0;
        }
        RandomSerials serials = new RandomSerials("0123456789ABCDEFGHJKLMNPQRSTUVWXYZ", 10, count, new Random(seed));
        List<String> codes = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            codes.add(ElementString.of("01", GTIN, "21", serials.next()).toBracketed());
        }
        ledger.importCodes(codes, "sample package seed " + seed, SCHEME, SchemeValidator.of(new ElementStringScheme()),
                ACTOR);
        return count;
    }

    /** An item-level job of the sample charger on the simulated printer and camera. */
    public static JobRequest itemJob(int quantity, LocalDate today) {
        return new JobRequest(PRODUCT, "L" + today.toString().replace("-", "").substring(2), today, today.plusYears(2),
                TraceLevel.ITEM, SCHEME, "item-gs1-datamatrix", SimulatedLine.PRINTER, SimulatedLine.SCANNER,
                quantity, "C");
    }
}
