"""The SQLite catalog: schema and migrations, writes, queries and search."""
