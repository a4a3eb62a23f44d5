package uk.csc.workflow.identity;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.stereotype.Component;

import uk.csc.workflow.platform.security.EngineSignIn;

/**
 * HTTP Basic against Camunda's identity service, so Tasklist, Cockpit, Admin and the APIs
 * share one user store. Authorities are the user's Camunda group ids.
 *
 * <p>Failed attempts pause the account's sign-in for a while, longer after each failure in a
 * row, never for good (the engine's login delay, shared with the webapps' login; see
 * {@link EngineSignIn}). While a pause lasts, the password is not even checked and the caller
 * is told when to try again.
 */
@Component
class CamundaUserAuthenticationProvider implements AuthenticationProvider {

    private final EngineSignIn signIn;

    CamundaUserAuthenticationProvider(EngineSignIn signIn) {
        this.signIn = signIn;
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        String userId = authentication.getName();
        Object credentials = authentication.getCredentials();
        if (userId == null || userId.isBlank() || credentials == null) {
            throw new BadCredentialsException("Bad credentials");
        }
        EngineSignIn.Outcome outcome = signIn.attempt(userId, credentials.toString());
        if (outcome instanceof EngineSignIn.Paused paused) {
            throw new SignInPausedException(paused.until());
        }
        if (!(outcome instanceof EngineSignIn.SignedIn signedIn)) {
            // The engine counted the failure and pauses the account's next sign-in.
            throw new BadCredentialsException("Bad credentials");
        }
        return UsernamePasswordAuthenticationToken.authenticated(userId, null,
                signedIn.groupIds().stream().<GrantedAuthority>map(SimpleGrantedAuthority::new).toList());
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
