package dev.warden.filter.route;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A route table read from a file and read again when the file changes: at most once per {@code checkEvery}, a
 * request looks at the file's size and modification time, and re-reads it when they moved. An invalid edit is
 * refused with a precise message (logged once) and the last good table stays in force, so a typo never opens or
 * closes the application. Polling rather than a watch service: it works the same on every file system, including
 * network mounts and the atomic renames editors do.
 */
public final class RouteTableFile implements Supplier<RouteTable> {

    private static final Logger LOG = LoggerFactory.getLogger(RouteTableFile.class);

    private final Path file;
    private final long checkEveryMillis;
    private final Clock clock;
    private volatile RouteTable current;
    private volatile long nextCheck;
    private volatile RouteTableException lastRejection;
    private Stamp stamp;
    private String lastText;

    private record Stamp(long size, long modified, Object key) {
    }

    private RouteTableFile(Path file, Duration checkEvery, Clock clock) {
        this.file = file;
        this.checkEveryMillis = checkEvery.toMillis();
        this.clock = clock;
    }

    /**
     * Reads {@code file}, and re-reads it when it changes (looked at no more often than {@code checkEvery}).
     *
     * @throws RouteTableException when the file cannot be read or is invalid: there is no last good table yet
     */
    public static RouteTableFile open(Path file, Duration checkEvery, Clock clock) throws RouteTableException {
        RouteTableFile table = new RouteTableFile(Objects.requireNonNull(file, "file"),
                Objects.requireNonNull(checkEvery, "checkEvery"), Objects.requireNonNull(clock, "clock"));
        synchronized (table) {
            table.stamp = table.stamp();
            table.lastText = RouteTable.readText(file);
            table.current = RouteTable.parse(table.lastText, file.toString());
            table.nextCheck = clock.millis() + table.checkEveryMillis;
        }
        return table;
    }

    /** The table in force: the last good one read from the file. Never throws. */
    @Override
    public RouteTable get() {
        if (clock.millis() >= nextCheck) {
            refresh();
        }
        return current;
    }

    /** Why the latest edit of the file was refused, while it is the file's content; empty once a good edit lands. */
    public Optional<RouteTableException> lastRejection() {
        return Optional.ofNullable(lastRejection);
    }

    private synchronized void refresh() {
        long now = clock.millis();
        if (now < nextCheck) {
            return;
        }
        nextCheck = now + checkEveryMillis;
        Stamp seen = stamp();
        if (seen == null || seen.equals(stamp)) {
            return;
        }
        stamp = seen;
        String text;
        try {
            text = RouteTable.readText(file);
        } catch (RouteTableException e) {
            reject(e);
            return;
        }
        if (text.equals(lastText)) {
            return;
        }
        lastText = text;
        try {
            current = RouteTable.parse(text, file.toString());
            lastRejection = null;
            LOG.info("route table {} reloaded: {} routes", file, current.size());
        } catch (RouteTableException e) {
            reject(e);
        }
    }

    private void reject(RouteTableException e) {
        lastRejection = e;
        LOG.warn("route table edit refused, the previous table stays in force: {}", e.getMessage());
    }

    private Stamp stamp() {
        try {
            BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
            return new Stamp(attributes.size(), attributes.lastModifiedTime().toMillis(), attributes.fileKey());
        } catch (IOException e) {
            return null;
        }
    }
}
