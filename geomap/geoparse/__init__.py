"""Geoparsing: recognise place names in text and resolve them to gazetteer places."""

from .recognize import RawMention, find_mentions
from .resolve import resolve_mentions

__all__ = ["RawMention", "find_mentions", "resolve_mentions"]
