"""Run VNG's public ZGW Postman suites against a live MijnServices (``make conformance``).

``python -m mijnservices.testing.conformance`` (decision 0028): a fresh database in a temporary
``VAR_DIR``, the API clients the suites expect, a real web server on loopback, local stand-ins for
every outside URL the suites call, newman (npm, pinned in ``conformance/``) per collection, and a
comparison with ``conformance/expected-failures.yaml``.
"""
