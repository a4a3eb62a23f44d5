package uk.csc.workflow.platform.security;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpSession;

import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.Authentications;
import org.camunda.bpm.webapp.impl.security.auth.UserAuthentication;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.util.UriUtils;

/**
 * A request to the engine as the door and the read audit see it: which API (the engine's REST,
 * through {@code /engine-rest} or the webapps' {@code /camunda/api/engine}, or Cockpit's plugin
 * API), the engine path's segments after the prefix and the engine name, and who is calling.
 */
record EngineRequest(Area area, List<String> segments, boolean oddPath) {

    enum Area { ENGINE, COCKPIT, COCKPIT_STATIC, NONE }

    static final String ENGINE_REST = "/engine-rest";
    static final String WEBAPP_ENGINE = "/camunda/api/engine";
    static final String COCKPIT = "/camunda/api/cockpit";
    private static final String ENGINE_NAME = "default";

    /** Who is calling: their user id and groups. */
    record Caller(String id, List<String> groups) {

        boolean isAdmin() {
            return groups.contains(org.camunda.bpm.engine.authorization.Groups.CAMUNDA_ADMIN);
        }
    }

    static EngineRequest of(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        Area area;
        String rest;
        if (under(path, ENGINE_REST)) {
            area = Area.ENGINE;
            rest = path.substring(ENGINE_REST.length());
        } else if (under(path, WEBAPP_ENGINE)) {
            area = Area.ENGINE;
            rest = path.substring(WEBAPP_ENGINE.length());
        } else if (under(path, COCKPIT)) {
            area = Area.COCKPIT;
            rest = path.substring(COCKPIT.length());
        } else {
            return new EngineRequest(Area.NONE, List.of(), false);
        }
        List<String> segments = new ArrayList<>();
        boolean odd = false;
        for (String raw : rest.split("/")) {
            if (raw.isEmpty()) {
                continue;
            }
            String segment;
            try {
                segment = UriUtils.decode(raw, StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                segment = raw;
                odd = true;
            }
            odd |= segment.contains("/") || segment.contains(";") || segment.equals(".") || segment.equals("..");
            segments.add(segment);
        }
        if (area == Area.ENGINE && segments.size() >= 2 && segments.get(0).equals("engine")) {
            segments = new ArrayList<>(segments.subList(2, segments.size()));
        }
        if (area == Area.COCKPIT && segments.size() >= 3 && segments.get(0).equals("plugin") && segments.get(2).equals("static")) {
            area = Area.COCKPIT_STATIC;
        }
        return new EngineRequest(area, List.copyOf(segments), odd);
    }

    private static boolean under(String path, String prefix) {
        return path.equals(prefix) || path.startsWith(prefix + "/");
    }

    /** The engine path, for messages and the audit: {@code /task/abc/variables}. */
    String path() {
        return "/" + String.join("/", segments);
    }

    /**
     * The signed-in user: on {@code /engine-rest} the one Spring Security authenticated (HTTP Basic
     * or the webapp session), on {@code /camunda/api} the webapp session's.
     */
    static Optional<Caller> caller(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (under(path, ENGINE_REST)) {
            var auth = SecurityContextHolder.getContext().getAuthentication();
            if (auth == null || !auth.isAuthenticated() || auth instanceof AnonymousAuthenticationToken) {
                return Optional.empty();
            }
            return Optional.of(new Caller(auth.getName(), auth.getAuthorities().stream().map(GrantedAuthority::getAuthority).toList()));
        }
        HttpSession session = request.getSession(false);
        if (session == null) {
            return Optional.empty();
        }
        Authentications authentications = AuthenticationUtil.getAuthsFromSession(session);
        if (authentications == null
                || !(authentications.getAuthenticationForProcessEngine(ENGINE_NAME) instanceof UserAuthentication user)) {
            return Optional.empty();
        }
        return Optional.of(new Caller(user.getName(), user.getGroupIds() == null ? List.of() : List.copyOf(user.getGroupIds())));
    }

    /** A request whose body has been read, so that the door can look at it and the engine still gets it. */
    static final class WithBody extends HttpServletRequestWrapper {

        private final byte[] body;

        WithBody(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
        }

        static WithBody read(HttpServletRequest request) throws IOException {
            return request instanceof WithBody read ? read : new WithBody(request, request.getInputStream().readAllBytes());
        }

        byte[] body() {
            return body;
        }

        @Override
        public ServletInputStream getInputStream() {
            ByteArrayInputStream in = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override
                public boolean isFinished() {
                    return in.available() == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new UnsupportedOperationException("synchronous reads only");
                }

                @Override
                public int read() {
                    return in.read();
                }

                @Override
                public int read(byte[] b, int off, int len) {
                    return in.read(b, off, len);
                }
            };
        }

        @Override
        public BufferedReader getReader() {
            String encoding = getCharacterEncoding();
            return new BufferedReader(new InputStreamReader(getInputStream(),
                    encoding == null ? StandardCharsets.UTF_8 : java.nio.charset.Charset.forName(encoding)));
        }

        @Override
        public int getContentLength() {
            return body.length;
        }

        @Override
        public long getContentLengthLong() {
            return body.length;
        }
    }
}
