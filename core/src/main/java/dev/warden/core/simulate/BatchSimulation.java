package dev.warden.core.simulate;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.warden.core.eval.Evaluation;
import dev.warden.core.eval.Evaluator;
import dev.warden.core.policy.StrictJson;
import dev.warden.spi.PolicyType;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.Writer;
import java.util.Map;

/**
 * Batch simulation over JSON Lines: one case in, one line out, in input order (contract 1 of DESIGN.md). A line
 * that cannot be evaluated yields {@code "decision": null} and an {@code "error"}; it never stops the batch.
 */
public final class BatchSimulation {

    private static final JsonMapper MAPPER = StrictJson.MAPPER;

    private final boolean explain;

    /** @param explain whether each output line carries a {@code detail} object (what each policy kind said) */
    public BatchSimulation(boolean explain) {
        this.explain = explain;
    }

    /** Evaluates every line of {@code in}, writing one result line per non-blank input line to {@code out}. */
    public Counts run(BufferedReader in, Writer out) throws IOException {
        Counts counts = new Counts();
        String line;
        int lineNumber = 0;
        while ((line = in.readLine()) != null) {
            lineNumber++;
            if (line.isBlank()) {
                continue;
            }
            ObjectNode result = evaluateLine(line, lineNumber);
            counts.add(result);
            out.write(MAPPER.writeValueAsString(result));
            out.write('\n');
        }
        out.flush();
        return counts;
    }

    /** The result object for one input line. */
    public ObjectNode evaluateLine(String line, int lineNumber) {
        ObjectNode result = JsonNodeFactory.instance.objectNode();
        JsonNode node;
        try {
            node = MAPPER.readTree(line);
        } catch (JsonProcessingException e) {
            result.put("id", "line-" + lineNumber);
            result.putNull("decision");
            result.put("error", "invalid JSON: " + e.getOriginalMessage());
            return result;
        } catch (NumberFormatException e) {
            // Jackson's BigDecimal reader throws this bare for a number such as 1e99999999999.
            result.put("id", "line-" + lineNumber);
            result.putNull("decision");
            result.put("error", "invalid JSON: number out of range: " + e.getMessage());
            return result;
        }
        JsonNode id = node != null && node.isObject() && node.has("id") ? node.get("id") : null;
        if (id != null) {
            result.set("id", id);
        } else {
            result.put("id", "line-" + lineNumber);
        }
        try {
            SimulationCase simulation = SimulationCase.read(node);
            Evaluation evaluation = Evaluator.evaluate(simulation.request(), simulation.input());
            result.put("decision", evaluation.decision().outcome().awsName());
            if (explain) {
                ObjectNode detail = result.putObject("detail");
                detail.put("sameAccount", evaluation.sameAccount());
                for (Map.Entry<PolicyType, String> e : evaluation.resultsByType().entrySet()) {
                    detail.put(e.getKey().name().toLowerCase(java.util.Locale.ROOT), e.getValue());
                }
                detail.put("reason", evaluation.decision().reason());
            }
        } catch (InvalidCaseException e) {
            result.putNull("decision");
            result.put("error", e.getMessage());
        } catch (RuntimeException e) {
            // Fail closed: a bug in evaluation is reported as an error for this case, never as a decision.
            result.putNull("decision");
            result.put("error", "internal error: " + e);
        }
        return result;
    }

    /** How many lines got each decision. */
    public static final class Counts {
        private int allowed;
        private int explicitlyDenied;
        private int implicitlyDenied;
        private int errors;

        void add(ObjectNode result) {
            JsonNode decision = result.get("decision");
            if (decision == null || decision.isNull()) {
                errors++;
            } else {
                switch (decision.textValue()) {
                    case "Allowed" -> allowed++;
                    case "ExplicitlyDenied" -> explicitlyDenied++;
                    default -> implicitlyDenied++;
                }
            }
        }

        @Override
        public String toString() {
            return "Allowed " + allowed + ", ExplicitlyDenied " + explicitlyDenied + ", ImplicitlyDenied "
                    + implicitlyDenied + ", errors " + errors;
        }
    }
}
