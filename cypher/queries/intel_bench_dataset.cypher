// graph-api bench: which generated dataset the graph holds, if any, and
// whether the graph holds anything at all.
OPTIONAL MATCH (b:BenchDataset {id: 'bench'})
RETURN b {.partners, .customers, .deals, .seed} AS dataset,
       COUNT { MATCH (p:Partner) RETURN p } AS partners
