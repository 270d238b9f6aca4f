// graph-api bench: record the size of the dataset just generated, so --reuse
// can recognize it.
MERGE (b:BenchDataset {id: 'bench'})
SET b.partners = $partners, b.customers = $customers, b.deals = $deals, b.seed = $seed,
    b.generatedAt = datetime()
