package dev.warden.agent.internal.config;

import java.nio.file.Path;
import java.util.List;

/**
 * The agent's configuration (DESIGN contract 4), read from the JSON file named by {@code config=FILE}.
 *
 * @param source the file it was read from
 * @param store the Warden store folder the directory is read from
 * @param region what {@code {region}} stands for in templates
 * @param partition what {@code {partition}} stands for, and the partition ARNs are formed in
 * @param principal where callers come from when no {@code RequestContext} is bound
 * @param denial the exception type thrown on denial instead of {@code dev.warden.spi.AccessDeniedException}, or
 *     {@code null}
 * @param pointcuts methods enforced without an annotation
 * @param verbose whether to log every class woven
 */
public record AgentConfig(Path source, Path store, String region, String partition, PrincipalConfig principal,
                          String denial, List<PointcutConfig> pointcuts, boolean verbose) {

    public AgentConfig {
        pointcuts = List.copyOf(pointcuts);
    }
}
