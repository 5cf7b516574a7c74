package dev.warden.examples.objectstore;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.s3.S3Client;

class FirstStartTest {

    @TempDir
    Path dir;

    @Test
    void theFirstStartCreatesAnAdministratorWhoseKeyWorksAndLaterStartsKeepIt() throws Exception {
        ObjectStoreApp.Options options = new ObjectStoreApp.Options("127.0.0.1", 0, dir.resolve("store"),
                dir.resolve("data"), null, Clock.systemUTC());
        String keyId;
        try (RunningObjectStore first = new RunningObjectStore(dir)) {
            keyId = first.admin.accessKeyId();
            assertThat(keyId).startsWith("AKIA").hasSize(20);
            try (S3Client s3 = first.s3(first.admin)) {
                s3.createBucket(b -> b.bucket("kept"));
            }
        }
        assertThat(dir.resolve("data").resolve("routes.json")).exists();
        assertThat(Files.readString(dir.resolve("data").resolve("routes.json"))).contains("s3:GetObject");
        try (ObjectStoreApp second = ObjectStoreApp.start(options)) {
            assertThat(second.createdAdmin()).isEmpty();
            assertThat(second.warden().directory().current().accessKeyOwner(keyId)).isNotNull();
        }
    }
}
