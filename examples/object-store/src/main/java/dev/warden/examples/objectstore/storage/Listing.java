package dev.warden.examples.objectstore.storage;

import java.util.List;

/**
 * One page of a listing.
 *
 * @param objects the keys, in S3's order
 * @param commonPrefixes the rolled-up prefixes, in order
 * @param truncated whether more follow
 * @param last the last key or common prefix of this page (where the next page starts after), or {@code null}
 */
public record Listing(List<ObjectMeta> objects, List<String> commonPrefixes, boolean truncated, String last) {

    public Listing {
        objects = List.copyOf(objects);
        commonPrefixes = List.copyOf(commonPrefixes);
    }
}
