package io.tracemark.pack;

/** The life of a parent (case or pallet); its SSCC is never issued again, whatever the state. */
public enum ParentState {
    /** Taking children. */
    OPEN,
    /** Full or closed by a supervisor; its label is printed and checked; a case may go on a pallet. */
    CLOSED,
    /** Left the factory in a shipment. */
    SHIPPED,
    /** Dissolved by a person (unpack or rework): its children are loose again. */
    UNPACKED,
    /** Its label was refused by the camera: the children moved to a parent with a new SSCC. */
    VOIDED
}
