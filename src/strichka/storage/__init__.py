"""Storage: the schema, the engine, and the queries per entity."""
