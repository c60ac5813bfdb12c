"""Persistence: the only package that imports tinydb."""

from storage.store import SCHEMA_VERSION, CorruptDatabase, Store, StoreError

__all__ = ["SCHEMA_VERSION", "CorruptDatabase", "Store", "StoreError"]
