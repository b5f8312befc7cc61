package io.tracemark.cli;

import io.tracemark.records.archive.ArchiveRun;
import io.tracemark.store.Database;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;

/**
 * {@code ArchiveKillChild DATA STEP}: an archive run that stops at STEP (prints {@code AT STEP} and waits) so
 * that {@link ArchiveKillTest} can kill it there with SIGKILL.
 */
public final class ArchiveKillChild {

    private ArchiveKillChild() {
    }

    public static void main(String[] args) throws Exception {
        ArchiveRun.Step at = ArchiveRun.Step.valueOf(args[1]);
        try (Database db = Database.open(Path.of(args[0]))) {
            new ArchiveRun(db, Duration.ofDays(90), Clock.systemUTC(), (step, name) -> {
                if (step == at) {
                    System.out.println("AT " + step + " " + name);
                    System.out.flush();
                    try {
                        Thread.sleep(Long.MAX_VALUE);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
            }).run();
        }
        System.out.println("DONE");
    }
}
