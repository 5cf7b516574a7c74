package dev.warden.core;

import dev.warden.spi.Decision;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Decisions of one principal's policies at one directory version, by action and resource, for policies that read
 * no condition keys (so the answer cannot depend on anything else). Bounded: past its size it starts again empty,
 * which costs decisions, never correctness. Actions come first because they are the same few strings on every call
 * (their hash codes are cached); resources are hashed once per lookup.
 */
final class DecisionCache {

    static final int MAX_ENTRIES = 4096;

    private final ConcurrentHashMap<String, ConcurrentHashMap<String, Decision>> byAction = new ConcurrentHashMap<>();
    private int size; // racy: a rough bound is enough

    Decision get(String action, String resource) {
        ConcurrentHashMap<String, Decision> byResource = byAction.get(action);
        return byResource == null ? null : byResource.get(resource);
    }

    void put(String action, String resource, Decision decision) {
        if (++size > MAX_ENTRIES) {
            byAction.clear();
            size = 0;
        }
        byAction.computeIfAbsent(action, a -> new ConcurrentHashMap<>()).put(resource, decision);
    }
}
