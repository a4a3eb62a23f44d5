package uk.csc.workflow.input;

import java.util.LinkedHashMap;
import java.util.Map;

/** A JSON body with one field (a dotted path into nested objects) replaced or left out. */
final class Bodies {

    private Bodies() {
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> with(Map<String, Object> body, String path, Object value) {
        Map<String, Object> copy = new LinkedHashMap<>(body);
        int dot = path.indexOf('.');
        if (dot > 0) {
            String head = path.substring(0, dot);
            Map<String, Object> nested = copy.get(head) instanceof Map<?, ?> map ? (Map<String, Object>) map : new LinkedHashMap<>();
            copy.put(head, with(nested, path.substring(dot + 1), value));
        } else if (value == BadValues.MISSING) {
            copy.remove(path);
        } else {
            copy.put(path, value);
        }
        return copy;
    }
}
