package io.tracemark.label;

import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * A merge field a template may use: its name (the placeholder), its type, and whether the job
 * supplies it once ({@code job}: master data, batch, dates) or each unit brings its own
 * ({@code unit}: the code and what is derived from it). Unit fields are the {@code ^FN} fields of
 * a stored format; job fields are baked into the format when it is downloaded.
 *
 * @param name  placeholder name, e.g. {@code productName}
 * @param type  value type
 * @param unit  true when each unit (label) has its own value
 * @param title Chinese title printed beside the value on labels
 */
public record TemplateField(String name, FieldType type, boolean unit, String title) {

    /** Every field a job and its units can supply; templates may use nothing else. */
    public static final List<TemplateField> CATALOG = List.of(
            new TemplateField("code", FieldType.TEXT, true, "追溯码"),
            new TemplateField("gs1", FieldType.GS1, true, "GS1 数据"),
            new TemplateField("serial", FieldType.TEXT, true, "序列号"),
            new TemplateField("digitalLink", FieldType.URL, true, "数字链接"),
            new TemplateField("sscc", FieldType.TEXT, true, "系列货运包装箱代码"),
            new TemplateField("childCount", FieldType.INT, true, "数量"),
            new TemplateField("gtin", FieldType.TEXT, false, "商品条码"),
            new TemplateField("batch", FieldType.TEXT, false, "批号"),
            new TemplateField("productionDate", FieldType.DATE, false, "生产日期"),
            new TemplateField("expiryDate", FieldType.DATE, false, "有效期至"),
            new TemplateField("productName", FieldType.TEXT, false, "产品名称"),
            new TemplateField("productType", FieldType.TEXT, false, "产品类型"),
            new TemplateField("specification", FieldType.TEXT, false, "规格型号"),
            new TemplateField("standard", FieldType.TEXT, false, "执行标准"),
            new TemplateField("licence", FieldType.TEXT, false, "生产许可证编号"),
            new TemplateField("cccNumber", FieldType.TEXT, false, "CCC 证书编号"),
            new TemplateField("producerName", FieldType.TEXT, false, "生产者"),
            new TemplateField("producerUscc", FieldType.TEXT, false, "统一社会信用代码"),
            new TemplateField("producerAddress", FieldType.TEXT, false, "地址"),
            new TemplateField("warranty", FieldType.TEXT, false, "质保期"),
            new TemplateField("platformName", FieldType.TEXT, false, "追溯平台"),
            new TemplateField("digitalLinkBase", FieldType.URL, false, "数字链接域名"));

    private static final Map<String, TemplateField> BY_NAME = CATALOG.stream()
            .collect(Collectors.toMap(TemplateField::name, Function.identity()));

    /** The catalog entry named {@code name}. */
    public static Optional<TemplateField> find(String name) {
        return Optional.ofNullable(BY_NAME.get(name));
    }

    /** Names of the catalog, for error messages. */
    public static String catalogNames() {
        return CATALOG.stream().map(TemplateField::name).collect(Collectors.joining(", "));
    }

    static List<String> names(Collection<TemplateField> fields) {
        return fields.stream().map(TemplateField::name).toList();
    }

    static List<FieldType> types() {
        return Arrays.asList(FieldType.values());
    }
}
