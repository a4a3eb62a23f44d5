package uk.csc.workflow.identity;

import java.util.List;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.stereotype.Component;

import uk.csc.workflow.platform.security.SignInLocks;

/**
 * HTTP Basic against Camunda's identity service, so Tasklist, Cockpit, Admin and the APIs
 * share one user store. Authorities are the user's Camunda group ids.
 *
 * <p>Failed attempts pause the account's sign-in for a while, longer after each failure in a
 * row, never for good (the engine's login delay, shared with the webapps' login; see
 * {@link SignInLocks}). While a pause lasts, the password is not even checked and the caller
 * is told when to try again.
 */
@Component
class CamundaUserAuthenticationProvider implements AuthenticationProvider {

    private final IdentityService identityService;
    private final SignInLocks locks;

    CamundaUserAuthenticationProvider(IdentityService identityService, SignInLocks locks) {
        this.identityService = identityService;
        this.locks = locks;
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        String userId = authentication.getName();
        Object credentials = authentication.getCredentials();
        if (userId == null || userId.isBlank() || credentials == null) {
            throw new BadCredentialsException("Bad credentials");
        }
        var lock = locks.current(userId);
        if (lock.isPresent()) {
            throw new SignInPausedException(lock.get().until());
        }
        if (!identityService.checkPassword(userId, credentials.toString())) {
            // The engine counts the failure and pauses the account's next sign-in.
            throw new BadCredentialsException("Bad credentials");
        }
        return UsernamePasswordAuthenticationToken.authenticated(userId, null, authoritiesOf(userId));
    }

    List<GrantedAuthority> authoritiesOf(String userId) {
        return identityService.createGroupQuery().groupMember(userId).list().stream()
                .map(Group::getId)
                .<GrantedAuthority>map(SimpleGrantedAuthority::new)
                .toList();
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
