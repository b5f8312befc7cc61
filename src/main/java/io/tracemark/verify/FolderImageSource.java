package io.tracemark.verify;

import io.tracemark.core.DeviceException;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;

/**
 * Images a camera uploads into a folder (FTP drop). New files are taken oldest first (modification
 * time, then name). A file is taken only when complete: its size has not changed for {@code settle}
 * and it reads as an image; files still being written, hidden files and {@code .tmp}/{@code .part}
 * names are left until they are. Files present before the source was opened are ignored.
 */
public final class FolderImageSource implements ImageSource {

    private final Path folder;
    private final Duration settle;
    private final WatchService watcher;
    private final Map<Path, long[]> pending = new HashMap<>();
    private final Set<Path> done = new HashSet<>();

    /**
     * @throws DeviceException when the folder cannot be watched
     */
    public FolderImageSource(Path folder, Duration settle) {
        this.folder = folder;
        this.settle = settle;
        try {
            this.watcher = folder.getFileSystem().newWatchService();
            folder.register(watcher, StandardWatchEventKinds.ENTRY_CREATE, StandardWatchEventKinds.ENTRY_MODIFY);
            try (DirectoryStream<Path> existing = Files.newDirectoryStream(folder)) {
                existing.forEach(p -> done.add(p.getFileName()));
            }
        } catch (IOException e) {
            throw new DeviceException(name(), "cannot watch folder: " + e.getMessage(), e);
        }
    }

    @Override
    public String name() {
        return "folder:" + folder;
    }

    @Override
    public Optional<Frame> next(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            Optional<Frame> ready = takeReady();
            if (ready.isPresent()) {
                return ready;
            }
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return Optional.empty();
            }
            // wake for new events, or soon enough to re-check files that are still settling
            long wait = pending.isEmpty() ? left : Math.min(left, Math.max(1_000_000L, settle.toNanos() / 2));
            try {
                WatchKey key = watcher.poll(wait, TimeUnit.NANOSECONDS);
                if (key != null) {
                    key.pollEvents().forEach(ev -> {
                        if (ev.context() instanceof Path name && candidate(name) && !done.contains(name)) {
                            pending.putIfAbsent(name, new long[] {-1, 0});
                        }
                    });
                    if (!key.reset()) {
                        throw new DeviceException(name(), "folder is no longer accessible");
                    }
                }
            } catch (ClosedWatchServiceException e) {
                return Optional.empty();
            }
        }
    }

    private static boolean candidate(Path name) {
        String n = name.toString().toLowerCase(Locale.ROOT);
        return !n.startsWith(".") && !n.endsWith(".tmp") && !n.endsWith(".part")
                && (n.endsWith(".png") || n.endsWith(".jpg") || n.endsWith(".jpeg") || n.endsWith(".bmp")
                || n.endsWith(".gif"));
    }

    private Optional<Frame> takeReady() {
        long now = System.nanoTime();
        Path best = null;
        long bestTime = Long.MAX_VALUE;
        for (Map.Entry<Path, long[]> e : pending.entrySet()) {
            Path file = folder.resolve(e.getKey());
            long size;
            long modified;
            try {
                size = Files.size(file);
                modified = Files.getLastModifiedTime(file).toMillis();
            } catch (IOException gone) {
                continue;
            }
            long[] seen = e.getValue();
            if (seen[0] != size) {
                seen[0] = size;
                seen[1] = now;
                continue;
            }
            if (now - seen[1] >= settle.toNanos() && (best == null || modified < bestTime
                    || (modified == bestTime && e.getKey().compareTo(best) < 0))) {
                best = e.getKey();
                bestTime = modified;
            }
        }
        if (best == null) {
            return Optional.empty();
        }
        Path file = folder.resolve(best);
        try {
            BufferedImage image = ImageIO.read(file.toFile());
            if (image == null) {
                // a partial upload can look settled for a moment: wait for more bytes
                pending.get(best)[1] = now;
                return Optional.empty();
            }
            pending.remove(best);
            done.add(best);
            return Optional.of(new Frame(image, Instant.ofEpochMilli(bestTime), best.toString(), Optional.empty()));
        } catch (IOException e) {
            pending.get(best)[1] = now;
            return Optional.empty();
        }
    }


    @Override
    public void close() {
        try {
            watcher.close();
        } catch (IOException e) {
            // closing
        }
    }
}
