package dev.warden.core.store;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;

/**
 * The write-ahead journal of a {@link FileDirectoryStore}: {@code .warden/journal/ID.json}, one entry per commit in
 * flight, holding every change with its full new content. An entry is written to {@code .warden/tmp/}, synced and
 * renamed into the journal (the commit point: a commit whose entry is in the journal happened), then applied and
 * removed. A crash leaves at most a complete entry, which recovery applies again (applying is idempotent), and
 * incomplete temporary files, which recovery deletes.
 *
 * <p>Entry format: {@code {"format": 1, "changes": [{"path": "a/b.json", "content": "..." | null}, ...]}}, with
 * {@code null} content for a deletion. Only the process holding the store's exclusive lock touches the journal.
 */
final class Journal {

    private static final JsonFactory JSON = new JsonFactory();
    private static final String SUFFIX = ".json";

    /** One change of an entry: the document's path, its file, and its new content ({@code null}: deleted). */
    record Change(String path, Path file, byte[] content) {
    }

    private final Path root;
    private final Path folder;
    private final Path temporary;

    Journal(Path root, Path folder, Path temporary) {
        this.root = root;
        this.folder = folder;
        this.temporary = temporary;
    }

    /** Durably records {@code changes} as entry {@code id}: the commit point. Returns the entry's file. */
    Path record(String id, List<Change> changes) throws IOException {
        Path staged = temporary.resolve(id + SUFFIX);
        Path entry = folder.resolve(id + SUFFIX);
        DurableFiles.write(staged, encode(changes));
        try {
            Files.move(staged, entry, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw DurableFiles.withPath(entry, "cannot record journal entry", e);
        }
        DurableFiles.syncFolder(folder);
        return entry;
    }

    /** Durably removes an applied (or abandoned) entry. */
    void remove(Path entry) throws IOException {
        try {
            Files.deleteIfExists(entry);
        } catch (IOException e) {
            throw DurableFiles.withPath(entry, "cannot remove journal entry", e);
        }
        DurableFiles.syncFolder(folder);
    }

    /** Whether an entry waits to be applied (a writer died after its commit point, or is applying it now). */
    boolean hasEntries() throws IOException {
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(folder)) {
            for (Path entry : entries) {
                if (isEntry(entry)) {
                    return true;
                }
            }
            return false;
        } catch (NoSuchFileException e) {
            return false; // a read-only store that never had a writer: no journal at all
        } catch (IOException e) {
            throw DurableFiles.withPath(folder, "cannot list the journal", e);
        }
    }

    /** The entries waiting to be applied, oldest first. */
    List<Path> entries() throws IOException {
        List<Path> found = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(folder)) {
            for (Path entry : entries) {
                if (isEntry(entry)) {
                    found.add(entry);
                }
            }
        } catch (NoSuchFileException e) {
            return found;
        } catch (IOException e) {
            throw DurableFiles.withPath(folder, "cannot list the journal", e);
        }
        found.sort(null);
        return found;
    }

    /** Deletes what an interrupted writer left in {@code .warden/tmp/} before its commit point. */
    int clearTemporaryFiles() throws IOException {
        int deleted = 0;
        try (DirectoryStream<Path> files = Files.newDirectoryStream(temporary)) {
            for (Path file : files) {
                Files.deleteIfExists(file);
                deleted++;
            }
        } catch (IOException e) {
            throw DurableFiles.withPath(temporary, "cannot clear temporary files", e);
        }
        return deleted;
    }

    /** The identifier (file name without suffix) of an entry. */
    static String id(Path entry) {
        String name = entry.getFileName().toString();
        return name.substring(0, name.length() - SUFFIX.length());
    }

    private static boolean isEntry(Path file) {
        String name = file.getFileName().toString();
        return name.endsWith(SUFFIX) && !DocumentPaths.isHidden(name);
    }

    static byte[] encode(List<Change> changes) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(256);
        try (JsonGenerator json = JSON.createGenerator(bytes, JsonEncoding.UTF8)) {
            json.writeStartObject();
            json.writeNumberField("format", 1);
            json.writeArrayFieldStart("changes");
            for (Change change : changes) {
                json.writeStartObject();
                json.writeStringField("path", change.path());
                json.writeFieldName("content");
                if (change.content() == null) {
                    json.writeNull();
                } else {
                    json.writeUTF8String(change.content(), 0, change.content().length);
                }
                json.writeEndObject();
            }
            json.writeEndArray();
            json.writeEndObject();
        }
        bytes.write('\n');
        return bytes.toByteArray();
    }

    /** The changes of a recorded entry; refuses an entry that is not one (with the file and the reason). */
    List<Change> read(Path entry) throws IOException {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(entry);
        } catch (IOException e) {
            throw DurableFiles.withPath(entry, "cannot read journal entry", e);
        }
        try {
            return decode(bytes);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw new IOException(entry + ": corrupt journal entry (a commit that may not have been applied; "
                    + "repair or remove it by hand): " + e.getMessage(), e);
        }
    }

    private List<Change> decode(byte[] bytes) throws IOException {
        List<Change> changes = new ArrayList<>();
        boolean formatSeen = false;
        try (JsonParser json = JSON.createParser(bytes)) {
            expect(json.nextToken() == JsonToken.START_OBJECT, "not a JSON object");
            while (json.nextToken() == JsonToken.FIELD_NAME) {
                String field = json.currentName();
                JsonToken value = json.nextToken();
                if (field.equals("format")) {
                    expect(value == JsonToken.VALUE_NUMBER_INT && json.getIntValue() == 1, "unsupported format");
                    formatSeen = true;
                } else if (field.equals("changes")) {
                    expect(value == JsonToken.START_ARRAY, "changes is not an array");
                    while (json.nextToken() == JsonToken.START_OBJECT) {
                        changes.add(decodeChange(json));
                    }
                    expect(json.currentToken() == JsonToken.END_ARRAY, "changes is not an array of objects");
                } else {
                    json.skipChildren();
                }
            }
            expect(json.currentToken() == JsonToken.END_OBJECT && json.nextToken() == null, "trailing content");
        }
        expect(formatSeen, "no format");
        return changes;
    }

    private Change decodeChange(JsonParser json) throws IOException {
        String path = null;
        String content = null;
        boolean contentSeen = false;
        while (json.nextToken() == JsonToken.FIELD_NAME) {
            String field = json.currentName();
            JsonToken value = json.nextToken();
            if (field.equals("path")) {
                expect(value == JsonToken.VALUE_STRING, "path is not a string");
                path = json.getText();
            } else if (field.equals("content")) {
                expect(value == JsonToken.VALUE_STRING || value == JsonToken.VALUE_NULL, "content is not a string");
                content = value == JsonToken.VALUE_NULL ? null : json.getText();
                contentSeen = true;
            } else {
                json.skipChildren();
            }
        }
        expect(path != null, "a change has no path");
        expect(contentSeen, "a change has no content");
        DocumentPaths.check(path);
        return new Change(path, DocumentPaths.resolve(root, path),
                content == null ? null : content.getBytes(StandardCharsets.UTF_8));
    }

    private static void expect(boolean condition, String problem) {
        if (!condition) {
            throw new IllegalArgumentException(problem);
        }
    }
}
