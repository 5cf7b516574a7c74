package dev.warden.agent.internal;

import dev.warden.agent.internal.config.AgentConfig;
import dev.warden.agent.internal.config.PointcutConfig;
import dev.warden.agent.internal.template.TemplateCompiler;
import dev.warden.agent.internal.template.TemplateException;
import dev.warden.agent.internal.weave.WeavePlan;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import net.bytebuddy.description.method.MethodDescription;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.dynamic.ClassFileLocator;
import net.bytebuddy.pool.TypePool;

/**
 * Checks, when the agent starts, each pointcut that names one class against the application's class path: the class
 * file is read (not loaded), and a pointcut whose method or parameter types match nothing, or whose templates do not
 * fit the method, is a configuration error. A class that is not on the class path is only a warning: another class
 * loader (a web application's) may load it later.
 */
final class PointcutCheck {

    private PointcutCheck() {
    }

    /** The problems, one line each; empty when every pointcut found its method. */
    static List<String> problems(AgentConfig config, ClassLoader applicationLoader) {
        List<String> problems = new ArrayList<>();
        TypePool pool = TypePool.Default.of(ClassFileLocator.ForClassLoader.of(applicationLoader));
        TemplateCompiler compiler = new TemplateCompiler(config.region(), config.partition());
        List<String> classPath = null;
        for (PointcutConfig p : config.pointcuts()) {
            if (!p.exactClass()) {
                if (classPath == null) {
                    classPath = ClassPathNames.of(System.getProperty("java.class.path", "")).toList();
                }
                if (classPath.stream().noneMatch(p::matchesClass)) {
                    AgentLog.warn(p.location() + ": no class on the class path matches " + p.classPattern()
                            + "; the pointcut applies if another class loader loads one");
                }
                continue;
            }
            TypePool.Resolution resolution = pool.describe(p.classPattern());
            if (!resolution.isResolved()) {
                AgentLog.warn(p.location() + ": class " + p.classPattern() + " is not on the class path; the pointcut "
                        + "applies if another class loader loads it");
                continue;
            }
            TypeDescription type = resolution.resolve();
            List<MethodDescription> matched = new ArrayList<>();
            TreeSet<String> sameName = new TreeSet<>();
            for (MethodDescription.InDefinedShape m : type.getDeclaredMethods()) {
                if (m.getName().equals(p.method())) {
                    sameName.add(m.getName() + "(" + String.join(", ", m.getParameters().asTypeList().asErasures()
                            .stream().map(TypeDescription::getActualName).toList()) + ")");
                    if (WeavePlan.parametersMatch(p, m) && !m.isAbstract() && !m.isNative()) {
                        matched.add(m);
                    }
                }
            }
            if (matched.isEmpty()) {
                problems.add(p.location() + ": pointcut " + p.describe() + " matches no method of "
                        + type.getName() + (sameName.isEmpty() ? " (it has no method named '" + p.method() + "')"
                        : " (its methods of that name: " + String.join(", ", sameName) + ")"));
                continue;
            }
            for (MethodDescription m : matched) {
                try {
                    compiler.compile(p.resource(), m);
                    for (String value : p.context().values()) {
                        compiler.compile(value, m);
                    }
                } catch (TemplateException e) {
                    problems.add(p.location() + ": " + e.getMessage());
                }
            }
        }
        return problems;
    }
}
