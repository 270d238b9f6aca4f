// Programs by id. Programs are public: $scope does not restrict them.
UNWIND $ids AS wanted
MATCH (g:Program {id: wanted})
RETURN g.id AS id, g {.*} AS node
