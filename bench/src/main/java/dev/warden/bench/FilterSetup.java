package dev.warden.bench;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.warden.core.Warden;
import dev.warden.core.auth.MasterKey;
import dev.warden.core.iam.IamException;
import dev.warden.core.store.InMemoryDirectoryStore;
import dev.warden.filter.WardenFilter;
import dev.warden.filter.route.RouteTable;
import dev.warden.filter.route.RouteTableException;
import dev.warden.spi.Principal;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.time.Clock;
import java.util.Base64;
import java.util.Map;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;

/**
 * The Warden behind the filter benchmarks: an in-memory directory with account 111122223333 and alice, tagged
 * {@code team=blue}, with {@code DecisionBenchmark}'s ten attached managed policies (100 statements) and one access
 * key, so that every request the filter lets through is a realistic decision rather than AdministratorAccess's
 * single {@code *}. alice's GET of {@code downloads/...} is allowed by {@code DownloadsForAnalytics} (two date
 * conditions), her PUT under {@code downloads/uploads/} by {@code TeamUploads} (tag and date conditions), after the
 * denies that mention those actions were checked.
 *
 * @param warden the Warden (audit off, no listeners, its own meter registry)
 * @param alice alice's access key, as the AWS SDK's signer takes it
 */
record FilterSetup(Warden warden, AwsBasicCredentials alice) implements AutoCloseable {

    /** Where the guarded servlet is mounted; the route table's patterns include it (the filter maps the raw URI). */
    static final String GUARDED = "/guarded";
    /** Where the same servlet is mounted without the filter. */
    static final String OPEN = "/open";
    static final String GET_PATH = "/downloads/report.pdf";
    static final String PUT_PATH = "/downloads/uploads/data.bin";

    static final String ROUTES = """
            {"Version":"2026-11-23","Protocol":"s3","Routes":[
              {"Route":"GET /guarded/{bucket}/{key+}","Action":"s3:GetObject","Resource":"arn:aws:s3:::{bucket}/{key}"},
              {"Route":"PUT /guarded/{bucket}/{key+}","Action":"s3:PutObject","Resource":"arn:aws:s3:::{bucket}/{key}"}
            ]}""";

    /** A Warden whose clock is {@code clock} (fixed for JMH, the system clock for the load test), with alice. */
    static FilterSetup create(Clock clock) throws IOException, IamException {
        Warden warden = Warden.builder().store(new InMemoryDirectoryStore()).meterRegistry(new SimpleMeterRegistry())
                .audit(false, 0).serviceLoaderListeners(false).clock(clock)
                .masterKey(MasterKey.fromBase64(Base64.getEncoder().encodeToString(new byte[32]))).build();
        Principal root = Policies.enrollAlice(warden);
        ObjectNode key = warden.iam().call(root, Policies.ACCOUNT, "CreateAccessKey", Map.of("UserName", "alice"));
        return new FilterSetup(warden, AwsBasicCredentials.create(key.at("/AccessKey/AccessKeyId").asText(),
                key.at("/AccessKey/SecretAccessKey").asText()));
    }

    /** The filter as an application would configure it: the route table above, S3 signatures only. */
    WardenFilter filter() {
        try {
            return WardenFilter.builder(warden).routes(RouteTable.parse(ROUTES, "bench-routes.json"))
                    .signingService("s3").build();
        } catch (RouteTableException e) {
            throw new IllegalStateException("the benchmark's route table was refused: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() throws IOException {
        warden.close();
    }
}
