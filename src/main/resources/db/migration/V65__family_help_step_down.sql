-- Families First: a child in need review may decide STEP_DOWN_TO_FAMILY_HELP (24 characters), longer
-- than the decisions plan_item.decision was sized for. Portable SQL (H2, PostgreSQL).
ALTER TABLE plan_item ALTER COLUMN decision SET DATA TYPE VARCHAR(30);
