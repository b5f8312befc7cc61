package io.tracemark.core;

/** How many units share one trace code (guideline 5.2.2). */
public enum TraceLevel {
    /** 一品一码: one code per product type; the ledger counts units against it. */
    PRODUCT("一品一码"),
    /** 一批一码: one code per batch; the ledger counts units against it. */
    BATCH("一批一码"),
    /** 一物一码: one code per item. */
    ITEM("一物一码"),
    /** 组合多码: item codes with parent (case, pallet) codes. */
    COMBINED("组合多码");

    private final String chineseName;

    TraceLevel(String chineseName) {
        this.chineseName = chineseName;
    }

    public String chineseName() {
        return chineseName;
    }

    /** Whether many printed units share one code at this level. */
    public boolean sharesCodeAcrossUnits() {
        return this == PRODUCT || this == BATCH;
    }
}
