package dev.warden.examples.objectstore.storage;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;

/** Walks a bucket's sorted index for one page of a listing, rolling keys up into common prefixes. */
final class Lister {

    /** Greater than every code point, so {@code prefix + MAX} sorts after every key that starts with the prefix. */
    private static final String MAX = new String(Character.toChars(Character.MAX_CODE_POINT));

    private Lister() {
    }

    static Listing list(NavigableMap<String, ObjectMeta> index, ListQuery query) {
        List<ObjectMeta> objects = new ArrayList<>();
        List<String> prefixes = new ArrayList<>();
        if (query.maxKeys() == 0) {
            return new Listing(objects, prefixes, false, null);
        }
        String prefix = query.prefix();
        String after = query.after();
        boolean startAfter = after != null && ObjectKeys.ORDER.compare(after, prefix) >= 0;
        Iterator<Map.Entry<String, ObjectMeta>> entries = (startAfter ? index.tailMap(after, false)
                : index.tailMap(prefix, true)).entrySet().iterator();
        String last = null;
        String rolledUp = null;
        boolean truncated = false;
        while (entries.hasNext()) {
            Map.Entry<String, ObjectMeta> entry = entries.next();
            String key = entry.getKey();
            if (!key.startsWith(prefix)) {
                break;
            }
            if (rolledUp != null && key.startsWith(rolledUp)) {
                continue;
            }
            String commonPrefix = commonPrefix(key, prefix, query.delimiter());
            if (commonPrefix != null && after != null && ObjectKeys.ORDER.compare(commonPrefix, after) <= 0) {
                // rolled up on an earlier page: the marker was this prefix or a key inside it
                rolledUp = commonPrefix;
                continue;
            }
            if (objects.size() + prefixes.size() == query.maxKeys()) {
                truncated = true;
                break;
            }
            if (commonPrefix != null) {
                prefixes.add(commonPrefix);
                last = commonPrefix;
                rolledUp = commonPrefix;
                // skip the keys under it without visiting them
                entries = index.tailMap(commonPrefix + MAX, true).entrySet().iterator();
            } else {
                objects.add(entry.getValue());
                last = key;
            }
        }
        return new Listing(objects, prefixes, truncated, last);
    }

    private static String commonPrefix(String key, String prefix, String delimiter) {
        if (delimiter == null) {
            return null;
        }
        int at = key.indexOf(delimiter, prefix.length());
        return at < 0 ? null : key.substring(0, at + delimiter.length());
    }
}
