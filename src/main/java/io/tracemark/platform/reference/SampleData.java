package io.tracemark.platform.reference;

import io.tracemark.core.TraceLevel;
import io.tracemark.platform.wire.Component;
import io.tracemark.platform.wire.Producer;
import io.tracemark.platform.wire.Product;
import java.util.List;

/** A sample producer, its products and a station token, for demos and tests. */
public final class SampleData {

    public static final String PRODUCER = "PR-GZ01";
    /** 一物一码, GS1 element strings {@code (01)…(21)…}, all mandatory information present. */
    public static final String KETTLE = "P-KETTLE";
    /** 一物一码, GS1 Digital Link URIs resolved by this platform. */
    public static final String CHARGER = "P-CHARGER";
    /** 一物一码, opaque digital identity codes (数字身份码). */
    public static final String HELMET = "P-HELMET";
    /** Mandatory information missing (inspection report, licence number): activation is refused. */
    public static final String INCOMPLETE = "P-INCOMPLETE";
    /** The sample station's token. */
    public static final String STATION_TOKEN = "demo-station-token";
    /** The GS1 company prefix of the sample producer (a fictitious 690 prefix). */
    public static final String COMPANY_PREFIX = "6901234";

    private static final List<String> PUBLIC = List.of("name", "type", "specification", "mandatoryStandard",
            "licenceNumber", "warrantyPeriod", "instructions", "producer");

    private SampleData() {
    }

    static Producer producer() {
        return new Producer(PRODUCER, "广州市示例电器有限公司", "91440101MA59TM0023", "广州市天河区示例路1号",
                "020-12345678", "营业执照 91440101MA59TM0023");
    }

    static List<Product> products() {
        return List.of(
                new Product(KETTLE, PRODUCER, "电热水壶", "家用电器", "TM-1701 1.7L 1800W",
                        "GB 4706.19-2008", "出厂检验报告 QJ-2025-0001", "CCC 2025010706000001",
                        "24个月", "使用前请阅读说明书；请勿干烧。", "gs1", TraceLevel.ITEM,
                        CodeGenerator.gtin(COMPANY_PREFIX, 1), PUBLIC,
                        List.of(new Component("温控器", "佛山市顺德区某某温控器件有限公司", "CQC 2024010307000001", true),
                                new Component("电源线", "宁波某某电线电缆厂", null, false))),
                new Product(CHARGER, PRODUCER, "电源适配器", "电子产品", "TM-PA65 65W", "GB 4943.1-2022",
                        "型式检验报告 TR-2025-0420", "CCC 2025010907000002", "12个月", "仅限室内使用。",
                        "digital-link", TraceLevel.ITEM, CodeGenerator.gtin(COMPANY_PREFIX, 2), PUBLIC, List.of()),
                new Product(HELMET, PRODUCER, "电动自行车乘员头盔", "安全防护用品", "TM-H2 M码", "GB 811-2022",
                        "出厂检验报告 QJ-2025-0777", "CCC 2025011113000003", "36个月", "受过冲击后请更换。",
                        "digital-identity", TraceLevel.ITEM, null, PUBLIC, List.of()),
                new Product(INCOMPLETE, PRODUCER, "电暖器", "家用电器", "TM-NF20", "GB 4706.23-2007",
                        "", "", "12个月", "远离易燃物。", "gs1", TraceLevel.ITEM,
                        CodeGenerator.gtin(COMPANY_PREFIX, 3), PUBLIC, List.of()));
    }

    static void load(MasterData master) {
        master.putProducer(producer());
        products().forEach(master::putProduct);
        master.addStation(PRODUCER, "sample station", STATION_TOKEN);
    }
}
