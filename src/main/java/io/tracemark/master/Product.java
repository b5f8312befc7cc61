package io.tracemark.master;

import io.tracemark.core.Problem;
import java.util.ArrayList;
import java.util.List;

/**
 * 产品信息 (guideline 5.3.3.2 and 5.3.3.3) that does not change from batch to batch. Production date
 * and batch number belong to the job.
 *
 * @param type              产品类型
 * @param specification     规格型号
 * @param mandatoryStandard 执行的强制性国家标准, e.g. {@code GB 17761-2024}
 * @param inspectionReport  出厂检验报告或型式检验报告 (reference)
 * @param licenceNumber     生产许可证号/强制性认证证书编号 (may be empty when not applicable)
 * @param warranty          质保期限 (may be empty when not applicable)
 * @param instructions      使用说明书或警示说明 (may be empty when not applicable)
 * @param gtin              the product's GTIN when it uses GS1 codes, else empty
 */
public record Product(String id, Producer producer, String name, String type, String specification,
                      String mandatoryStandard, String inspectionReport, String licenceNumber, String warranty,
                      String instructions, String gtin) {

    /** Every mandatory field of the product and its producer that is empty, named by its field key. */
    public List<Problem> missingMandatoryFields() {
        List<Problem> problems = new ArrayList<>();
        if (producer == null) {
            problems.add(new Problem("product.producer", "生产单位 is missing"));
        } else {
            problems.addAll(producer.missingMandatoryFields());
        }
        MandatoryFields.require(problems, "product.name", name, "产品名称");
        MandatoryFields.require(problems, "product.type", type, "产品类型");
        MandatoryFields.require(problems, "product.specification", specification, "规格型号");
        MandatoryFields.require(problems, "product.mandatoryStandard", mandatoryStandard, "执行的强制性国家标准");
        MandatoryFields.require(problems, "product.inspectionReport", inspectionReport, "出厂检验报告或型式检验报告");
        return problems;
    }
}
