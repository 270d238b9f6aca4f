// Analyst twin of cypher/queries/intel_ecosystem_health.cypher, the query behind the
// GraphQL field ecosystemHealth (score arithmetic by the API). Identical statement; run it in Neo4j
// Browser after the :param lines (edit the values; the examples name the
// test graph of tests/test_intel_fixture.py). $scope null means every
// partner; a list of partner ids shows what a partner portal would see.
//
// ecosystemHealth: the raw counts behind the health score, in one statement;
// the score itself is arithmetic on this result (graph_api/intelligence/health.py).
// A period deal is one created or closed in [$from, $to]; $prevFrom starts the
// equally long period just before it; $days lists every date from $prevFrom to
// $to. All bounds are inclusive.
//   partners   each partner: active (credited on a period deal), coSold (credited
//              on a period deal together with another partner), won value closed
//              in this and the previous period (a deal counts fully for each
//              credited partner)
//   won        each won deal closed in either period: amount, period, and the
//              regions and tiers of the partners credited on it
//   customers  customer counts by region and industry
//   pipeline   open deal value by customer region and industry
//   links      distinct (customer region, industry, partner) for period deals
// Scoped callers: partners in scope, deals credited to them, their customers.

:param from => date('2024-01-01');
:param to => date('2024-03-31');
:param prevFrom => date('2023-10-02');
:param days => [d IN range(0, 181) | date('2023-10-02') + duration({days: d})];
:param scope => null;

CALL () {
  MATCH (p:Partner)
  WHERE $scope IS NULL OR p.id IN $scope
  CALL (p) {
    OPTIONAL MATCH (p)-[:HOLDS]->(:Partnership)-[:ATTRIBUTED]->(d:Deal)
    WHERE (d.createdDate >= $from AND d.createdDate <= $to) OR (d.closeDate >= $from AND d.closeDate <= $to)
    WITH DISTINCT p, d
    RETURN count(d) > 0 AS active,
           count(CASE WHEN COUNT { (d)<-[:ATTRIBUTED]-(:Partnership)<-[:HOLDS]-(o:Partner) WHERE o <> p } > 0 THEN 1 END) > 0 AS coSold
  }
  CALL (p) {
    OPTIONAL MATCH (p)-[:HOLDS]->(:Partnership)-[:ATTRIBUTED]->(d:Deal)
    WHERE d.stage = 'won' AND d.closeDate >= $prevFrom AND d.closeDate <= $to
    WITH DISTINCT d
    RETURN sum(CASE WHEN d.closeDate >= $from THEN coalesce(d.amount, 0.0) ELSE 0.0 END) AS wonCur,
           sum(CASE WHEN d.closeDate < $from THEN coalesce(d.amount, 0.0) ELSE 0.0 END) AS wonPrev
  }
  RETURN collect({id: p.id, region: p.region, tier: p.tier, active: active, coSold: coSold,
                  wonCur: wonCur, wonPrev: wonPrev}) AS partners
}
CALL () {
  UNWIND $days AS day
  MATCH (d:Deal {closeDate: day})
  WITH d WHERE d.stage = 'won'
  CALL (d) {
    OPTIONAL MATCH (x:Partner)-[:HOLDS]->(:Partnership)-[:ATTRIBUTED]->(d)
    RETURN collect(DISTINCT x.region) AS regions, collect(DISTINCT x.tier) AS tiers,
           count(x) AS credited, count(CASE WHEN $scope IS NULL OR x.id IN $scope THEN 1 END) AS inScope
  }
  WITH d, regions, tiers, credited WHERE $scope IS NULL OR inScope > 0
  RETURN collect({amount: coalesce(d.amount, 0.0), current: d.closeDate >= $from,
                  regions: regions, tiers: tiers, credited: credited > 0}) AS won
}
CALL () {
  MATCH (c:Customer)
  WHERE $scope IS NULL
     OR EXISTS { MATCH (x:Partner)-[:SERVES]->(c) WHERE x.id IN $scope }
     OR EXISTS { MATCH (x:Partner)-[:HOLDS]->(:Partnership)-[:ATTRIBUTED|REGISTERED]->(:Deal)-[:FOR]->(c) WHERE x.id IN $scope }
  WITH c.region AS region, c.industry AS industry, count(c) AS customers
  RETURN collect({region: region, industry: industry, customers: customers}) AS customers
}
CALL () {
  MATCH (d:Deal)-[:FOR]->(c:Customer)
  WHERE d.stage IN ['prospect', 'qualified', 'proposal', 'negotiation']
    AND ($scope IS NULL
      OR EXISTS { MATCH (x:Partner)-[:HOLDS]->(:Partnership)-[:ATTRIBUTED|REGISTERED]->(d) WHERE x.id IN $scope })
  WITH c.region AS region, c.industry AS industry, sum(coalesce(d.amount, 0.0)) AS value
  RETURN collect({region: region, industry: industry, value: value}) AS pipeline
}
CALL () {
  MATCH (x:Partner)-[:HOLDS]->(:Partnership)-[:ATTRIBUTED]->(d:Deal)-[:FOR]->(c:Customer)
  WHERE ($scope IS NULL OR x.id IN $scope)
    AND ((d.createdDate >= $from AND d.createdDate <= $to) OR (d.closeDate >= $from AND d.closeDate <= $to))
  WITH DISTINCT c.region AS region, c.industry AS industry, x.id AS partnerId
  RETURN collect({region: region, industry: industry, partnerId: partnerId}) AS links
}
RETURN partners, won, customers, pipeline, links;
