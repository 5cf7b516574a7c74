package dev.warden.examples.objectstore.storage;

import java.nio.charset.StandardCharsets;
import java.util.Comparator;

/** S3's rules for object keys: their length limit and their order (UTF-8 binary order, as S3 lists them). */
public final class ObjectKeys {

    /** S3's limit on a key, in bytes of UTF-8. */
    public static final int MAX_BYTES = 1024;

    /**
     * Keys in the order of their UTF-8 bytes, which is the order of their code points; {@link String#compareTo}
     * compares UTF-16 units instead and puts supplementary characters before U+E000..U+FFFF.
     */
    public static final Comparator<String> ORDER = ObjectKeys::compare;

    private ObjectKeys() {
    }

    /** Refuses an empty key or one over {@value #MAX_BYTES} UTF-8 bytes. */
    public static void validate(String key) throws StoreException {
        if (key == null || key.isEmpty()) {
            throw new StoreException(StoreFailure.NO_SUCH_KEY);
        }
        if (key.length() > MAX_BYTES / 3 && key.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
            throw new StoreException(StoreFailure.KEY_TOO_LONG);
        }
    }

    private static int compare(String a, String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            int ca = a.codePointAt(i);
            int cb = b.codePointAt(j);
            if (ca != cb) {
                return Integer.compare(ca, cb);
            }
            i += Character.charCount(ca);
            j += Character.charCount(cb);
        }
        return Integer.compare(a.length() - i, b.length() - j);
    }
}
