-- Orleans' ADO.NET providers load the SQL they run from this table at start-up
-- ("SELECT QueryKey, QueryText FROM OrleansQuery"), so its name and columns are fixed by Orleans.
-- Unquoted, PostgreSQL folds them to lower case; the providers look the columns up case-insensitively.
-- Silos only ever read it: the grant keeps them from rewriting the SQL they execute.
CREATE TABLE OrleansQuery
(
    QueryKey  varchar(64) NOT NULL PRIMARY KEY,
    QueryText text        NOT NULL
);
