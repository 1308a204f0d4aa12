-- Court list sync: the keyed hash of the raw feed line each mirror row was last seen as (the first 128
-- bits of SHA-256 over a key derived from the master key and the line's bytes). A snapshot line with
-- the same raw hash is byte for byte a line that was parsed and checked before, so the sync need not
-- parse it again. Null until a JSON Lines snapshot has carried the listing (CSV and delta rows store no
-- raw hash): such rows are parsed and, if their content is unchanged, only get their raw hash.
alter table court_listings add column raw_hash uuid;
