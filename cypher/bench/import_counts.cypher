// graph-api bench, import comparison: the domain nodes and relationships a
// load produced (the import path also writes change-log entries; not counted).
CALL () {
  MATCH (n)
  WHERE n:Partner OR n:Program OR n:Partnership OR n:Customer OR n:Contact
     OR n:Lead OR n:Deal OR n:Goal
  RETURN count(n) AS nodes
}
CALL () {
  MATCH ()-[r:HOLDS|IN_PROGRAM|WORKS_AT|REFERRED_BY|CONVERTED_TO|FOR|HAS_GOAL|ATTRIBUTED|REGISTERED|SERVES|RESELLS_FOR|SHARES_WITH]->()
  RETURN count(r) AS relationships
}
RETURN nodes, relationships
