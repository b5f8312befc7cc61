package io.tracemark.app;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;

/**
 * The station's configuration ({@code station.yaml}), validated once and immutable afterwards. Read
 * it with {@link StationConfigReader}.
 */
public record StationConfig(String stationName, Path dataDir, Path templatesDir, Panel panel,
                            List<Device> printers, List<Device> scanners, List<Device> rejectGates,
                            Line line, Platform platform, List<OpaqueScheme> opaqueSchemes, Backups backups,
                            Packing packing, ComponentStation components, Records records) {

    /** A station without a component scan station, with the default retention. */
    public StationConfig(String stationName, Path dataDir, Path templatesDir, Panel panel, List<Device> printers,
                         List<Device> scanners, List<Device> rejectGates, Line line, Platform platform,
                         List<OpaqueScheme> opaqueSchemes, Backups backups, Packing packing) {
        this(stationName, dataDir, templatesDir, panel, printers, scanners, rejectGates, line, platform, opaqueSchemes,
                backups, packing, ComponentStation.NONE, Records.DEFAULT);
    }

    public StationConfig {
        printers = List.copyOf(printers);
        scanners = List.copyOf(scanners);
        rejectGates = List.copyOf(rejectGates);
        opaqueSchemes = List.copyOf(opaqueSchemes);
    }

    /**
     * Scheduled backups of the station database ({@code backups:}); no folders, no scheduled backups.
     *
     * @param folders         one or more folders (a second disk, a network share)
     * @param intervalMinutes minutes between backups (0: only at batch end)
     * @param atBatchEnd      also a backup after every batch end
     * @param keep            backups kept per folder, older ones deleted
     */
    public record Backups(List<Path> folders, int intervalMinutes, boolean atBatchEnd, int keep) {

        /** No scheduled backups. */
        public static final Backups NONE = new Backups(List.of(), 0, false, 1);

        public Backups {
            folders = List.copyOf(folders);
        }

        public boolean configured() {
            return !folders.isEmpty();
        }
    }

    /**
     * Retention of finished jobs ({@code records:}).
     *
     * @param archiveAfterDays     finished jobs move to monthly archive files once their month of end lies wholly
     *                             this many days in the past
     * @param archiveIntervalHours hours between the station's archive runs (0: none; {@code archive run} by hand)
     */
    public record Records(int archiveAfterDays, int archiveIntervalHours) {

        /** Jobs archived 90 days after their month, looked for once a day. */
        public static final Records DEFAULT = new Records(90, 24);

        public boolean scheduled() {
            return archiveIntervalHours > 0;
        }
    }

    /**
     * Touch panel and REST API.
     *
     * @param host the interface to listen on: 127.0.0.1 for a touch screen on this computer, 0.0.0.0 to
     *             serve panels on other devices
     */
    public record Panel(String host, int port, int idleSignOutMinutes) {
    }

    /**
     * A printer, scanner or reject gate: a name the jobs refer to, its URI (the scheme picks the
     * transport), and a profile name or path (printer and scanner profiles).
     */
    public record Device(String name, URI uri, String profile) {
    }

    /**
     * Rules of the closed loop.
     *
     * @param maxAwaitingVerdict units printed and not yet judged at most (default lookAhead + 6: the
     *                           labels between the printer and the camera)
     * @param allocationChunk    item-level codes allocated at a time, just ahead of need (default 16)
     */
    public record Line(int lookAhead, int consecutiveRejectLimit, boolean challengeAtStart, String minimumGrade,
                       int verdictTimeoutMs, boolean confirmRejects, int maxAwaitingVerdict, int allocationChunk) {
    }

    /**
     * The traceability platform the station pulls codes from and reports to; absent when url is null.
     *
     * @param name                the platform's name as labels print it (default: its host name)
     * @param resolverBase        base of the Digital Links printed from GS1 codes (default: the platform's URL)
     * @param pullIntervalSeconds time between scheduled code pulls
     * @param alarmDays           the low-buffer alarm is raised below this many days of codes
     * @param dailyReportMinutes  time between daily-quantity reports of the current day
     * @param timeoutSeconds      how long one request to the platform may take
     */
    public record Platform(URI url, String token, int bufferDays, int expectedDailyUnits, String name,
                           URI resolverBase, int pullIntervalSeconds, double alarmDays, int dailyReportMinutes,
                           int timeoutSeconds) {

        /** Whether a platform is configured. */
        public boolean present() {
            return url != null;
        }
    }

    /**
     * The packing station (组合多码 cases and pallets); absent when {@code caseSize} is 0.
     *
     * @param caseReader   the reader at the case packer (result strings, like a line scanner)
     * @param labelPrinter the case-label printer
     * @param labelReader  the reader over the case-label printer's exit (result strings)
     * @param template     the parent label template, e.g. {@code case-sscc}
     * @param sscc         the serial references this station may use for SSCCs
     */
    public record Packing(int caseSize, int casesPerPallet, boolean mixJobs, Device caseReader, Device labelPrinter,
                          Device labelReader, String template, io.tracemark.pack.SsccRange sscc) {

        /** No packing station. */
        public static final Packing NONE = new Packing(0, 0, false, null, null, null, null, null);

        /** Whether a packing station is configured. */
        public boolean present() {
            return caseSize > 0;
        }
    }

    /**
     * The 组合多码 component scan station ({@code components:}): a reader (result strings over TCP or serial, like
     * the packing station's case reader) that reads a product unit's code, then its components' codes.
     *
     * @param reader the reader; null when there is no component scan station
     */
    public record ComponentStation(Device reader) {

        /** No component scan station. */
        public static final ComponentStation NONE = new ComponentStation(null);

        /** Whether a component scan station is configured. */
        public boolean present() {
            return reader != null;
        }
    }

    /** A platform-issued opaque code scheme (数字身份码, 质溯码) described by a pattern. */
    public record OpaqueScheme(String name, String pattern) {
    }
}
