package dev.warden.examples.objectstore.storage;

import java.nio.file.Path;

/**
 * Bytes written and synced to a temporary file, not yet part of any object.
 *
 * @param file the temporary file
 * @param size its length
 * @param md5 the MD5 of its bytes
 */
record Staged(Path file, long size, byte[] md5) {
}
