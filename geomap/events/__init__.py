"""Events: dates, actors, types, fatalities, assembly and de-duplication."""

from .actors import ActorTable, load_actors
from .assemble import extract_events
from .dedup import mark_duplicates, merge_duplicates

__all__ = ["ActorTable", "extract_events", "load_actors", "mark_duplicates", "merge_duplicates"]
