"""Benchmarks (`make bench`): speed as side-by-side ratios, recorded in docs/BENCHMARKS.md."""
