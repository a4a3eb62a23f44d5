-- The process instance that holds an escalation's Tasklist tasks (acknowledge, resolve). A completion
-- is accepted only from that instance: one started by anyone else with the escalation's id is refused.
ALTER TABLE escalation ADD COLUMN task_process_instance_id VARCHAR(64);
