"""Business rules as plain Python: no Flask, no database session, unit-tested directly."""
