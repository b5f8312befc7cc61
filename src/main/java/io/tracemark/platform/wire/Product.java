package io.tracemark.platform.wire;

import io.tracemark.core.TraceLevel;
import java.util.ArrayList;
import java.util.List;

/**
 * A product's master data (guideline 5.3.3.2 and 5.3.3.3) as the platform holds it.
 *
 * @param id                platform identifier
 * @param producerId        the producer making it
 * @param name              产品名称
 * @param type              产品类型
 * @param specification     规格型号
 * @param mandatoryStandard 执行的强制性国家标准, e.g. GB 4706.1-2005
 * @param inspectionReport  出厂检验报告或型式检验报告 (number or document reference)
 * @param licenceNumber     生产许可证号/强制性认证证书编号 (CCC)
 * @param warrantyPeriod    质保期限, e.g. 24个月
 * @param instructions      使用说明书或警示说明
 * @param scheme            code scheme the platform issues for it (station scheme names): gs1, digital-link or digital-identity
 * @param traceLevel        一品一码 … 组合多码
 * @param gtin              the 14-digit GTIN for GS1 schemes, else null
 * @param publicFields      contract field names a consumer may see on the public page
 * @param components        main raw materials or parts, optional
 */
public record Product(String id, String producerId, String name, String type, String specification,
                      String mandatoryStandard, String inspectionReport, String licenceNumber,
                      String warrantyPeriod, String instructions, String scheme, TraceLevel traceLevel,
                      String gtin, List<String> publicFields, List<Component> components) {

    public Product {
        publicFields = publicFields == null ? List.of() : List.copyOf(publicFields);
        components = components == null ? List.of() : List.copyOf(components);
    }

    /**
     * Contract field names of the mandatory fields that are blank (5.3.3.2, 5.3.3.3), in contract
     * order; codes are not activated while any is missing.
     */
    public List<String> missingFields() {
        List<String> missing = new ArrayList<>();
        Blank.check(missing, "name", name);
        Blank.check(missing, "type", type);
        Blank.check(missing, "specification", specification);
        Blank.check(missing, "mandatoryStandard", mandatoryStandard);
        Blank.check(missing, "inspectionReport", inspectionReport);
        Blank.check(missing, "licenceNumber", licenceNumber);
        Blank.check(missing, "warrantyPeriod", warrantyPeriod);
        Blank.check(missing, "instructions", instructions);
        Blank.check(missing, "scheme", scheme);
        if (traceLevel == null) {
            missing.add("traceLevel");
        }
        if ("gs1".equals(scheme) || "digital-link".equals(scheme)) {
            Blank.check(missing, "gtin", gtin);
        }
        return missing;
    }

    /** Whether the public page may show the named field. */
    public boolean isPublic(String field) {
        return publicFields.contains(field);
    }
}
