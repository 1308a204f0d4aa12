-- Court list sync (失信被执行人): the mirror a snapshot of millions of rows is diffed against.

-- Case numbers are compared byte for byte: "C" collation makes the join and the primary key cheaper than
-- the database's linguistic collation, and a court's case number has no linguistic order anyway.
alter table court_listings alter column case_code type text collate "C";

-- The mirror is written only by the sync, in the transaction that writes the entries it points at, so
-- the foreign key adds a look-up per row (tens of thousands per sync) and guards nothing the sync does
-- not already guarantee.
alter table court_listings drop constraint court_listings_entry_id_fkey;
