package uk.csc.workflow.escalation;

import java.time.Instant;
import java.time.LocalDate;

public record EscalationView(long id, String caseRef, String rule, EscalationLevel level, String team, LocalDate dueOn,
                             Instant raisedAt, String notified, String acknowledgedBy, Instant acknowledgedAt,
                             String acknowledgementNote, String resolvedBy, Instant resolvedAt, String resolution,
                             String processInstanceId, String childName) {
}
