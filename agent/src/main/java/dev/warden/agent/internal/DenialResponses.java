package dev.warden.agent.internal;

import dev.warden.agent.bootstrap.Dispatch;
import dev.warden.agent.internal.principal.PublicType;
import java.io.OutputStream;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;

/**
 * Answers a request whose handler was stopped by a denial: 403 with AWS's JSON error shape, the same fields as
 * {@code WardenFilter}'s JSON-protocol errors ({@code {"__type":"AccessDeniedException","message":"User: ... is not
 * authorized to perform: ..."}}, header {@code x-amzn-ErrorType}), as long as the response has not started. The
 * message is the agent's own (AWS's words): never a config path, a class name or an exception's text. Servlet
 * responses and JDK {@code HttpExchange}s are reached by reflection: their classes live in the container's class
 * loader.
 */
final class DenialResponses {

    private DenialResponses() {
    }

    /** Writes the 403; returns whether it could (false when the response was already under way). */
    static boolean answer(Dispatch dispatch, String message) throws ReflectiveOperationException {
        byte[] body = body(message).getBytes(StandardCharsets.UTF_8);
        return dispatch.kind() == Dispatch.Kind.HTTP_SERVER ? exchange(dispatch.request(), body)
                : servlet(dispatch.response(), body);
    }

    /** The JSON body of a denial saying {@code message}. */
    static String body(String message) {
        return "{\"__type\":\"AccessDeniedException\",\"message\":\"" + escape(message) + "\"}";
    }

    private static boolean exchange(Object exchange, byte[] body) throws ReflectiveOperationException {
        Class<?> api = PublicType.find(exchange.getClass(), "com.sun.net.httpserver.HttpExchange");
        if ((int) api.getMethod("getResponseCode").invoke(exchange) != -1) {
            return false;
        }
        Object headers = api.getMethod("getResponseHeaders").invoke(exchange);
        Method set = headers.getClass().getMethod("set", String.class, String.class);
        set.invoke(headers, "Content-Type", "application/json");
        set.invoke(headers, "x-amzn-ErrorType", "AccessDeniedException");
        api.getMethod("sendResponseHeaders", int.class, long.class).invoke(exchange, 403, (long) body.length);
        try (OutputStream out = (OutputStream) api.getMethod("getResponseBody").invoke(exchange)) {
            out.write(body);
        } catch (java.io.IOException e) {
            // the client went away; the status was decided all the same
        }
        api.getMethod("close").invoke(exchange);
        return true;
    }

    private static boolean servlet(Object response, byte[] body) throws ReflectiveOperationException {
        Class<?> api = PublicType.find(response.getClass(), "jakarta.servlet.http.HttpServletResponse",
                "javax.servlet.http.HttpServletResponse");
        if (api == null || (boolean) api.getMethod("isCommitted").invoke(response)) {
            return false;
        }
        api.getMethod("resetBuffer").invoke(response);
        api.getMethod("setStatus", int.class).invoke(response, 403);
        api.getMethod("setContentType", String.class).invoke(response, "application/json");
        api.getMethod("setHeader", String.class, String.class).invoke(response, "x-amzn-ErrorType",
                "AccessDeniedException");
        api.getMethod("setCharacterEncoding", String.class).invoke(response, "UTF-8");
        try {
            OutputStream out = (OutputStream) api.getMethod("getOutputStream").invoke(response);
            api.getMethod("setContentLength", int.class).invoke(response, body.length);
            out.write(body);
            out.flush();
        } catch (java.lang.reflect.InvocationTargetException streamTaken) {
            // the application took the writer already: answer through it
            java.io.PrintWriter writer = (java.io.PrintWriter) api.getMethod("getWriter").invoke(response);
            writer.write(new String(body, java.nio.charset.StandardCharsets.UTF_8));
            writer.flush();
        } catch (java.io.IOException e) {
            // the client went away: the status stands
        }
        return true;
    }

    private static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }
}
