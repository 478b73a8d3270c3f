-- Savings rules (docs/savings-rules.md).
-- A clawback remembers the growth line of the increase that made it: if the saving it reversed
-- leaves the live set (rejected, withdrawn), new entries move that part back to growth on this line.
alter table cost_change add column growth_line_code varchar(40);
alter table cost_change add constraint cost_change_growth_line_known
    foreign key (growth_line_code) references savings_line (code);

-- A savings line's confidence factor: the share of what is identified and not yet validated that
-- the forecast counts. Null: the setting care-reviews.savings.confidence-factor (0.5 by default).
alter table savings_line add column confidence_factor numeric(5,4);
alter table savings_line add constraint savings_line_confidence_factor_range
    check (confidence_factor is null or (confidence_factor >= 0 and confidence_factor <= 1));
