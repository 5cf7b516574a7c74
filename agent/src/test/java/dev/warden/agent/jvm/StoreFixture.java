package dev.warden.agent.jvm;

import dev.warden.core.Warden;
import dev.warden.core.store.FileDirectoryStore;
import dev.warden.spi.Principal;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;

/**
 * Writes a Warden store for a child JVM to read, with core's own API (so the documents are exactly what Warden
 * writes): account 111122223333 and its users with inline policies. {@link #close} before starting the child.
 */
final class StoreFixture implements AutoCloseable {

    static final String ACCOUNT = "111122223333";
    private static final Principal ROOT = Principal.of("arn:aws:iam::" + ACCOUNT + ":root");

    private final Path folder;
    private final Warden warden;

    private StoreFixture(Path folder, Warden warden) {
        this.folder = folder;
        this.warden = warden;
    }

    /** A new store in {@code folder} (created if absent) holding the account. */
    static StoreFixture create(Path folder) throws Exception {
        // a registry of its own: fixtures made one after another would register the same meters globally
        Warden warden = Warden.builder().store(FileDirectoryStore.open(folder)).audit(false, 0)
                .serviceLoaderListeners(false).meterRegistry(new SimpleMeterRegistry()).build();
        warden.iam().createAccount(ACCOUNT, null);
        return new StoreFixture(folder, warden);
    }

    /** The store most tests need, in {@code folder}: alice may {@code orders:GetOrder} any order, bob nothing. */
    static void aliceGetsOrdersBobNothing(Path folder) throws Exception {
        try (StoreFixture store = create(folder)) {
            store.user("alice", allow("orders:GetOrder", "arn:aws:orders:*:111122223333:order/*")).user("bob");
        }
    }

    /** Creates the IAM user {@code name}, with no policies. */
    StoreFixture user(String name) throws Exception {
        warden.iam().call(ROOT, ACCOUNT, "CreateUser", Map.of("UserName", name));
        return this;
    }

    /** Creates the IAM user {@code name} with one inline policy, {@code policy} (a JSON policy document). */
    StoreFixture user(String name, String policy) throws Exception {
        user(name);
        warden.iam().call(ROOT, ACCOUNT, "PutUserPolicy", Map.of("UserName", name, "PolicyName", "granted",
                "PolicyDocument", policy));
        return this;
    }

    Path folder() {
        return folder;
    }

    @Override
    public void close() throws IOException {
        warden.close();
    }

    /** A policy document allowing {@code action} on {@code resource}. */
    static String allow(String action, String resource) {
        return """
                {"Version": "2012-10-17", "Statement": [
                  {"Effect": "Allow", "Action": "%s", "Resource": "%s"}]}""".formatted(action, resource);
    }
}
