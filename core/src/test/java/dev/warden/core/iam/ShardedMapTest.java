package dev.warden.core.iam;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The directory's snapshot maps: every edit makes a new immutable map and leaves all earlier ones as they were,
 * through growth (re-sharding up), shrinking (re-sharding down) and lookups of absent keys.
 */
class ShardedMapTest {

    @Test
    void everyGenerationKeepsItsOwnContentsThroughRandomEdits() {
        Random random = new Random(42);
        List<ShardedMap<String, Integer>> generations = new ArrayList<>();
        List<Map<String, Integer>> models = new ArrayList<>();
        ShardedMap<String, Integer> current = ShardedMap.empty();
        Map<String, Integer> model = new HashMap<>();
        for (int generation = 0; generation < 60; generation++) {
            ShardedMap.Editor<String, Integer> editor = current.edit();
            // grow for 40 generations (to ~20,000 entries, many re-shardings), then shrink
            int edits = generation < 40 ? random.nextInt(1_000) : 2_000;
            for (int i = 0; i < edits; i++) {
                String key = "key" + random.nextInt(generation < 40 ? 40_000 : 20_000);
                if (generation < 40 && random.nextInt(5) > 0) {
                    editor.put(key, i);
                    model.put(key, i);
                } else {
                    editor.remove(key);
                    model.remove(key);
                }
            }
            current = editor.build();
            generations.add(current);
            models.add(new HashMap<>(model));
        }
        for (int i = 0; i < generations.size(); i++) {
            ShardedMap<String, Integer> map = generations.get(i);
            Map<String, Integer> expected = models.get(i);
            assertThat(map).as("generation %d", i).isEqualTo(expected).hasSize(expected.size());
            expected.forEach((k, v) -> assertThat(map.get(k)).isEqualTo(v));
            assertThat(map.get("absent")).isNull();
            assertThat(map.containsKey("absent")).isFalse();
        }
    }

    @Test
    void anEditOfOneEntryInALargeMapChangesOnlyThatEntry() {
        ShardedMap.Editor<Integer, String> editor = ShardedMap.<Integer, String>empty().edit();
        for (int i = 0; i < 100_000; i++) {
            editor.put(i, "v" + i);
        }
        ShardedMap<Integer, String> before = editor.build();
        ShardedMap.Editor<Integer, String> change = before.edit();
        change.put(7, "changed");
        ShardedMap<Integer, String> after = change.build();

        assertThat(before.get(7)).isEqualTo("v7");
        assertThat(after.get(7)).isEqualTo("changed");
        assertThat(after).hasSize(100_000);
        long sharedEntries = after.entrySet().stream()
                .filter(e -> e.getKey() != 7 && e.getValue() == before.get(e.getKey())).count();
        assertThat(sharedEntries).isEqualTo(99_999);
    }

    @Test
    void theMapCannotBeChangedThroughTheMapInterface() {
        ShardedMap<String, String> map = ShardedMap.copyOf(Map.of("a", "1", "b", "2"));

        assertThatThrownBy(() -> map.put("c", "3")).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> map.remove("a")).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(map::clear).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> map.entrySet().iterator().next().setValue("x"))
                .isInstanceOf(UnsupportedOperationException.class);
        assertThat(map).containsOnly(Map.entry("a", "1"), Map.entry("b", "2"));
    }

    @Test
    void anEditorCannotChangeTheMapItBuilt() {
        ShardedMap.Editor<String, String> editor = ShardedMap.<String, String>empty().edit();
        editor.put("a", "1");
        ShardedMap<String, String> built = editor.build();

        assertThatThrownBy(() -> editor.put("b", "2")).isInstanceOf(IllegalStateException.class);
        assertThat(built).containsOnly(Map.entry("a", "1"));
    }

    @Test
    void nullKeysAndValuesAreRefused() {
        ShardedMap.Editor<String, String> editor = ShardedMap.<String, String>empty().edit();

        assertThatThrownBy(() -> editor.put(null, "1")).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> editor.put("a", null)).isInstanceOf(NullPointerException.class);
        assertThat(ShardedMap.copyOf(Map.of("a", "1")).get(null)).isNull();
    }
}
