package dev.warden.core.audit;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.warden.core.policy.StrictJson;
import dev.warden.spi.AuthorizationRequest;
import dev.warden.spi.Decision;
import dev.warden.spi.DecisionListener;
import dev.warden.spi.Principal;
import java.io.IOException;
import java.io.StringWriter;
import java.time.Clock;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An audit trail: one JSON line per decision on the SLF4J logger {@code warden.audit}, shaped like a CloudTrail
 * record ({@code eventTime}, {@code eventSource}, {@code eventName}, {@code userIdentity}, {@code resources},
 * {@code errorCode}/{@code errorMessage} for denials, {@code requestID}). Every denial is logged; allows are sampled
 * at the configured rate (1.0 logs them all). Never holds secrets: requests carry none.
 */
public final class AuditLog implements DecisionListener {

    private static final Logger LOG = LoggerFactory.getLogger("warden.audit");

    private final Clock clock;
    private final double allowSampling;

    /**
     * @param allowSampling the share of allowed decisions to log, from 0 (none) to 1 (all)
     */
    public AuditLog(Clock clock, double allowSampling) {
        if (allowSampling < 0 || allowSampling > 1) {
            throw new IllegalArgumentException("allow sampling must be between 0 and 1, got " + allowSampling);
        }
        this.clock = clock;
        this.allowSampling = allowSampling;
    }

    @Override
    public void onDecision(AuthorizationRequest request, Decision decision, long nanos) {
        if (!LOG.isInfoEnabled()) {
            return;
        }
        if (decision.isAllowed() && (allowSampling == 0
                || (allowSampling < 1 && ThreadLocalRandom.current().nextDouble() >= allowSampling))) {
            return;
        }
        LOG.info(record(request, decision));
    }

    @Override
    public boolean needsLatency() {
        return false;
    }

    @Override
    public boolean wants(Decision decision) {
        return !decision.isAllowed() || allowSampling > 0;
    }

    @Override
    public boolean needsContext() {
        return false; // the record names the caller, the action and the resource, never condition keys
    }

    /** The CloudTrail-shaped JSON of one decision. */
    public String record(AuthorizationRequest request, Decision decision) {
        StringWriter out = new StringWriter(384);
        try (JsonGenerator g = StrictJson.MAPPER.getFactory().createGenerator(out)) {
            String action = request.action();
            int colon = action.indexOf(':');
            Principal principal = request.principal();
            g.writeStartObject();
            g.writeStringField("eventVersion", "1.08");
            g.writeStringField("eventTime", clock.instant().toString());
            g.writeStringField("eventSource", action.substring(0, colon) + ".amazonaws.com");
            g.writeStringField("eventName", action.substring(colon + 1));
            g.writeObjectFieldStart("userIdentity");
            g.writeStringField("type", identityType(principal));
            if (principal.isAuthenticated()) {
                g.writeStringField("arn", principal.arn());
                if (principal.accountId() != null) {
                    g.writeStringField("accountId", principal.accountId());
                }
            }
            g.writeEndObject();
            g.writeArrayFieldStart("resources");
            g.writeStartObject();
            g.writeStringField("ARN", request.resource());
            if (request.resourceAccount() != null) {
                g.writeStringField("accountId", request.resourceAccount());
            }
            g.writeEndObject();
            g.writeEndArray();
            g.writeStringField("decision", decision.outcome().awsName());
            if (!decision.isAllowed()) {
                g.writeStringField("errorCode", "AccessDenied");
                g.writeStringField("errorMessage", decision.reason());
            }
            g.writeStringField("requestID", UUID.randomUUID().toString());
            g.writeEndObject();
        } catch (IOException e) {
            return "{\"error\":\"audit record could not be written\"}";
        }
        return out.toString();
    }

    private static String identityType(Principal p) {
        return switch (p.kind()) {
            case ANONYMOUS -> "Anonymous";
            case ROOT -> "Root";
            case USER -> "IAMUser";
            case ROLE, ASSUMED_ROLE -> "AssumedRole";
            case FEDERATED_USER -> "FederatedUser";
            case SERVICE -> "AWSService";
            case WEB_IDENTITY -> "WebIdentityUser";
            case OTHER -> "Unknown";
        };
    }
}
