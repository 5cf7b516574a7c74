package dev.warden.core.admin;

import dev.warden.core.iam.IamError;
import dev.warden.core.iam.IamException;
import dev.warden.core.iam.Tag;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** AWS's rules for tags: keys unique without regard to case, at most 50 per entity, new values replace old. */
final class Tagging {

    private Tagging() {
    }

    /** {@code tags} if their keys are unique and within the quota. */
    static List<Tag> checked(Call call, List<Tag> tags) throws IamException {
        Set<String> keys = new HashSet<>();
        for (Tag tag : tags) {
            if (!keys.add(tag.key().toLowerCase(Locale.ROOT))) {
                throw new IamException(IamError.INVALID_INPUT, "Duplicate tag keys found. Please note that Tag keys are case insensitive.");
            }
        }
        if (tags.size() > call.quotas().tagsPerEntity()) {
            throw IamException.limitExceeded("TagsPerEntity", call.quotas().tagsPerEntity());
        }
        return tags;
    }

    /** {@code existing} with {@code added} put in (replacing tags of the same key). */
    static List<Tag> merge(Call call, List<Tag> existing, List<Tag> added) throws IamException {
        List<Tag> out = new ArrayList<>(existing);
        for (Tag tag : added) {
            out.removeIf(t -> t.key().equalsIgnoreCase(tag.key()));
            out.add(tag);
        }
        if (out.size() > call.quotas().tagsPerEntity()) {
            throw IamException.limitExceeded("TagsPerEntity", call.quotas().tagsPerEntity());
        }
        return out;
    }

    /** {@code tags} sorted by key, as AWS's List*Tags answer ("The returned list of tags is sorted by tag key"). */
    static List<Tag> byKey(List<Tag> tags) {
        List<Tag> out = new ArrayList<>(tags);
        out.sort(java.util.Comparator.comparing(Tag::key));
        return out;
    }

    /** {@code existing} without the tags whose keys are in {@code keys}. */
    static List<Tag> without(List<Tag> existing, List<String> keys) {
        List<Tag> out = new ArrayList<>(existing);
        out.removeIf(t -> keys.stream().anyMatch(k -> k.equalsIgnoreCase(t.key())));
        return out;
    }
}
