package dev.warden.examples.objectstore.s3;

import org.eclipse.jetty.server.Server;
import software.amazon.awssdk.services.s3.S3Client;

/** A second server over a fixture's store where every caller is account 444455556666, and an SDK client for it. */
final class OtherAccount implements AutoCloseable {

    static final String ID = "444455556666";

    private final Server server = new Server();
    final S3Client s3;

    OtherAccount(S3Fixture fixture) throws Exception {
        s3 = S3Fixture.client(S3Fixture.serve(server, fixture.store, S3Access.trusting(ID)));
    }

    @Override
    public void close() throws Exception {
        s3.close();
        server.stop();
    }
}
