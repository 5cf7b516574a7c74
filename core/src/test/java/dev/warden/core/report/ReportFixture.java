package dev.warden.core.report;

import dev.warden.core.MovableClock;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.warden.core.Warden;
import dev.warden.core.auth.MasterKey;
import dev.warden.core.iam.Changes;
import dev.warden.core.iam.IamException;
import dev.warden.core.iam.LiveDirectory;
import dev.warden.core.iam.User;
import dev.warden.core.store.InMemoryDirectoryStore;
import dev.warden.spi.Principal;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * A Warden over an in-memory store with account 111122223333 created at {@link #START}, a clock the test moves, and
 * helpers to call IAM as the root user, change users directly, and read the credential report's lines.
 */
final class ReportFixture implements AutoCloseable {

    static final String ACCOUNT = "111122223333";
    static final Principal ROOT = Principal.of("arn:aws:iam::111122223333:root");
    static final Instant START = Instant.parse("2026-01-10T09:30:00Z");


    final MovableClock clock = new MovableClock(START);
    final InMemoryDirectoryStore store = new InMemoryDirectoryStore();
    final Warden warden;

    ReportFixture() throws Exception {
        warden = Warden.builder().store(store).clock(clock).audit(false, 0).serviceLoaderListeners(false)
                .meterRegistry(new SimpleMeterRegistry())
                .masterKey(MasterKey.fromBase64(Base64.getEncoder().encodeToString(new byte[32]))).build();
        warden.iam().createAccount(ACCOUNT, null);
    }

    ObjectNode root(String action, String... params) throws Exception {
        return as(ROOT, action, params);
    }

    ObjectNode as(Principal caller, String action, String... params) throws Exception {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < params.length; i += 2) {
            map.put(params[i], params[i + 1]);
        }
        return warden.iam().call(caller, caller.accountId(), action, map);
    }

    /** Creates an access key for {@code user}; returns its id. */
    String createKey(String user) throws Exception {
        return root("CreateAccessKey", "UserName", user).at("/AccessKey/AccessKeyId").asText();
    }

    /** Replaces user {@code name} with {@code change} of it, as a store edit would. */
    void changeUser(String name, UnaryOperator<User> change) throws IamException, java.io.IOException {
        warden.directory().update(d -> new LiveDirectory.Result<>(null,
                new Changes().put(ACCOUNT, change.apply(d.account(ACCOUNT).user(name)))));
    }

    /** Generates a report now (if none younger than four hours) and returns GetCredentialReport's CSV. */
    String csv() throws Exception {
        root("GenerateCredentialReport");
        return new String(Base64.getDecoder().decode(root("GetCredentialReport").get("Content").asText()),
                StandardCharsets.UTF_8);
    }

    /** The lines of a fresh report (the header first), each split into its columns. */
    List<List<String>> freshRows() throws Exception {
        CredentialReport report = CredentialReportGenerator.generate(warden.directory().current(), ACCOUNT,
                clock.instant());
        return Arrays.stream(report.csv().split("\n")).map(line -> List.of(line.split(",", -1))).toList();
    }

    /** The columns of {@code user}'s line in a fresh report, by column name. */
    Map<String, String> row(String user) throws Exception {
        List<List<String>> rows = freshRows();
        List<String> header = rows.get(0);
        for (List<String> row : rows.subList(1, rows.size())) {
            if (row.get(0).equals(user)) {
                Map<String, String> out = new LinkedHashMap<>();
                for (int i = 0; i < header.size(); i++) {
                    out.put(header.get(i), row.get(i));
                }
                return out;
            }
        }
        throw new AssertionError("no line for " + user + " in " + rows);
    }

    @Override
    public void close() throws Exception {
        warden.close();
    }
}
