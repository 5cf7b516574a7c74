package dev.warden.bench.agent;

import dev.warden.core.Warden;
import dev.warden.core.store.FileDirectoryStore;
import dev.warden.spi.Principal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.CommandLineOptions;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * Runs {@link AgentCallBenchmark} in JVMs started with {@code -javaagent:agent/target/warden-agent.jar}, over a store
 * made here: {@code java -cp bench/target/benchmarks.jar dev.warden.bench.agent.AgentCallRun [JMH options]}
 * (the agent jar is taken from {@code warden.agent.jar}, default {@code agent/target/warden-agent.jar}).
 */
public final class AgentCallRun {

    private static final String ACCOUNT = "111122223333";

    private AgentCallRun() {
    }

    public static void main(String[] args) throws Exception {
        Path agent = Path.of(System.getProperty("warden.agent.jar", "agent/target/warden-agent.jar")).toAbsolutePath();
        if (!Files.isRegularFile(agent)) {
            throw new IllegalStateException(agent + " is missing: build it first (mvn -q package -DskipTests)");
        }
        Path folder = Files.createTempDirectory("warden-agent-bench");
        Path store = folder.resolve("store");
        try (Warden warden = Warden.builder().store(FileDirectoryStore.open(store)).audit(false, 0)
                .serviceLoaderListeners(false).build()) {
            dev.warden.bench.Policies.enrollAlice(warden);
            Principal root = Principal.of("arn:aws:iam::" + ACCOUNT + ":root");
            warden.iam().call(root, ACCOUNT, "CreateUser", Map.of("UserName", "reader"));
            warden.iam().call(root, ACCOUNT, "PutUserPolicy", Map.of("UserName", "reader", "PolicyName", "read",
                    "PolicyDocument", "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
                            + "\"Action\":[\"orders:GetOrder\",\"orders:ListOrders\"],"
                            + "\"Resource\":\"arn:aws:orders:*:111122223333:order/*\"}]}"));
            warden.iam().call(root, ACCOUNT, "PutUserPolicy", Map.of("UserName", "alice", "PolicyName", "orders",
                    "PolicyDocument", "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
                            + "\"Action\":\"orders:GetOrder\",\"Resource\":\"arn:aws:orders:*:111122223333:order/*\","
                            + "\"Condition\":{\"IpAddressIfExists\":{\"aws:SourceIp\":\"10.0.0.0/8\"}}}]}"));
        }
        Path config = folder.resolve("warden-agent.json");
        Files.writeString(config, "{\"store\": \"store\", \"region\": \"us-east-1\"}");
        Options options = new OptionsBuilder()
                .parent(new CommandLineOptions(args))
                .include(AgentCallBenchmark.class.getName())
                .jvmArgsAppend("-javaagent:" + agent + "=config=" + config)
                .build();
        new Runner(options).run();
    }
}
