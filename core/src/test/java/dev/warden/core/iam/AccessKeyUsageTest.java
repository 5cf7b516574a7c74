package dev.warden.core.iam;

import dev.warden.core.MovableClock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.warden.core.Warden;
import dev.warden.core.auth.MasterKey;
import dev.warden.core.store.InMemoryDirectoryStore;
import dev.warden.spi.DirectoryStore;
import dev.warden.spi.DocumentChange;
import dev.warden.spi.Principal;
import dev.warden.spi.StoreConflictException;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Access key last use: noted on every authenticated request without waiting, written to the directory at most once
 * per key per 15 minutes, in batches, on another thread; failures never reach the request.
 */
class AccessKeyUsageTest {

    private static final String ACCOUNT = "111122223333";
    private static final Principal ROOT = Principal.of("arn:aws:iam::111122223333:root");
    private static final Instant START = Instant.parse("2026-11-23T12:00:00Z");


    /** An in-memory store that counts commits and can be made to fail them. */
    private static final class CountingStore implements DirectoryStore {
        final InMemoryDirectoryStore delegate = new InMemoryDirectoryStore();
        final AtomicInteger commits = new AtomicInteger();
        volatile boolean failing;

        @Override
        public Map<String, String> readAll() throws IOException {
            return delegate.readAll();
        }

        @Override
        public Map<String, Optional<String>> read(Collection<String> paths) throws IOException {
            return delegate.read(paths);
        }

        @Override
        public void commit(List<DocumentChange> changes) throws IOException, StoreConflictException {
            if (failing) {
                throw new IOException("disk full");
            }
            delegate.commit(changes);
            commits.incrementAndGet();
        }

        @Override
        public void watch(Consumer<Set<String>> listener) {
            delegate.watch(listener);
        }

        @Override
        public void close() throws IOException {
            delegate.close();
        }
    }

    private final MovableClock clock = new MovableClock(START);
    private final CountingStore store = new CountingStore();
    /** The writes handed to the writer, run when the test says. */
    private final List<Runnable> writes = new CopyOnWriteArrayList<>();
    private Warden warden;
    private AccessKeyUsage usage;
    private String aliceKey;
    private String bobKey;

    @BeforeEach
    void setUp() throws Exception {
        warden = Warden.builder().store(store).clock(clock).audit(false, 0).serviceLoaderListeners(false)
                .meterRegistry(new io.micrometer.core.instrument.simple.SimpleMeterRegistry())
                .masterKey(MasterKey.fromBase64(Base64.getEncoder().encodeToString(new byte[32]))).build();
        warden.iam().createAccount(ACCOUNT, null);
        root("CreateUser", "UserName", "alice");
        root("CreateUser", "UserName", "bob");
        aliceKey = root("CreateAccessKey", "UserName", "alice").at("/AccessKey/AccessKeyId").asText();
        bobKey = root("CreateAccessKey", "UserName", "bob").at("/AccessKey/AccessKeyId").asText();
        usage = new AccessKeyUsage(warden.directory(), clock, AccessKeyUsage.INTERVAL, writes::add);
    }

    @AfterEach
    void tearDown() throws Exception {
        warden.close();
    }

    private ObjectNode root(String action, String... params) throws Exception {
        Map<String, String> map = new java.util.LinkedHashMap<>();
        for (int i = 0; i < params.length; i += 2) {
            map.put(params[i], params[i + 1]);
        }
        return warden.iam().call(ROOT, ACCOUNT, action, map);
    }

    private void runWrites() {
        List<Runnable> now = new ArrayList<>(writes);
        writes.clear();
        now.forEach(Runnable::run);
    }

    private AccessKey.LastUsed lastUsed(String user, String keyId) {
        return warden.directory().current().account(ACCOUNT).user(user).accessKeys().stream()
                .filter(k -> k.id().equals(keyId)).findFirst().orElseThrow().lastUsed();
    }

    @Test
    void aBurstOfAThousandUsesWritesOnce() {
        int before = store.commits.get();
        for (int i = 0; i < 1_000; i++) {
            usage.record(aliceKey, "iam", "us-east-1");
            clock.advance(Duration.ofMillis(100)); // 100 s in all: inside one interval
        }
        assertThat(writes).hasSize(1);
        runWrites();
        assertThat(store.commits.get() - before).isEqualTo(1);
    }

    @Test
    void aBurstFromManyThreadsOnTheRealWriterThreadWritesOnce() throws Exception {
        AccessKeyUsage threaded = new AccessKeyUsage(warden.directory(), clock);
        int before = store.commits.get();
        ExecutorService requests = Executors.newFixedThreadPool(8);
        CountDownLatch go = new CountDownLatch(1);
        for (int t = 0; t < 8; t++) {
            requests.execute(() -> {
                try {
                    go.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                for (int i = 0; i < 125; i++) {
                    threaded.record(aliceKey, "s3", "eu-west-1");
                }
            });
        }
        go.countDown();
        requests.shutdown();
        assertThat(requests.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
        threaded.close(); // waits for the writer
        assertThat(store.commits.get() - before).isEqualTo(1);
        assertThat(lastUsed("alice", aliceKey)).isEqualTo(new AccessKey.LastUsed(START, "s3", "eu-west-1"));
    }

    @Test
    void recordingReturnsBeforeAnythingIsWritten() {
        long version = warden.directory().current().version();
        usage.record(aliceKey, "iam", "us-east-1");
        assertThat(warden.directory().current().version()).isEqualTo(version);
        assertThat(lastUsed("alice", aliceKey)).isNull();
        runWrites();
        assertThat(lastUsed("alice", aliceKey)).isNotNull();
    }

    @Test
    void theStoredUseIsTheFirstOfItsIntervalWithItsDateServiceAndRegion() throws Exception {
        clock.advance(Duration.ofMillis(1_700)); // stored to the second, as IAM's dates
        usage.record(aliceKey, "s3", "eu-west-1");
        clock.advance(Duration.ofMinutes(1));
        usage.record(aliceKey, "iam", "us-east-1");
        runWrites();
        assertThat(lastUsed("alice", aliceKey))
                .isEqualTo(new AccessKey.LastUsed(START.plusSeconds(1), "s3", "eu-west-1"));

        ObjectNode answer = root("GetAccessKeyLastUsed", "AccessKeyId", aliceKey);
        assertThat(answer.at("/AccessKeyLastUsed/LastUsedDate").asText()).isEqualTo("2026-11-23T12:00:01Z");
        assertThat(answer.at("/AccessKeyLastUsed/ServiceName").asText()).isEqualTo("s3");
        assertThat(answer.at("/AccessKeyLastUsed/Region").asText()).isEqualTo("eu-west-1");
    }

    @Test
    void theFirstUseAfterTheIntervalIsWrittenAgain() {
        usage.record(aliceKey, "s3", "eu-west-1");
        runWrites();
        clock.advance(AccessKeyUsage.INTERVAL.minusSeconds(1));
        usage.record(aliceKey, "iam", "us-east-1");
        assertThat(writes).isEmpty();
        clock.advance(Duration.ofSeconds(1));
        usage.record(aliceKey, "sts", "us-west-2");
        runWrites();
        assertThat(lastUsed("alice", aliceKey))
                .isEqualTo(new AccessKey.LastUsed(START.plus(AccessKeyUsage.INTERVAL), "sts", "us-west-2"));
    }

    @Test
    void usesOfSeveralKeysShareOneCommit() throws Exception {
        String aliceSecond = root("CreateAccessKey", "UserName", "alice").at("/AccessKey/AccessKeyId").asText();
        int before = store.commits.get();
        usage.record(aliceKey, "s3", "eu-west-1");
        usage.record(aliceSecond, "iam", "us-east-1");
        usage.record(bobKey, "sts", "us-west-2");
        assertThat(writes).hasSize(1);
        runWrites();
        assertThat(store.commits.get() - before).isEqualTo(1);
        assertThat(lastUsed("alice", aliceKey).serviceName()).isEqualTo("s3");
        assertThat(lastUsed("alice", aliceSecond).serviceName()).isEqualTo("iam");
        assertThat(lastUsed("bob", bobKey).serviceName()).isEqualTo("sts");
    }

    @Test
    void theRootUsersKeysAreRecordedInTheAccountInTheSameCommitAsUsersKeys() throws Exception {
        String rootFirst = root("CreateAccessKey").at("/AccessKey/AccessKeyId").asText();
        String rootSecond = root("CreateAccessKey").at("/AccessKey/AccessKeyId").asText();
        int before = store.commits.get();
        usage.record(rootFirst, "iam", "us-east-1");
        usage.record(rootSecond, "s3", "eu-west-1");
        usage.record(aliceKey, "sts", "us-west-2");
        runWrites();
        assertThat(store.commits.get() - before).isEqualTo(1);
        List<AccessKey> rootKeys = warden.directory().current().account(ACCOUNT).root().accessKeys();
        assertThat(rootKeys).extracting(k -> k.lastUsed().serviceName()).containsExactly("iam", "s3");
        assertThat(lastUsed("alice", aliceKey).serviceName()).isEqualTo("sts");
    }

    @Test
    void anUnknownKeyIsIgnored() {
        int before = store.commits.get();
        assertThatCode(() -> {
            usage.record("AKIAAAAAAAAAAAAAAAAA", "iam", "us-east-1");
            runWrites();
        }).doesNotThrowAnyException();
        assertThat(store.commits.get()).isEqualTo(before);
    }

    @Test
    void aKeyDeletedBeforeItsUseIsWrittenIsSkipped() throws Exception {
        usage.record(aliceKey, "iam", "us-east-1");
        usage.record(bobKey, "iam", "us-east-1");
        root("DeleteAccessKey", "UserName", "alice", "AccessKeyId", aliceKey);
        runWrites();
        assertThat(warden.directory().current().account(ACCOUNT).user("alice").accessKeys()).isEmpty();
        assertThat(lastUsed("bob", bobKey)).isNotNull();
    }

    @Test
    void aKeyOfADeletedUserIsSkipped() throws Exception {
        usage.record(bobKey, "iam", "us-east-1");
        root("DeleteAccessKey", "UserName", "bob", "AccessKeyId", bobKey);
        root("DeleteUser", "UserName", "bob");
        int before = store.commits.get();
        runWrites();
        assertThat(store.commits.get()).isEqualTo(before);
        assertThat(warden.directory().current().account(ACCOUNT).user("bob")).isNull();
    }

    @Test
    void temporaryAndMalformedKeysAreNotRecorded() {
        usage.record("ASIAAAAAAAAAAAAAAAAA", "iam", "us-east-1");
        usage.record(null, "iam", "us-east-1");
        usage.record("", "iam", "us-east-1");
        assertThat(writes).isEmpty();
    }

    @Test
    void aFailedWriteIsLoggedNotThrownAndTheNextUseAfterTheIntervalTriesAgain() {
        store.failing = true;
        assertThatCode(() -> {
            usage.record(aliceKey, "iam", "us-east-1");
            runWrites();
        }).doesNotThrowAnyException();
        assertThat(lastUsed("alice", aliceKey)).isNull();

        store.failing = false;
        clock.advance(AccessKeyUsage.INTERVAL);
        usage.record(aliceKey, "s3", "eu-west-1");
        runWrites();
        assertThat(lastUsed("alice", aliceKey).serviceName()).isEqualTo("s3");
    }

    @Test
    void aUseAnotherNodeAlreadyStoredWithinTheIntervalIsNotWrittenAgain() {
        AccessKeyUsage otherNode = new AccessKeyUsage(warden.directory(), clock, AccessKeyUsage.INTERVAL,
                Runnable::run);
        otherNode.record(aliceKey, "s3", "eu-west-1");
        int before = store.commits.get();
        clock.advance(Duration.ofMinutes(5));
        usage.record(aliceKey, "iam", "us-east-1");
        runWrites();
        assertThat(store.commits.get()).isEqualTo(before);
        assertThat(lastUsed("alice", aliceKey).serviceName()).isEqualTo("s3");
    }

    @Test
    void closingWritesWhatIsPendingAndStopsRecording() {
        usage.record(aliceKey, "iam", "us-east-1");
        usage.close();
        assertThat(lastUsed("alice", aliceKey)).isNotNull();
        clock.advance(AccessKeyUsage.INTERVAL);
        writes.clear();
        usage.record(bobKey, "iam", "us-east-1");
        assertThat(writes).isEmpty();
    }

    @Test
    void aWriterThatRefusesWorkDoesNotReachTheRequest() {
        AccessKeyUsage refusing = new AccessKeyUsage(warden.directory(), clock, AccessKeyUsage.INTERVAL, task -> {
            throw new java.util.concurrent.RejectedExecutionException("stopped");
        });
        assertThatCode(() -> refusing.record(aliceKey, "iam", "us-east-1")).doesNotThrowAnyException();
    }
}
