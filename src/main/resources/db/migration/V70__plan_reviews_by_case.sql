-- The returns read the reviews of the plans of the period's cases, found by case id
-- (ReturnFactsRepository): with the kind, date and plan in the index, the read is the index's
-- entries for those cases alone, not every review the city has held (bench/P3.md).
CREATE INDEX plan_item_case_kind ON plan_item (case_id, kind, done_on, plan_id);
