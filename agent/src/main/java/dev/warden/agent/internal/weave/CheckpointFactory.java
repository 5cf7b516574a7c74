package dev.warden.agent.internal.weave;

import dev.warden.agent.internal.AgentLog;
import dev.warden.agent.internal.Checkpoint;
import dev.warden.agent.internal.Checkpoints;
import dev.warden.agent.internal.template.Template;
import dev.warden.agent.internal.template.TemplateCompiler;
import dev.warden.agent.internal.template.TemplateException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import net.bytebuddy.description.method.MethodDescription;

/**
 * Makes the checkpoint of one method from what asks for it (an {@code @Authorize}, a pointcut), compiling its
 * templates against the method. A template that does not fit makes a checkpoint that denies every call, and says so
 * now, naming the method, the template and the reason.
 */
public final class CheckpointFactory {

    private final TemplateCompiler compiler;
    private final Checkpoints checkpoints;

    public CheckpointFactory(TemplateCompiler compiler, Checkpoints checkpoints) {
        this.compiler = compiler;
        this.checkpoints = checkpoints;
    }

    /**
     * Registers the checkpoint for {@code method} and returns its id.
     *
     * @param origin what asked for it, for messages: {@code @Authorize}, {@code warden-agent.json /pointcuts/0}
     * @param context extra condition keys, name to template
     */
    int create(MethodDescription method, String origin, String action, String resource, Map<String, String> context,
               ClassLoader loader) {
        String where = method.getDeclaringType().asErasure().getName() + "."
                + TemplateCompiler.signature(method).substring(
                        method.getDeclaringType().asErasure().getSimpleName().length() + 1);
        String problem = null;
        Template compiled = null;
        List<Checkpoint.ContextKey> keys = new ArrayList<>();
        try {
            if (!action.matches("[A-Za-z0-9_.-]+:[A-Za-z0-9_-]+")) {
                throw new TemplateException("action '" + action + "' is not 'service:Action'");
            }
            compiled = compiler.compile(resource, method);
            for (Map.Entry<String, String> key : context.entrySet()) {
                String name = key.getKey();
                if (name.regionMatches(true, 0, "aws:", 0, 4)) {
                    throw new TemplateException("context key '" + name + "': keys in the aws: namespace are "
                            + "Warden's to set");
                }
                if (!name.matches("[A-Za-z0-9_.-]+:[A-Za-z0-9_./-]+")) {
                    throw new TemplateException("context key '" + name + "' is not 'service:Key'");
                }
                keys.add(new Checkpoint.ContextKey(name, compiler.compile(key.getValue(), method)));
            }
        } catch (TemplateException e) {
            problem = origin + " on " + where + ": " + e.getMessage();
            AgentLog.error(problem + "; every call to it is DENIED until this is fixed");
        }
        if (compiled == null) {
            compiled = fallback(resource, method);
        }
        return checkpoints.add(new Checkpoint(where, action, compiled, problem == null ? keys : List.of(), problem,
                loader));
    }

    /** A template that stands for the written text in messages of a checkpoint that denies everything. */
    private Template fallback(String resource, MethodDescription method) {
        try {
            return compiler.compile(resource.replace("{", "(").replace("}", ")"), method);
        } catch (TemplateException impossible) {
            throw new IllegalStateException(impossible);
        }
    }
}
