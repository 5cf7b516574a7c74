package dev.warden.core.iam;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Set;

/**
 * An immutable map split into shards, so that a changed copy shares every shard it did not touch. Each directory
 * change makes a new snapshot; with plain maps, changing one user among 100,000 copied 100,000 entries (tens of
 * milliseconds and a heap of garbage per change). Here it copies the shard array and one shard of a few dozen
 * entries. Lookups cost one extra array read over a {@link HashMap}. Keys and values are never {@code null}.
 */
final class ShardedMap<K, V> extends AbstractMap<K, V> {

    /** Entries per shard the layout aims at; a shard is copied whole when one of its entries changes. */
    private static final int TARGET_SHARD_SIZE = 32;
    private static final int MAX_SHARDS = 1 << 14;

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static final ShardedMap<?, ?> EMPTY = new ShardedMap(new Map[] {Map.of()}, 0);

    private final Map<K, V>[] shards;
    private final int shift;
    private final int size;
    private Set<Entry<K, V>> entrySet;

    private ShardedMap(Map<K, V>[] shards, int size) {
        this.shards = shards;
        this.shift = 32 - Integer.numberOfTrailingZeros(shards.length);
        this.size = size;
    }

    @SuppressWarnings("unchecked")
    static <K, V> ShardedMap<K, V> empty() {
        return (ShardedMap<K, V>) EMPTY;
    }

    /** {@code map} itself if it is a sharded map already (they are immutable), else an immutable copy. */
    static <K, V> ShardedMap<K, V> copyOf(Map<? extends K, ? extends V> map) {
        if (map instanceof ShardedMap<?, ?>) {
            @SuppressWarnings("unchecked")
            ShardedMap<K, V> same = (ShardedMap<K, V>) map;
            return same;
        }
        if (map.isEmpty()) {
            return empty();
        }
        Editor<K, V> editor = ShardedMap.<K, V>empty().edit();
        map.forEach(editor::put);
        return editor.build();
    }

    /** An editor that starts from this map and leaves it untouched. */
    Editor<K, V> edit() {
        return new Editor<>(this);
    }

    /**
     * Fibonacci hashing on the high bits: the shards' own hash tables index by the low bits, so sharding by the low
     * bits would pile each shard's keys into one bucket.
     */
    private static int shardOf(Object key, int shift) {
        return shift == 32 ? 0 : (key.hashCode() * 0x9E3779B9) >>> shift;
    }

    @Override
    public V get(Object key) {
        return key == null ? null : shards[shardOf(key, shift)].get(key);
    }

    @Override
    public boolean containsKey(Object key) {
        return key != null && shards[shardOf(key, shift)].containsKey(key);
    }

    @Override
    public int size() {
        return size;
    }

    @Override
    public Set<Entry<K, V>> entrySet() {
        Set<Entry<K, V>> set = entrySet;
        if (set == null) {
            set = new AbstractSet<>() {
                @Override
                public Iterator<Entry<K, V>> iterator() {
                    return new Entries();
                }

                @Override
                public int size() {
                    return size;
                }
            };
            entrySet = set;
        }
        return set;
    }

    private final class Entries implements Iterator<Entry<K, V>> {
        private int shard;
        private Iterator<Entry<K, V>> current = Map.<K, V>of().entrySet().iterator();

        @Override
        public boolean hasNext() {
            while (!current.hasNext()) {
                if (shard == shards.length) {
                    return false;
                }
                current = shards[shard++].entrySet().iterator();
            }
            return true;
        }

        @Override
        public Entry<K, V> next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            // the shards' own entries would let a caller change an immutable map through setValue
            Entry<K, V> entry = current.next();
            return new SimpleImmutableEntry<>(entry);
        }
    }

    /** Accumulates changes; copies a shard the first time it changes it. Not thread-safe; use once. */
    static final class Editor<K, V> {
        private final Map<K, V>[] shards;
        private final boolean[] owned;
        private final int shift;
        private int size;
        private boolean built;

        private Editor(ShardedMap<K, V> base) {
            this.shards = Arrays.copyOf(base.shards, base.shards.length);
            this.owned = new boolean[shards.length];
            this.shift = base.shift;
            this.size = base.size;
        }

        V get(K key) {
            return shards[shardOf(key, shift)].get(key);
        }

        void put(K key, V value) {
            Objects.requireNonNull(key, "key");
            Objects.requireNonNull(value, "value");
            if (writable(key).put(key, value) == null) {
                size++;
            }
        }

        void remove(K key) {
            int shard = shardOf(key, shift);
            if (shards[shard].containsKey(key) && writable(key).remove(key) != null) {
                size--;
            }
        }

        private Map<K, V> writable(K key) {
            if (built) {
                throw new IllegalStateException("this editor built its map already");
            }
            int shard = shardOf(key, shift);
            if (!owned[shard]) {
                shards[shard] = new HashMap<>(shards[shard]);
                owned[shard] = true;
            }
            return shards[shard];
        }

        /** The edited map; re-sharded when its size has moved far from what the layout suits. */
        ShardedMap<K, V> build() {
            built = true;
            int wanted = shardCount(size);
            if (wanted > shards.length * 2 || wanted * 4 < shards.length) {
                return reshard(wanted);
            }
            return new ShardedMap<>(shards, size);
        }

        private ShardedMap<K, V> reshard(int count) {
            @SuppressWarnings("unchecked")
            Map<K, V>[] into = new Map[count];
            int shift = 32 - Integer.numberOfTrailingZeros(count);
            int capacity = (int) Math.ceil(size / (double) count / 0.75) + 1;
            for (int i = 0; i < count; i++) {
                into[i] = new HashMap<>(capacity);
            }
            for (Map<K, V> shard : shards) {
                shard.forEach((k, v) -> into[shardOf(k, shift)].put(k, v));
            }
            return new ShardedMap<>(into, size);
        }

        private static int shardCount(int size) {
            return Math.min(MAX_SHARDS, Integer.highestOneBit(Math.max(1, size / TARGET_SHARD_SIZE)));
        }
    }
}
