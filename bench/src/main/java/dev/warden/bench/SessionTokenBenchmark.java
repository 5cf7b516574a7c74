package dev.warden.bench;

import dev.warden.core.auth.AuthenticationException;
import dev.warden.core.auth.MasterKey;
import dev.warden.core.auth.SecretSealer;
import dev.warden.core.sts.SessionClaims;
import dev.warden.core.sts.SessionTokenKeys;
import dev.warden.core.sts.SessionTokens;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Sealing and opening a session token (what AssumeRole and the first request with new temporary credentials cost),
 * against a baseline in the same run: AES-256-GCM of a 40-character secret, the cheapest sealing there is.
 * A role session with a session policy and two tags, as AssumeRole makes them.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@State(Scope.Benchmark)
@Fork(value = 1, jvmArgsAppend = {"-Xms256m", "-Xmx256m"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class SessionTokenBenchmark {

    private static final String KEY_ID = "ASIAEXAMPLEEXAMPLE12";
    private static final Instant NOW = Instant.parse("2026-11-23T12:00:00Z");

    private SessionTokens tokens;
    private SecretSealer sealer;
    private SessionClaims claims;
    private String token;
    private String sealedSecret;

    @Setup
    public void setUp() throws AuthenticationException {
        MasterKey master = MasterKey.fromBase64(Base64.getEncoder().encodeToString(new byte[32]));
        tokens = new SessionTokens(SessionTokenKeys.derivedFrom(master));
        sealer = new SecretSealer(master);
        claims = new SessionClaims(SessionClaims.Type.ROLE_SESSION,
                "arn:aws:sts::111122223333:assumed-role/reader/alice", "AROAEXAMPLEEXAMPLE12:alice",
                "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY", NOW, NOW.plusSeconds(3_600), NOW,
                List.of("{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"s3:GetObject\","
                        + "\"Resource\":\"arn:aws:s3:::reports/*\"}]}"),
                Map.of("team", "blue", "project", "apollo"), List.of("project"), null, false);
        token = tokens.seal(KEY_ID, claims);
        sealedSecret = sealer.seal(claims.secretAccessKey(), KEY_ID);
        if (!tokens.open(KEY_ID, token, NOW).equals(claims)) {
            throw new IllegalStateException("token does not round-trip");
        }
    }

    @Benchmark
    public String seal() {
        return tokens.seal(KEY_ID, claims);
    }

    @Benchmark
    public SessionClaims open() throws AuthenticationException {
        return tokens.open(KEY_ID, token, NOW);
    }

    /** Baseline: AES-256-GCM open of a bare 40-character secret. */
    @Benchmark
    public String baselineUnsealSecret() throws SecretSealer.SealedSecretException {
        return sealer.unseal(sealedSecret, KEY_ID);
    }
}
