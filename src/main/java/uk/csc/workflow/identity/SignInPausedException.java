package uk.csc.workflow.identity;

import java.time.Instant;

import org.springframework.security.authentication.LockedException;

/** Sign-in refused without checking the password: the account is paused after failed attempts. */
class SignInPausedException extends LockedException {

    private final transient Instant until;

    SignInPausedException(Instant until) {
        super("Sign-in paused after failed attempts");
        this.until = until;
    }

    /** When sign-in works again; {@link Instant#MAX} when only an administrator can unlock it. */
    Instant until() {
        return until;
    }
}
