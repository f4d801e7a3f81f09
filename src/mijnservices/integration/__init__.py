"""Layer 3: clients for external ZGW sources and chain partners.

Empty in the walking skeleton; external Open Zaak sources and chain partners will
plug in here behind the same selector interfaces the portal already uses.
"""
