"""The gazetteer: layered place data, name keys, lookups."""

from .admin import GOVERNORATES, governorate_name
from .names import name_keys, token_key
from .store import Gazetteer, describe, load_gazetteer

__all__ = [
    "GOVERNORATES",
    "Gazetteer",
    "describe",
    "governorate_name",
    "load_gazetteer",
    "name_keys",
    "token_key",
]
