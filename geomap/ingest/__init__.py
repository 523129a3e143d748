"""Ingest: read articles from files and clean them."""

from .readers import article_from_text, iter_input_files, read_articles

__all__ = ["article_from_text", "iter_input_files", "read_articles"]
