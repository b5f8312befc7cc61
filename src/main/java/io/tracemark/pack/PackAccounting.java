package io.tracemark.pack;

/**
 * What became of one job's verified units: packed in a case now, or loose. Every packed unit is a
 * verified unit of the job, so {@code verified = packed + loose} must hold at every instant.
 *
 * @param job               the job
 * @param verified          units VERIFIED (the ledger's count)
 * @param packed            units of the job in a case now
 * @param loose             verified units in no case
 * @param packedNotVerified packed units whose state is not VERIFIED (must be 0)
 * @param inCases           cases holding units of the job (open or closed, shipped included)
 * @param balanced          {@code verified == packed + loose} and {@code packedNotVerified == 0}
 */
public record PackAccounting(String job, long verified, long packed, long loose, long packedNotVerified,
                             long inCases, boolean balanced) {

    static PackAccounting of(String job, long verified, long packed, long loose, long packedNotVerified, long inCases) {
        return new PackAccounting(job, verified, packed, loose, packedNotVerified, inCases,
                verified == packed + loose && packedNotVerified == 0);
    }
}
