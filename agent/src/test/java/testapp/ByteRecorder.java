package testapp;

import java.io.IOException;
import java.io.InputStream;
import java.lang.instrument.ClassFileTransformer;
import java.lang.instrument.Instrumentation;
import java.security.ProtectionDomain;
import java.util.Arrays;
import java.util.Set;

/**
 * A second Java agent, given after the Warden agent: its transformer is registered after Warden's, so the JVM hands
 * it the bytes Warden's transformer produced. For each watched class it prints whether those bytes still equal the
 * class file on the class path ({@code bytes NAME: unchanged}) or not ({@code changed}).
 */
public final class ByteRecorder {

    private ByteRecorder() {
    }

    /** {@code options}: the watched class names, separated by {@code ;}. */
    public static void premain(String options, Instrumentation instrumentation) {
        Set<String> watched = Set.of(options.split(";"));
        instrumentation.addTransformer(new ClassFileTransformer() {
            @Override
            public byte[] transform(ClassLoader loader, String name, Class<?> redefined, ProtectionDomain domain,
                                    byte[] bytes) {
                if (name != null && loader != null && watched.contains(name.replace('/', '.'))) {
                    System.out.println("bytes " + name.replace('/', '.') + ": " + compare(loader, name, bytes));
                }
                return null; // records, never changes
            }
        }, true);
    }

    private static String compare(ClassLoader loader, String name, byte[] defined) {
        try (InputStream in = loader.getResourceAsStream(name + ".class")) {
            if (in == null) {
                return "no class file";
            }
            return Arrays.equals(in.readAllBytes(), defined) ? "unchanged" : "changed";
        } catch (IOException e) {
            return "unreadable: " + e;
        }
    }
}
