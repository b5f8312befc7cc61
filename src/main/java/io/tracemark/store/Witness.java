package io.tracemark.store;

import io.tracemark.core.StorageException;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.zip.CRC32C;

/**
 * The witness of a station database: its {@link Marks}, kept in a small file beside it
 * ({@code station.witness}) and synced after each commit, so that a database that lost committed
 * transactions is recognised when it is opened again.
 *
 * <p>The file has two slots of {@value #SLOT} bytes, written in turn, each with a write counter, its
 * length and a CRC-32C: a write torn by a power cut spoils at most the slot being written, and the
 * other still holds the marks before it. Each write overwrites a slot in place and syncs the file;
 * the file never changes size after it was made.
 */
public final class Witness implements AutoCloseable {

    /** The file name beside {@code station.db}. */
    public static final String FILE_NAME = "station.witness";
    static final int SLOT = 4096;
    private static final int HEADER = 8 + 4 + 4;

    private final Path file;
    /** A RandomAccessFile, not a FileChannel: an interrupt of the committing thread must not close it. */
    private final RandomAccessFile out;
    private final byte[] slot = new byte[SLOT];
    private long counter;

    private Witness(Path file, RandomAccessFile out, long counter) {
        this.file = file;
        this.out = out;
        this.counter = counter;
    }

    /** The witness file of the data directory {@code dataDir}. */
    public static Path file(Path dataDir) {
        return dataDir.resolve(FILE_NAME);
    }

    /** Opens (creating it with empty marks if missing) the witness file for writing. */
    static Witness open(Path file) {
        try {
            long counter = readSlots(file).map(s -> s.counter).orElse(0L);
            return new Witness(file, new RandomAccessFile(file.toFile(), "rw"), counter);
        } catch (IOException e) {
            throw new StorageException("cannot open the witness " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * The marks last written to {@code file}; empty when the file does not exist.
     *
     * @throws StorageException when the file exists but neither slot holds valid marks
     */
    public static Optional<Marks> read(Path file) {
        try {
            return readSlots(file).map(s -> Marks.decode(s.text));
        } catch (IOException e) {
            throw new StorageException("cannot read the witness " + file + ": " + e.getMessage(), e);
        }
    }

    /** Replaces the marks in {@code file} (restore, accepted loss), making it if missing. */
    public static void replace(Path file, Marks marks) {
        try (Witness witness = open(file)) {
            witness.write(marks);
            witness.write(marks); // both slots: no older marks left behind to be read back
        }
    }

    /** Writes the marks to the next slot and syncs the file. */
    void write(Marks marks) {
        byte[] text = marks.encode().getBytes(StandardCharsets.UTF_8);
        if (text.length > SLOT - HEADER) {
            throw new IllegalArgumentException("marks too long for a witness slot: " + text.length + " bytes");
        }
        long next = counter + 1;
        CRC32C crc = new CRC32C();
        crc.update(text);
        java.util.Arrays.fill(slot, (byte) 0);
        ByteBuffer.wrap(slot).putLong(next).putInt(text.length).putInt((int) crc.getValue()).put(text);
        try {
            out.seek((next % 2) * SLOT);
            out.write(slot);
            out.getFD().sync();
            counter = next;
        } catch (IOException e) {
            throw new StorageException("cannot write the witness " + file + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        try {
            out.close();
        } catch (IOException ignored) {
            // nothing unsynced is left: every write was forced
        }
    }

    private record Slot(long counter, String text) {
    }

    private static Optional<Slot> readSlots(Path file) throws IOException {
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        byte[] bytes = Files.readAllBytes(file);
        Slot best = null;
        for (int at = 0; at + HEADER <= bytes.length; at += SLOT) {
            Slot slot = slot(bytes, at);
            if (slot != null && (best == null || slot.counter > best.counter)) {
                best = slot;
            }
        }
        if (best == null) {
            if (bytes.length == 0) {
                return Optional.of(new Slot(0, "")); // made, never written: a crash right at the first write
            }
            throw new StorageException("the witness " + file + " is damaged (no slot holds valid marks)");
        }
        return Optional.of(best);
    }

    private static Slot slot(byte[] bytes, int at) {
        ByteBuffer b = ByteBuffer.wrap(bytes, at, Math.min(SLOT, bytes.length - at));
        long counter = b.getLong();
        int length = b.getInt();
        int crcValue = b.getInt();
        if (counter <= 0 || length < 0 || length > b.remaining()) {
            return null;
        }
        CRC32C crc = new CRC32C();
        crc.update(bytes, at + HEADER, length);
        if ((int) crc.getValue() != crcValue) {
            return null;
        }
        return new Slot(counter, new String(bytes, at + HEADER, length, StandardCharsets.UTF_8));
    }
}
