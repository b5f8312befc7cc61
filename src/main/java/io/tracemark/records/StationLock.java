package io.tracemark.records;

import io.tracemark.core.StorageException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * The station's hold on its data directory: an exclusive lock on {@code station.lock} (with the
 * holder's pid in it) for as long as the station runs. The operating system drops it when the
 * process ends, kill -9 included, so a stale file never blocks. A restore takes the same lock: it
 * refuses a directory a station runs on, and a station cannot start while a restore runs.
 */
public final class StationLock implements AutoCloseable {

    /** The file name in the data directory. */
    public static final String FILE_NAME = "station.lock";

    private final FileChannel channel;
    private final FileLock lock;

    private StationLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    /**
     * Takes the lock of {@code dataDir} (made if missing).
     *
     * @param purpose what the caller does, for the message ("start", "restore")
     * @throws StorageException when another process (or this one) holds it: a station runs there
     */
    public static StationLock take(Path dataDir, String purpose) {
        Path file = dataDir.resolve(FILE_NAME);
        FileChannel channel = null;
        try {
            Files.createDirectories(dataDir);
            channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
            FileLock lock;
            try {
                lock = channel.tryLock();
            } catch (OverlappingFileLockException sameProcess) {
                lock = null;
            }
            if (lock == null) {
                String holder = Files.readString(file, StandardCharsets.UTF_8).trim();
                channel.close();
                throw new StorageException("cannot " + purpose + ": a station is running on " + dataDir
                        + (holder.isEmpty() ? "" : " (pid " + holder + ")") + "; stop it first");
            }
            channel.truncate(0);
            channel.write(ByteBuffer.wrap(Long.toString(ProcessHandle.current().pid()).getBytes(StandardCharsets.UTF_8)), 0);
            return new StationLock(channel, lock);
        } catch (IOException e) {
            if (channel != null) {
                try {
                    channel.close();
                } catch (IOException ignored) {
                    // failing anyway
                }
            }
            throw new StorageException("cannot lock " + file + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        try {
            lock.release();
            channel.close();
        } catch (IOException ignored) {
            // the lock goes with the channel
        }
    }
}
