package uk.csc.workflow.casefile;

import java.util.Collection;
import java.util.List;

/**
 * What a feature records about a case, as chronology entries, read from its own tables: the
 * referral route's contacts, decisions and assessments, the panel's requests and decisions, the
 * looked-after reviews and visits, the escalations. The case file merges every source in date order.
 */
public interface ChronologySource {

    List<ChronologyEntry> entriesFor(Collection<Long> caseIds);
}
