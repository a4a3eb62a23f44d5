package uk.csc.workflow.codes;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import uk.csc.workflow.platform.forms.FormValues;
import uk.csc.workflow.platform.time.TimeSource;
import uk.csc.workflow.platform.web.BadRequestException;

/**
 * A code list as a form or plugin should offer it for a fact on a given day: only the codes the
 * DfE accepts for that day's collection year ({@code GET /api/codes/PLACEMENT_TYPE?on=2025-04-01}).
 */
@RestController
class CodesController {

    private final TimeSource time;

    CodesController(TimeSource time) {
        this.time = time;
    }

    record CodeList(String list, LocalDate on, String collectionYear, List<CodeLabels.Coded> codes) {
    }

    @GetMapping("/api/codes/{list}")
    CodeList codes(@PathVariable String list, @RequestParam(required = false) String on) {
        if (CodeLabels.list(list).isEmpty()) {
            throw new BadRequestException("list", "'" + list + "' is not a code list; try PLACEMENT_TYPE, LEGAL_STATUS or REASON_CEASED");
        }
        LocalDate day = time.today();
        if (on != null && !on.isBlank()) {
            FormValues form = new FormValues(Map.of("on", on));
            day = form.date("on");
            form.validate();
        }
        List<CodeLabels.Coded> codes = CodeYears.codesValidOn(list, day).entrySet().stream()
                .map(e -> new CodeLabels.Coded(e.getKey(), e.getValue())).toList();
        return new CodeList(list, day, CollectionYear.of(day).label(), codes);
    }
}
