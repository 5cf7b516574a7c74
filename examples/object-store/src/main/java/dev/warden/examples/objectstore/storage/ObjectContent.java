package dev.warden.examples.objectstore.storage;

import java.io.Closeable;
import java.io.IOException;
import java.nio.channels.FileChannel;

/**
 * An object opened for reading: its metadata and its bytes, consistent with each other even if the key is
 * overwritten meanwhile (the open file outlives its replacement). Close it.
 *
 * @param meta the object's metadata
 * @param channel its bytes, read-only
 */
public record ObjectContent(ObjectMeta meta, FileChannel channel) implements Closeable {

    @Override
    public void close() throws IOException {
        channel.close();
    }
}
