package dev.warden.core.iam;

import static dev.warden.core.iam.Samples.ACCOUNT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.warden.core.store.InMemoryDirectoryStore;
import dev.warden.spi.DirectoryStore;
import dev.warden.spi.DocumentChange;
import dev.warden.spi.StoreConflictException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The live directory over a store: compare-and-swap writes retried on fresh state when another writer won, outside
 * changes picked up as the store reports them, bad documents rejected while the last good state stays.
 */
class LiveDirectoryTest {

    private static final String BOB = DirectoryCodec.userPath(ACCOUNT, "bob");

    /** An in-memory store whose watcher the test calls, and which can refuse commits. */
    private static final class TestStore implements DirectoryStore {
        final InMemoryDirectoryStore delegate = new InMemoryDirectoryStore();
        Consumer<Set<String>> watcher;
        int refuse;
        int commits;

        @Override
        public Map<String, String> readAll() {
            return delegate.readAll();
        }

        @Override
        public Map<String, Optional<String>> read(Collection<String> paths) {
            return delegate.read(paths);
        }

        @Override
        public void commit(List<DocumentChange> changes) throws StoreConflictException {
            if (refuse > 0) {
                refuse--;
                throw new StoreConflictException(changes.get(0).path());
            }
            delegate.commit(changes);
            commits++;
        }

        @Override
        public void watch(Consumer<Set<String>> listener) {
            watcher = listener;
        }

        @Override
        public void close() {
        }

        /** Another process writes. */
        void outside(String path, String text) throws StoreConflictException {
            String current = delegate.readAll().get(path);
            delegate.commit(List.of(new DocumentChange(path, current, text)));
        }
    }

    private TestStore store;
    private LiveDirectory live;

    @BeforeEach
    void setUp() throws Exception {
        store = new TestStore();
        store.delegate.commit(List.of(DocumentChange.create(DirectoryCodec.accountPath(ACCOUNT),
                DirectoryCodec.encode(Samples.account()))));
        live = LiveDirectory.open(store, "aws", Map.of());
    }

    private static User bob(String path) {
        return new User("bob", path, "AIDAEXAMPLEUSER00002", Samples.CREATED, List.of(), List.of(), List.of(), Map.of(),
                null, List.of());
    }

    @Test
    void anUpdateCommitsItsChangesAndSwapsTheSnapshot() throws Exception {
        Directory before = live.current();
        String result = live.update(d -> new LiveDirectory.Result<>("done", new Changes().put(ACCOUNT, bob("/"))));
        assertThat(result).isEqualTo("done");
        assertThat(store.commits).isEqualTo(1);
        assertThat(live.current().version()).isEqualTo(before.version() + 1);
        assertThat(live.current().account(ACCOUNT).user("bob")).isEqualTo(bob("/"));
        assertThat(before.account(ACCOUNT).user("bob")).isNull();
    }

    @Test
    void anUpdateWithNothingToWriteCommitsNothing() throws Exception {
        Directory before = live.current();
        Integer answer = live.update(d -> new LiveDirectory.Result<>(42, new Changes()));
        assertThat(answer).isEqualTo(42);
        assertThat(store.commits).isZero();
        assertThat(live.current()).isSameAs(before);
    }

    @Test
    void aFailingMutationWritesNothing() {
        Directory before = live.current();
        assertThatThrownBy(() -> live.update(d -> {
            throw IamException.noSuchEntity("The user with name x cannot be found.");
        })).isInstanceOf(IamException.class);
        assertThat(store.commits).isZero();
        assertThat(live.current()).isSameAs(before);
    }

    @Test
    void whenAnotherWriterWonTheMutationRunsAgainOnFreshState() throws Exception {
        store.outside(BOB, DirectoryCodec.encode(bob("/ops/")));
        AtomicInteger attempts = new AtomicInteger();
        String result = live.update(d -> {
            attempts.incrementAndGet();
            User existing = d.account(ACCOUNT).user("bob");
            return new LiveDirectory.Result<>(existing == null ? "created" : "moved " + existing.path(),
                    new Changes().put(ACCOUNT, bob("/eng/")));
        });
        assertThat(attempts).hasValue(2);
        assertThat(result).isEqualTo("moved /ops/");
        assertThat(live.current().account(ACCOUNT).user("bob").path()).isEqualTo("/eng/");
        assertThat(store.readAll().get(BOB)).contains("\"/eng/\"");
    }

    @Test
    void writersThatKeepLosingGiveUpWithConcurrentModification() {
        store.refuse = Integer.MAX_VALUE;
        AtomicInteger attempts = new AtomicInteger();
        assertThatThrownBy(() -> live.update(d -> {
            attempts.incrementAndGet();
            return new LiveDirectory.Result<>(null, new Changes().put(ACCOUNT, bob("/")));
        })).isInstanceOfSatisfying(IamException.class, e -> {
            assertThat(e.error()).isEqualTo(IamError.CONCURRENT_MODIFICATION);
            assertThat(e.getMessage()).isEqualTo("The request was rejected because it conflicted with another change; "
                    + "retry it.");
        });
        assertThat(attempts).hasValue(8);
        assertThat(live.current().account(ACCOUNT).user("bob")).isNull();
    }

    @Test
    void outsideChangesAreReloadedAndReported() throws Exception {
        List<Set<String>> reloaded = new ArrayList<>();
        List<List<StoreDocumentException>> rejections = new ArrayList<>();
        live.addReloadListener((d, paths, rejected) -> {
            reloaded.add(paths);
            rejections.add(rejected);
        });

        store.outside(BOB, DirectoryCodec.encode(bob("/")));
        store.watcher.accept(Set.of(BOB));
        assertThat(live.current().account(ACCOUNT).user("bob")).isEqualTo(bob("/"));
        assertThat(reloaded).containsExactly(Set.of(BOB));
        assertThat(rejections.get(0)).isEmpty();

        store.outside(BOB, DirectoryCodec.encode(bob("/")).replace("\"path\": \"/\"", "\"path\": \"nope\""));
        store.watcher.accept(Set.of(BOB));
        assertThat(live.current().account(ACCOUNT).user("bob")).as("last good state").isEqualTo(bob("/"));
        assertThat(rejections.get(1)).singleElement().satisfies(e -> {
            assertThat(e.path()).isEqualTo(BOB);
            assertThat(e.pointer()).isEqualTo("/path");
        });

        store.outside(BOB, null);
        store.watcher.accept(Set.of());
        assertThat(live.current().account(ACCOUNT).user("bob")).as("a full rescan sees the deletion").isNull();
        assertThat(live.current().rejected()).isEmpty();
    }

    @Test
    void anUnchangedDocumentIsNoReload() throws IOException {
        List<Set<String>> reloaded = new ArrayList<>();
        live.addReloadListener((d, paths, rejected) -> reloaded.add(paths));
        Directory before = live.current();
        store.watcher.accept(Set.of(DirectoryCodec.accountPath(ACCOUNT)));
        assertThat(reloaded).isEmpty();
        assertThat(live.current()).isSameAs(before);
        live.close();
    }
}
