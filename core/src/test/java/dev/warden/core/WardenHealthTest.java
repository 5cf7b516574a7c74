package dev.warden.core;

import static org.assertj.core.api.Assertions.assertThat;

import dev.warden.core.store.FailingReadsStore;
import dev.warden.core.store.FileDirectoryStore;
import dev.warden.spi.DocumentChange;
import dev.warden.spi.StoredDocuments;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link Warden#health()}: {@code ok} for a readable store (read-only included, reported as not writable),
 * {@code degraded} while documents cannot be used (tested with the quarantine), {@code failing} while the store
 * cannot be read at all, recovering by itself once it can.
 */
class WardenHealthTest {

    @TempDir
    Path root;

    @Test
    void a_readable_store_is_ok_and_a_read_only_one_is_ok_but_not_writable() throws Exception {
        SampleStore.create(root);
        try (Warden warden = SampleStore.open(root, new SimpleMeterRegistry())) {
            Health health = warden.health();
            assertThat(health.status()).isEqualTo(Health.Status.OK);
            assertThat(health.storeReadable()).isTrue();
            assertThat(health.storeWritable()).isTrue();
            assertThat(health.unreadableDocuments()).isEmpty();
            assertThat(health.lastReloadFailure()).isNull();
            assertThat(health.decisionErrors()).isZero();
        }
        try (Warden warden = Warden.builder().store(FileDirectoryStore.openReadOnly(root)).audit(false, 0)
                .meterRegistry(new SimpleMeterRegistry()).build()) {
            assertThat(warden.health().status()).isEqualTo(Health.Status.OK);
            assertThat(warden.health().storeWritable()).isFalse();
        }
    }

    @Test
    void a_store_that_cannot_be_read_is_failing_until_it_can_again() throws Exception {
        FailingReadsStore store = new FailingReadsStore();
        try (Warden warden = Warden.builder().store(store).audit(false, 0).meterRegistry(new SimpleMeterRegistry())
                .build()) {
            store.failing(true);
            store.changed(Set.of("accounts/111122223333/users/alice.json"));

            Health failing = warden.health();
            assertThat(failing.status()).isEqualTo(Health.Status.FAILING);
            assertThat(failing.storeReadable()).isFalse();
            assertThat(failing.storeReadFailure().message()).isEqualTo(FailingReadsStore.FAILURE);
            assertThat(failing.lastReloadFailure().message()).isEqualTo(failing.storeReadFailure().message());

            store.failing(false);
            Thread.sleep(1_100); // health reads the store again at most once a second
            Health recovered = warden.health();
            assertThat(recovered.status()).isEqualTo(Health.Status.OK);
            assertThat(recovered.storeReadFailure()).isNull();
            assertThat(recovered.lastReloadFailure()).as("history kept").isNotNull();
        }
    }

    @Test
    void the_default_tolerant_read_of_a_store_reports_nothing_unreadable() throws Exception {
        FailingReadsStore store = new FailingReadsStore();
        store.commit(List.of(DocumentChange.create("a.json", "{}")));
        StoredDocuments read = store.readAllDocuments();
        assertThat(read.readable()).containsOnlyKeys("a.json");
        assertThat(read.unreadable()).isEmpty();
    }
}
