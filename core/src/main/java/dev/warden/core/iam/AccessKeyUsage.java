package dev.warden.core.iam;

import java.io.Closeable;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Records when, for which service and in which region each long-term ({@code AKIA}) access key was last used: what
 * GetAccessKeyLastUsed and the credential report show. Authentication calls {@link #record} for every verified
 * request; the store is written lazily, as AWS does ("when an access key is used more than once in a 15-minute span,
 * only the first use is recorded"): at most once per key per {@link #INTERVAL}, in the background, so a request
 * never waits for a store write.
 *
 * <p>Uses are batched: one store commit carries every key that became due since the last one. A write that fails
 * is logged and dropped, never reported to the request; the key's first use after the interval tries again. Keys
 * deleted before their use is written are skipped, and a use older than one already stored within the interval
 * (another node's) is not written again. Temporary ({@code ASIA}) keys are not recorded: they are not in the
 * directory. Thread-safe.
 */
public final class AccessKeyUsage implements Closeable {

    /**
     * AWS's granularity, and ours: a key's use is stored at most once per 15 minutes. Each write is a directory change
     * (a new snapshot, compiled policies re-read), so a finer grain would cost every node a reload per busy key.
     */
    public static final Duration INTERVAL = Duration.ofMinutes(15);

    private static final Logger LOG = LoggerFactory.getLogger(AccessKeyUsage.class);

    private final LiveDirectory directory;
    private final Clock clock;
    private final Duration interval;
    private final Executor writer;
    /** The writer thread when this instance owns it, to stop at close; {@code null} when given one. */
    private final ExecutorService ownWriter;
    /** Key id to the time of its last use that was (or is being) written: the throttle. */
    private final Map<String, Instant> recorded = new ConcurrentHashMap<>();
    /** Key id to the use waiting for the next batch. */
    private final Map<String, AccessKey.LastUsed> pending = new ConcurrentHashMap<>();
    private final AtomicBoolean scheduled = new AtomicBoolean();
    private volatile boolean closed;

    /** Records uses in {@code directory} on a single daemon thread of its own, started when first needed. */
    public AccessKeyUsage(LiveDirectory directory, Clock clock) {
        this(directory, clock, INTERVAL, null);
    }

    /**
     * @param writer runs the batched writes; {@code null}: a single daemon thread owned (and stopped) by this instance
     */
    AccessKeyUsage(LiveDirectory directory, Clock clock, Duration interval, Executor writer) {
        this.directory = Objects.requireNonNull(directory, "directory");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.interval = Objects.requireNonNull(interval, "interval");
        if (writer == null) {
            // core 0, max 1: the thread exists only while there is something to write
            ThreadPoolExecutor own = new ThreadPoolExecutor(0, 1, 60, TimeUnit.SECONDS, new LinkedBlockingQueue<>(),
                    task -> {
                        Thread thread = new Thread(task, "warden-access-key-usage");
                        thread.setDaemon(true);
                        return thread;
                    });
            this.writer = own;
            this.ownWriter = own;
        } else {
            this.writer = writer;
            this.ownWriter = null;
        }
    }

    /**
     * Notes that {@code accessKeyId} signed a request for {@code serviceName} (the signing scope's service, e.g.
     * {@code iam}, {@code s3}) in {@code region}. Returns at once and never throws; anything but an {@code AKIA} key
     * is ignored.
     */
    public void record(String accessKeyId, String serviceName, String region) {
        if (closed || accessKeyId == null || !accessKeyId.startsWith("AKIA") || directory.isReadOnly()) {
            return; // a read-only store cannot keep it (GetAccessKeyLastUsed then says what it last held)
        }
        try {
            Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
            Instant last = recorded.get(accessKeyId);
            if (last != null && now.isBefore(last.plus(interval))) {
                return; // the common case: one map read
            }
            boolean won = last == null ? recorded.putIfAbsent(accessKeyId, now) == null
                    : recorded.replace(accessKeyId, last, now);
            if (!won) {
                return; // a concurrent use of the same key is recording it
            }
            pending.put(accessKeyId, new AccessKey.LastUsed(now, serviceName, region));
            schedule();
        } catch (RuntimeException e) {
            LOG.warn("the use of access key {} could not be noted", accessKeyId, e);
        }
    }

    private void schedule() {
        if (scheduled.compareAndSet(false, true)) {
            try {
                writer.execute(this::write);
            } catch (RejectedExecutionException e) {
                scheduled.set(false);
                LOG.debug("access key usage writer stopped; uses not recorded");
            }
        }
    }

    /** Writes every pending use in one directory change. Runs on the writer, or at close. */
    private void write() {
        // cleared before draining: a use noted after this point either is drained now or schedules another write
        scheduled.set(false);
        Map<String, AccessKey.LastUsed> batch = new HashMap<>();
        for (String id : new ArrayList<>(pending.keySet())) {
            AccessKey.LastUsed use = pending.remove(id);
            if (use != null) {
                batch.put(id, use);
            }
        }
        if (batch.isEmpty()) {
            return;
        }
        try {
            directory.update(d -> new LiveDirectory.Result<>(null, changes(d, batch)));
        } catch (IamException | IOException | RuntimeException e) {
            // lazily recorded data: losing one use is acceptable, failing or slowing a request is not
            LOG.warn("could not record the last use of access keys {}; their next use after {} tries again: {}",
                    batch.keySet(), interval, e.toString());
        }
        forgetOlderThan(clock.instant().minus(interval));
    }

    /** The users (and accounts, for their root user's keys) whose keys' last use changes. */
    private Changes changes(Directory d, Map<String, AccessKey.LastUsed> batch) {
        Map<String, User> users = new LinkedHashMap<>();
        Map<String, String> accountOf = new HashMap<>();
        Map<String, Account> roots = new LinkedHashMap<>();
        batch.forEach((id, use) -> {
            Directory.KeyOwner owner = d.accessKeyOwner(id);
            Account account = owner == null ? null : d.account(owner.accountId());
            if (account == null) {
                return; // deleted since it signed the request
            }
            if (owner.isRoot()) {
                Account current = roots.getOrDefault(account.id(), account);
                List<AccessKey> keys = used(current.root().accessKeys(), id, use);
                if (keys != null) {
                    roots.put(account.id(), current.withRoot(current.root().withAccessKeys(keys)));
                }
                return;
            }
            String slot = owner.accountId() + "/" + Account.key(owner.userName());
            User user = users.containsKey(slot) ? users.get(slot) : account.user(owner.userName());
            if (user == null) {
                return;
            }
            List<AccessKey> keys = used(user.accessKeys(), id, use);
            if (keys != null) {
                users.put(slot, user.withAccessKeys(keys));
                accountOf.put(slot, owner.accountId());
            }
        });
        Changes changes = new Changes();
        users.forEach((slot, user) -> changes.put(accountOf.get(slot), user));
        roots.values().forEach(changes::put);
        return changes;
    }

    /**
     * {@code keys} with key {@code id}'s last use set to {@code use}, or {@code null} when the key is gone or its use
     * in this span is already stored (by another node).
     */
    private List<AccessKey> used(List<AccessKey> keys, String id, AccessKey.LastUsed use) {
        List<AccessKey> out = new ArrayList<>(keys);
        for (int i = 0; i < out.size(); i++) {
            AccessKey key = out.get(i);
            if (!key.id().equals(id)) {
                continue;
            }
            if (key.lastUsed() != null && key.lastUsed().date().isAfter(use.date().minus(interval))) {
                return null;
            }
            out.set(i, new AccessKey(key.id(), key.active(), key.createDate(), key.sealedSecret(), use));
            return out;
        }
        return null;
    }

    /** Drops throttle entries that no longer hold anything back, so the map stays as small as the busy keys. */
    private void forgetOlderThan(Instant cutoff) {
        recorded.values().removeIf(when -> !when.isAfter(cutoff));
    }

    /**
     * Stops recording and writes what is pending, waiting up to five seconds for a write in progress. Call before
     * closing the directory.
     */
    @Override
    public void close() {
        closed = true;
        if (ownWriter != null) {
            ownWriter.shutdown();
            try {
                if (!ownWriter.awaitTermination(5, TimeUnit.SECONDS)) {
                    LOG.warn("access key usage writer still busy after 5 s; pending uses may be lost");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        write();
    }
}
