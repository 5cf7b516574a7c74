package dev.warden.core.simulate;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.warden.core.eval.Evaluator;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every case of the conformance corpus ({@code src/test/resources/conformance}) gets the decision AWS's
 * documentation gives: the oracle's smoke and known-deviation cases, the hand-written cases (one or more per
 * operator and rule, from the IAM User Guide), and 25,000 generated cases whose answers come from the oracle
 * (see {@code tools/conformance/build-corpus.mjs}). Invalid policies must be refused at the right JSON pointer.
 */
class ConformanceCorpusTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> DECIDED = List.of(
            "oracle-smoke.jsonl", "oracle-known-deviations.jsonl", "handwritten.jsonl", "generated.jsonl.gz");
    private static final BatchSimulation BATCH = new BatchSimulation(false);

    static Stream<Arguments> decidedCases() {
        return DECIDED.stream().flatMap(ConformanceCorpusTest::cases);
    }

    static Stream<Arguments> invalidCases() {
        return cases("handwritten-invalid.jsonl");
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("decidedCases")
    void decidesAsAwsDocumentationSays(String file, String id, ObjectNode testCase) throws InvalidCaseException {
        ObjectNode result = BATCH.evaluateLine(testCase.toString(), 1);
        String got = result.get("decision").isNull() ? "error" : result.get("decision").textValue();
        String expected = testCase.get("expect").textValue();
        assertThat(got)
                .as("%s %s (%s) %s", file, id, testCase.path("note").asText(testCase.path("deviation").asText()),
                        result.path("error").asText())
                .isEqualTo(expected);
        if (!expected.equals("error")) {
            // The hot path stops at a group's first applicable allow; it must reach the same outcome.
            SimulationCase simulation = SimulationCase.read(testCase);
            assertThat(Evaluator.decide(simulation.request(), simulation.input()).outcome().awsName())
                    .as("%s %s through Evaluator.decide", file, id)
                    .isEqualTo(expected);
        }
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("invalidCases")
    void refusesInvalidPolicyAtItsPointer(String file, String id, ObjectNode testCase) {
        ObjectNode result = BATCH.evaluateLine(testCase.toString(), 1);
        String pointer = testCase.get("pointer").textValue();
        assertThat(result.get("decision").isNull()).as("%s must be refused: %s", id, testCase.get("note")).isTrue();
        assertThat(result.get("error").textValue())
                .as("%s: %s", id, testCase.get("note"))
                .contains("MalformedPolicyDocument at " + (pointer.isEmpty() ? "/" : pointer) + ":");
    }

    private static Stream<Arguments> cases(String file) {
        List<Arguments> out = new ArrayList<>();
        try (InputStream raw = ConformanceCorpusTest.class.getResourceAsStream("/conformance/" + file)) {
            assertThat(raw).as("corpus file %s", file).isNotNull();
            InputStream in = file.endsWith(".gz") ? new GZIPInputStream(raw) : raw;
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String line;
            while ((line = reader.readLine()) != null) {
                if (!line.isBlank()) {
                    JsonNode node = JSON.readTree(line);
                    out.add(Arguments.of(file, node.get("id").asText(), node));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.stream();
    }
}
