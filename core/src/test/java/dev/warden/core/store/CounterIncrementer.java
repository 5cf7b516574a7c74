package dev.warden.core.store;

import dev.warden.spi.DirectoryStore;
import dev.warden.spi.DocumentChange;
import dev.warden.spi.StoreConflictException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Increments the counter document {@value #PATH} {@code count} times, each a read-modify-commit retried on
 * conflict. As a child JVM ({@code main(root, count)}) it prints {@code READY} once the store is open, waits for a
 * line on its standard input (so that all children start together), and prints {@code DONE conflicts} at the end.
 */
final class CounterIncrementer {

    static final String PATH = "shared/counter.json";

    private CounterIncrementer() {
    }

    public static void main(String[] args) throws Exception {
        try (FileDirectoryStore store = FileDirectoryStore.open(Path.of(args[0]))) {
            System.out.println("READY");
            System.out.flush();
            new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
            int conflicts = increment(store, Integer.parseInt(args[1]));
            System.out.println("DONE " + conflicts);
        }
    }

    /** Increments {@code count} times; the number of conflicts met (and retried). */
    static int increment(DirectoryStore store, int count) throws IOException {
        int conflicts = 0;
        for (int i = 0; i < count; i++) {
            while (true) {
                Optional<String> current = store.read(List.of(PATH)).get(PATH);
                long value = current.map(Long::parseLong).orElse(0L);
                try {
                    store.commit(List.of(new DocumentChange(PATH, current.orElse(null), Long.toString(value + 1))));
                    break;
                } catch (StoreConflictException e) {
                    conflicts++;
                }
            }
        }
        return conflicts;
    }
}
