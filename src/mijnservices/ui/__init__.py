"""Layer 5, shared: what the citizen portal (``portal/``) and the employee pages (``kcc/``) both
use — display helpers, the session helpers and the OpenID Connect base. Nothing here belongs to
one of the two; neither imports the other."""
