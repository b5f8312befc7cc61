package io.tracemark.master;

import io.tracemark.core.Problem;
import java.util.ArrayList;
import java.util.List;

/**
 * 生产单位基本信息 (guideline 5.3.3.1): registered once with the platform and made public.
 *
 * @param name            生产单位名称
 * @param uscc            统一社会信用代码
 * @param address         生产/注册地址
 * @param contact         联系方式
 * @param businessLicence 营业执照 (reference to the licence document or its number)
 */
public record Producer(String id, String name, String uscc, String address, String contact, String businessLicence) {

    /** Every mandatory field that is empty, named by its field key. */
    public List<Problem> missingMandatoryFields() {
        List<Problem> problems = new ArrayList<>();
        MandatoryFields.require(problems, "producer.name", name, "生产单位名称");
        MandatoryFields.require(problems, "producer.uscc", uscc, "统一社会信用代码");
        MandatoryFields.require(problems, "producer.address", address, "生产/注册地址");
        MandatoryFields.require(problems, "producer.contact", contact, "联系方式");
        MandatoryFields.require(problems, "producer.businessLicence", businessLicence, "营业执照");
        return problems;
    }
}
