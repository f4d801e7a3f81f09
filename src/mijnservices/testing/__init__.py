"""Test support shared by the apps' test suites: factories and helpers."""
