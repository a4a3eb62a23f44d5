package uk.csc.workflow.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/** The origin rule on its own: what counts as this server, a trusted origin, or another site. */
class CrossSiteRequestFilterTest {

    private final CrossSiteRequestFilter filter = new CrossSiteRequestFilter(List.of("https://intranet.council.example", ""));

    /** A change to https://csc.council.example (port 443) with the given Origin. */
    private static MockHttpServletRequest change(String method, String origin) {
        var request = new MockHttpServletRequest(method, "/api/contacts");
        request.setScheme("https");
        request.setServerName("csc.council.example");
        request.setServerPort(443);
        if (origin != null) {
            request.addHeader("Origin", origin);
        }
        return request;
    }

    @ParameterizedTest
    @CsvSource({
            "https://csc.council.example, false",
            "https://CSC.Council.Example:443, false",
            "https://intranet.council.example, false",
            "http://csc.council.example, true",
            "https://csc.council.example:8443, true",
            "https://csc.council.example.evil.example, true",
            "https://evil.example, true",
            "null, true",
            "'', true"})
    void anOriginIsThisServerATrustedOneOrAnotherSite(String origin, boolean refused) {
        assertThat(filter.fromAnotherSite(change("POST", origin))).as(origin).isEqualTo(refused);
    }

    @Test
    void aRefusalIsA403InPlainWordsAndGoesNoFurther() throws Exception {
        var response = new MockHttpServletResponse();
        var chain = new MockFilterChain();

        filter.doFilter(change("DELETE", "https://evil.example"), response, chain);

        assertThat(response.getStatus()).isEqualTo(403);
        assertThat(response.getContentAsString()).contains("sent from another web site");
        assertThat(chain.getRequest()).as("not passed on").isNull();
    }

    @Test
    void readingIsNotRefusedAndNeitherIsAScript() throws Exception {
        var chain = new MockFilterChain();
        filter.doFilter(change("GET", "https://evil.example"), new MockHttpServletResponse(), chain);
        var scriptChain = new MockFilterChain();
        filter.doFilter(change("POST", null), new MockHttpServletResponse(), scriptChain);

        assertThat(chain.getRequest()).isNotNull();
        assertThat(scriptChain.getRequest()).isNotNull();
    }
}
