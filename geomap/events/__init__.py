"""Events: dates, actors, types, fatalities, assembly and de-duplication."""

from .actors import ActorTable, load_actors
from .assemble import extract_events
from .dedup import merge_duplicates

__all__ = ["ActorTable", "extract_events", "load_actors", "merge_duplicates"]
