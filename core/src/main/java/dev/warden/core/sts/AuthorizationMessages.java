package dev.warden.core.sts;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.warden.core.auth.SecretSealer;
import dev.warden.spi.AuthorizationRequest;
import dev.warden.spi.ContextValue;
import dev.warden.spi.Decision;
import dev.warden.spi.Outcome;
import dev.warden.spi.StatementRef;
import java.util.Map;
import java.util.Objects;

/**
 * Encoded authorization messages: a denial can carry the full story (who, what, on which resource, with which
 * condition keys, which statements matched) sealed, so that only a principal allowed
 * {@code sts:DecodeAuthorizationMessage} can read it, as AWS does. The decoded form is AWS's JSON shape
 * ({@code allowed}, {@code explicitDeny}, {@code matchedStatements}, {@code failures}, {@code context}).
 */
public final class AuthorizationMessages {

    private static final String CONTEXT = "warden/sts/authorization-message";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final SecretSealer sealer;

    public AuthorizationMessages(SecretSealer sealer) {
        this.sealer = Objects.requireNonNull(sealer, "sealer");
    }

    /** The sealed message for {@code decision} on {@code request}. */
    public String encode(AuthorizationRequest request, Decision decision) {
        ObjectNode message = JSON.createObjectNode();
        message.put("allowed", decision.isAllowed());
        message.put("explicitDeny", decision.outcome() == Outcome.EXPLICITLY_DENIED);
        ArrayNode matched = message.putObject("matchedStatements").putArray("items");
        for (StatementRef ref : decision.decidingStatements()) {
            matched.addObject().put("statementId", ref.toString());
        }
        message.putObject("failures").putArray("items");
        ObjectNode context = message.putObject("context");
        context.putObject("principal").put("arn", request.principal().arn());
        context.put("action", request.action());
        context.put("resource", request.resource());
        ArrayNode conditions = context.putObject("conditions").putArray("items");
        for (Map.Entry<String, ContextValue> key : request.context().entrySet()) {
            ArrayNode values = conditions.addObject().put("key", key.getKey()).putObject("values").putArray("items");
            key.getValue().values().forEach(v -> values.addObject().put("value", v));
        }
        return sealer.seal(message.toString(), CONTEXT);
    }

    /**
     * The JSON of an encoded message.
     *
     * @throws IllegalArgumentException when it was not sealed by this service or was changed
     */
    String decode(String encoded) {
        try {
            return sealer.unseal(encoded, CONTEXT);
        } catch (SecretSealer.SealedSecretException e) {
            throw new IllegalArgumentException("the message is not an encoded authorization message of this service");
        }
    }
}
