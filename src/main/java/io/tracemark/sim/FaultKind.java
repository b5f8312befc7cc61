package io.tracemark.sim;

/** What a {@link FaultPlan} can do to a virtual printer. */
public enum FaultKind {
    /** The roll ends during a label: that label comes out partial, then printing stops; ~HS says paper out. */
    PAPER_OUT("paperOut"),
    /** The ribbon ends during a label: partial label, printing stops; ~HS says ribbon out. */
    RIBBON_OUT("ribbonOut"),
    /** The print head is opened between labels: printing stops and ~HS goes silent. */
    HEAD_OPEN("headOpen"),
    /** Someone presses pause between labels: printing holds; ~HS says paused. */
    PAUSE("pause"),
    /** The network drops: the printer closes its connections and keeps its buffer. */
    CONNECTION_DROP("dropConnection"),
    /** The label printed smeared (unreadable in part). */
    SMEAR("smear"),
    /** The label printed with a part missing. */
    PARTIAL("partial");

    private final String key;

    FaultKind(String key) {
        this.key = key;
    }

    /** The spelling in fault specs, e.g. {@code paperOut} in {@code paperOutAfter=500}. */
    public String key() {
        return key;
    }
}
