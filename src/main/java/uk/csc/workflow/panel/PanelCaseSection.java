package uk.csc.workflow.panel;

import org.springframework.stereotype.Component;

import uk.csc.workflow.casefile.CaseSection;

/** The panel history in the case summary ({@code GET /api/cases/{ref}}). */
@Component
class PanelCaseSection implements CaseSection {

    private final PanelQueries queries;

    PanelCaseSection(PanelQueries queries) {
        this.queries = queries;
    }

    @Override
    public String name() {
        return "panel";
    }

    @Override
    public Object contentFor(long caseId) {
        return queries.history(caseId);
    }
}
