"""External ZGW registrations as sources (decision 0029): a client that calls only the
configured API roots, the catalogue import and the projection of a party's zaken into the
registration's own tables."""
