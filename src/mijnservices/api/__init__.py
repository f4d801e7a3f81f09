"""Shared foundation of the ZGW APIs: JWT auth, problem+json, headers, pagination, ETags.

Access decisions are not made here: :mod:`mijnservices.api.permissions` only asks
:mod:`mijnservices.services.access.policy`.
"""
