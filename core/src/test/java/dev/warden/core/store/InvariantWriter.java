package dev.warden.core.store;

import dev.warden.spi.DocumentChange;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Commits, in a loop and forever, multi-document changes with a checkable invariant, and prints {@code ACK N}
 * after each commit returns: commit N writes {@code a.json}, {@code b.json} and {@code dir/c.json} all holding
 * {@code N} (with padding of random length, up to 24 KB, so that writes take varied time), deletes
 * {@code marks/N-1.json} and creates {@code marks/N.json}. The crash and consistency tests run it in a child JVM
 * ({@code main(root, seed)}; a third argument stops after that many commits) and check {@link #check} on what they
 * read.
 */
final class InvariantWriter {

    static final List<String> COUNTED = List.of("a.json", "b.json", "dir/c.json");
    private static final Pattern COUNTER = Pattern.compile("\\{\"n\":(\\d+),\"pad\":\"x*\"}");
    private static final Pattern MARK = Pattern.compile("marks/(\\d+)\\.json");

    private InvariantWriter() {
    }

    public static void main(String[] args) throws Exception {
        Thread orphan = new Thread(() -> { // stop when the parent is gone (its end of our standard input closes)
            try {
                while (System.in.read() >= 0) {
                    // nothing is sent
                }
            } catch (java.io.IOException e) {
                // the same: no parent
            }
            Runtime.getRuntime().halt(3);
        });
        orphan.setDaemon(true);
        orphan.start();
        Random random = new Random(Long.parseLong(args[1]));
        try (FileDirectoryStore store = FileDirectoryStore.open(Path.of(args[0]))) {
            Map<String, String> documents = new HashMap<>(store.readAll());
            long n = check(documents);
            long stopAt = args.length > 2 ? n + Long.parseLong(args[2]) : Long.MAX_VALUE;
            while (n < stopAt) {
                List<DocumentChange> changes = next(documents, n, random);
                store.commit(changes);
                apply(documents, changes);
                n++;
                System.out.println("ACK " + n);
            }
        }
    }

    /** The first commit of a new store: N = 0. */
    static List<DocumentChange> initial() {
        List<DocumentChange> changes = new ArrayList<>();
        for (String path : COUNTED) {
            changes.add(DocumentChange.create(path, counter(0, 0)));
        }
        changes.add(DocumentChange.create("marks/0.json", "{\"n\":0}"));
        return changes;
    }

    /** Commit N + 1, given the documents of state N. */
    static List<DocumentChange> next(Map<String, String> documents, long n, Random random) {
        int pad = random.nextInt(4) == 0 ? random.nextInt(24_000) : random.nextInt(500);
        List<DocumentChange> changes = new ArrayList<>();
        for (String path : COUNTED) {
            changes.add(DocumentChange.replace(path, documents.get(path), counter(n + 1, pad)));
        }
        changes.add(DocumentChange.delete("marks/" + n + ".json", documents.get("marks/" + n + ".json")));
        changes.add(DocumentChange.create("marks/" + (n + 1) + ".json", "{\"n\":" + (n + 1) + "}"));
        return changes;
    }

    static void apply(Map<String, String> documents, List<DocumentChange> changes) {
        for (DocumentChange change : changes) {
            if (change.replacement() == null) {
                documents.remove(change.path());
            } else {
                documents.put(change.path(), change.replacement());
            }
        }
    }

    private static String counter(long n, int pad) {
        return "{\"n\":" + n + ",\"pad\":\"" + "x".repeat(pad) + "\"}";
    }

    /**
     * Checks the invariant on everything read and returns N.
     *
     * @throws AssertionError naming what broke
     */
    static long check(Map<String, String> documents) {
        Set<String> paths = documents.keySet();
        long n = -1;
        for (String path : COUNTED) {
            String content = documents.get(path);
            if (content == null) {
                throw new AssertionError("missing " + path + " in " + paths);
            }
            Matcher matcher = COUNTER.matcher(content);
            if (!matcher.matches()) {
                throw new AssertionError(path + " is damaged: " + abbreviate(content));
            }
            long value = Long.parseLong(matcher.group(1));
            if (n >= 0 && value != n) {
                throw new AssertionError("partial commit seen: " + COUNTED.get(0) + " holds " + n + ", " + path
                        + " holds " + value);
            }
            n = value;
        }
        List<String> marks = new ArrayList<>();
        for (String path : paths) {
            Matcher matcher = MARK.matcher(path);
            if (matcher.matches()) {
                marks.add(path);
                if (Long.parseLong(matcher.group(1)) != n) {
                    throw new AssertionError("partial commit seen: counters hold " + n + " but " + path + " exists");
                }
                if (!documents.get(path).equals("{\"n\":" + n + "}")) {
                    throw new AssertionError(path + " is damaged: " + abbreviate(documents.get(path)));
                }
            } else if (!COUNTED.contains(path)) {
                throw new AssertionError("unexpected document " + path);
            }
        }
        if (marks.size() != 1) {
            throw new AssertionError("expected one mark for " + n + ", found " + marks);
        }
        return n;
    }

    private static String abbreviate(String content) {
        return content.length() <= 80 ? content : content.substring(0, 80) + "... (" + content.length() + " chars)";
    }
}
