-- Indexes that ten years of a large city's history call for (issue 14 P3, bench/P3.md: the plans
-- before and after). Portable SQL: H2 and PostgreSQL.

-- The chronology reads a child's escalations and duplicate checks case by case; without these
-- both were read whole (a sequential scan that grows with the city's history, not the child's).
CREATE INDEX escalation_case ON escalation (case_id);
CREATE INDEX child_match_decision_case ON child_match_decision (case_id);

-- The returns start from the children of the period: cases still open on its first day or closed in
-- or after it (closed_at IS NULL OR closed_at >= the day before), so the closed past is never read.
CREATE INDEX care_case_closed ON care_case (closed_at);
