"""Helpers for `make bench-load` (scripts/bench_load.py): throwaway services, the population, the load generator
and the multi-instance checks."""
