package dev.warden.agent.internal;

import java.util.Arrays;

/**
 * Every checkpoint woven so far, by the id compiled into its method. Ids only grow; a call reads one array slot.
 */
public final class Checkpoints {

    private volatile Checkpoint[] all = new Checkpoint[64];
    private int size;

    public synchronized int add(Checkpoint checkpoint) {
        if (size == all.length) {
            all = Arrays.copyOf(all, size * 2);
        }
        Checkpoint[] current = all;
        current[size] = checkpoint;
        all = current; // publish the slot
        return size++;
    }

    /** The checkpoint {@code id}, or {@code null} for an id this agent never gave (code woven by an earlier agent). */
    Checkpoint get(int id) {
        Checkpoint[] current = all;
        return id >= 0 && id < current.length ? current[id] : null;
    }

    public synchronized int size() {
        return size;
    }
}
