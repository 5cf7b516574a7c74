package dev.warden.examples.objectstore;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code java -jar object-store.jar --port P --store DIR --data DIR}: the seeds' download server, an S3-compatible
 * object store that the AWS CLI and SDKs use unmodified, protected only by {@code WardenFilter} and its route table.
 */
@Command(name = "object-store", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"An S3-compatible object store protected by Warden (IAM and STS on the same port).", "",
            "  java -jar examples/object-store/target/object-store.jar --port 9000"})
public final class ObjectStoreServer implements Callable<Integer> {

    @Option(names = "--port", paramLabel = "P", defaultValue = "9000", description = "The port (default: ${DEFAULT-VALUE}; 0 picks a free one).")
    int port;

    @Option(names = "--store", paramLabel = "DIR", defaultValue = "warden-data", description = "Warden's store: users, roles, policies (default: ${DEFAULT-VALUE}).")
    Path store;

    @Option(names = "--data", paramLabel = "DIR", defaultValue = "object-data", description = "Where buckets and objects are kept, and routes.json (default: ${DEFAULT-VALUE}).")
    Path data;

    @Option(names = "--routes", paramLabel = "FILE", description = "The route table (default: DATA/routes.json, written from the shipped table on first start).")
    Path routes;

    @Option(names = "--bind", paramLabel = "HOST", defaultValue = "127.0.0.1", description = "The address to listen on (default: ${DEFAULT-VALUE}).")
    String bind;

    public static void main(String[] args) {
        System.exit(new CommandLine(new ObjectStoreServer()).execute(args));
    }

    @Override
    public Integer call() throws Exception {
        ObjectStoreApp app = ObjectStoreApp.start(new ObjectStoreApp.Options(bind, port, store, data, routes, null));
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                app.close();
            } catch (Exception e) {
                System.err.println("object-store: stopping failed: " + e.getMessage());
            }
        }, "object-store-shutdown"));
        PrintStream out = System.out;
        out.println("Object store (S3, IAM and STS) on " + app.uri());
        out.println("  store " + store.toAbsolutePath().normalize() + ", data " + data.toAbsolutePath().normalize());
        app.createdAdmin().ifPresentOrElse(admin -> {
            out.println("# account " + FirstStart.ACCOUNT + " created with user admin (AdministratorAccess);"
                    + " the secret is shown only now");
            out.println("AWS_ACCESS_KEY_ID=" + admin.accessKeyId());
            out.println("AWS_SECRET_ACCESS_KEY=" + admin.secretAccessKey());
        }, () -> out.println("# existing store: use the admin key printed at first start"));
        out.println("  aws --endpoint-url " + app.uri() + " s3 ls");
        out.flush();
        app.join();
        return 0;
    }
}
