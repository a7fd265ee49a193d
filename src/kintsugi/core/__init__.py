"""The engine: vault, schema, repositories, search. Imports no Qt."""
