package dev.warden.agent.internal.weave;

import java.nio.charset.StandardCharsets;

/**
 * Looks for names in a class file's bytes before anything parses it. A class that uses {@code @Authorize} holds the
 * annotation's descriptor in its constant pool; a class without it cannot need weaving for it. Most classes of an
 * application are dismissed here in microseconds.
 */
final class ClassBytes {

    private ClassBytes() {
    }

    static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /** Whether {@code needle} occurs in {@code haystack}. */
    static boolean contains(byte[] haystack, byte[] needle) {
        byte first = needle[0];
        int last = haystack.length - needle.length;
        outer:
        for (int i = 0; i <= last; i++) {
            if (haystack[i] != first) {
                continue;
            }
            for (int j = 1; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }
}
