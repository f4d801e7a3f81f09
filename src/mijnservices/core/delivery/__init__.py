"""The one delivery engine every outbound send uses (decision 0032).

- :mod:`.retry`: the retry policy (backoff for an item's own failures, a window after which
  its status is final);
- :mod:`.claims`: claiming due items under a lease with a token (``FOR UPDATE SKIP LOCKED``
  where the database has it, claims serialised on PostgreSQL so stream order holds), the
  lease check right before a send (fencing) and renewing it;
- :mod:`.breaker`: one circuit breaker per destination (subscriber host, SMTP server, Notify
  API), kept in ``core.Destination`` so every worker and the administrator see it;
- :mod:`.lanes`: a thread pool per destination with its own concurrency limit, so a hanging
  destination never holds up another.
"""
