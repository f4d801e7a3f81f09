"""Benchmarks: synthetic data at scale and a load runner that prints p50/p95/p99.

Run with ``mijnservices bench <scenario>`` (see ``make bench``). Benchmarks are
measurements, not tests: they print numbers and never fail on them.
"""
