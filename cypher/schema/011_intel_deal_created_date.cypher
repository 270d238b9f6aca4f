// ecosystemHealth finds the period's deals by creation date as well as by close
// date, one index seek per day.
CREATE INDEX deal_created_date IF NOT EXISTS FOR (n:Deal) ON (n.createdDate);
