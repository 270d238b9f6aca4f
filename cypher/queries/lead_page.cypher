// One page of leads plus the total, for an unrestricted caller (null $scope)
// with no $partnerId: this lists every lead, so it scans the label;
// lead_page_partners serves a scope or a partner (a scoped call that reached
// this file by mistake matches nothing). Filters (null = any): $status,
// $partnerId (the partner holding the referring partnership). $sort: name |
// createdDate | status. Total only when asked ($withTotal).
CALL () {
  MATCH (l:Lead)
  WHERE $scope IS NULL
    AND ($status IS NULL OR l.status = $status)
    AND ($partnerId IS NULL
     OR EXISTS { MATCH (l)-[:REFERRED_BY]->(:Partnership)<-[:HOLDS]-(:Partner {id: $partnerId}) })
  WITH l, CASE $sort
      WHEN 'createdDate' THEN l.createdDate
      WHEN 'status' THEN l.status
      ELSE l.name
    END AS key
  ORDER BY CASE WHEN $desc THEN null ELSE key END ASC,
           CASE WHEN $desc THEN key ELSE null END DESC,
           l.id
  SKIP $skip LIMIT $limit
  RETURN collect(l {.*,
    partnershipId: [(l)-[:REFERRED_BY]->(s:Partnership) | s.id][0],
    convertedDealId: [(l)-[:CONVERTED_TO]->(d:Deal) | d.id][0],
    customerId: [(l)-[:FOR]->(c:Customer) | c.id][0]}) AS items
}
RETURN CASE WHEN $withTotal THEN COUNT {
         MATCH (l:Lead)
         WHERE $scope IS NULL
           AND ($status IS NULL OR l.status = $status)
           AND ($partnerId IS NULL
             OR EXISTS {
               MATCH (l)-[:REFERRED_BY]->(:Partnership)<-[:HOLDS]-(:Partner {id: $partnerId})
             })
       } END AS total,
       items
