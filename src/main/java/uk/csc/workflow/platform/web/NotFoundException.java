package uk.csc.workflow.platform.web;

/** The thing asked for does not exist (or the caller may not know that it does). */
public class NotFoundException extends RuntimeException {

    private final String field;

    public NotFoundException(String message) {
        this("id", message);
    }

    /** @param field the path or body field that named what does not exist */
    public NotFoundException(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
