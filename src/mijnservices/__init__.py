"""MijnServices: transparent, proactive service for Dutch municipalities."""

__version__ = "0.1.0"
