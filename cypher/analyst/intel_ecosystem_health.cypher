// Analyst twin of cypher/queries/intel_ecosystem_health.cypher, the query behind the
// GraphQL field ecosystemHealth (score arithmetic by the API). Identical statement
// (generated from that file by `graph-api generate-cypher`; edit the query, or the
// examples in graph_api/analyst.py, and regenerate). Run it in Neo4j Browser after
// the :param lines (edit the values; the examples name the demo graph of
// seed/demo.jsonl). $scope null means every partner; a list of partner ids shows what
// a partner portal would see.

:param days => [d IN range(0, 181) | date('2023-10-02') + duration({days: d})];
:param scope => null;

// ecosystemHealth: the raw rows behind the health score, in one statement; the
// score and the coverage gaps are arithmetic on this result
// (graph_api/intelligence/health.py). $days lists every date from $prevFrom
// (the start of the equally long period before [$from, $to]) to $to; each is
// one index seek on Deal(closeDate) and one on Deal(createdDate), so the cost
// follows the deals of the two periods, not the size of the graph.
//   partners   every partner (id, region, tier)
//   deals      deals created or closed in those days: amount, stage, dates, the
//              ids of the partners credited on it, its customer's region and
//              industry
//   customers  customer counts by region and industry
// The coverage gaps' open pipeline is the open deals created in the period,
// taken from `deals`.
// Scoped callers: partners in scope, deals credited to one of them, and the
// customers they serve or have such deals with.
CALL () {
  MATCH (p:Partner)
  WHERE $scope IS NULL OR p.id IN $scope
  RETURN collect({id: p.id, region: p.region, tier: p.tier}) AS partners
}
CALL () {
  UNWIND $days AS day
  CALL (day) {
    MATCH (d:Deal {closeDate: day}) RETURN d
    UNION
    MATCH (d:Deal {createdDate: day}) RETURN d
  }
  WITH DISTINCT d
  CALL (d) {
    OPTIONAL MATCH (d)<-[:ATTRIBUTED]-(:Partnership)<-[:HOLDS]-(x:Partner)
    RETURN collect(DISTINCT x.id) AS credited
  }
  WITH d, credited
  WHERE $scope IS NULL OR any(x IN credited WHERE x IN $scope)
  OPTIONAL MATCH (d)-[:FOR]->(c:Customer)
  RETURN collect({amount: coalesce(d.amount, 0.0), stage: d.stage, closeDate: d.closeDate,
                  createdDate: d.createdDate, credited: credited,
                  region: c.region, industry: c.industry}) AS deals
}
CALL () {
  MATCH (c:Customer)
  WHERE $scope IS NULL
     OR EXISTS { MATCH (x:Partner)-[:SERVES]->(c) WHERE x.id IN $scope }
     OR EXISTS { MATCH (x:Partner)-[:HOLDS]->(:Partnership)-[:ATTRIBUTED|REGISTERED]->(:Deal)-[:FOR]->(c) WHERE x.id IN $scope }
  WITH c.region AS region, c.industry AS industry, count(c) AS customers
  RETURN collect({region: region, industry: industry, customers: customers}) AS customers
}
RETURN partners, deals, customers;
