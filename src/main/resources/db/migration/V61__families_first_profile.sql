-- The Families First profile (FAMILIES_FIRST) is longer than the first profiles' names: widen the
-- profile columns. Family Help plans (kind FH) join the plans. Portable SQL (H2, PostgreSQL).
ALTER TABLE care_case ALTER COLUMN profile SET DATA TYPE VARCHAR(20);
ALTER TABLE statutory_deadline ALTER COLUMN profile SET DATA TYPE VARCHAR(20);
ALTER TABLE child_plan DROP CONSTRAINT child_plan_kind;
ALTER TABLE child_plan ADD CONSTRAINT child_plan_kind CHECK (kind IN ('CP', 'CIN', 'FH'));
