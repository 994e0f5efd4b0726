"""The database real ``manage.py db_worker`` processes open in tests, and the way back for what they wrote.

On PostgreSQL they open the test database itself. On SQLite the test database lives in memory: it is copied into a
file the workers open, and copied back once they are done.
"""

import sqlite3
from pathlib import Path

import pytest
from django.db import connection


class WorkerDatabase:
    """The database the worker processes open, and the way back for what they wrote."""

    def __init__(self, folder):
        self.sqlite = connection.vendor == "sqlite"
        self.file = folder / "workers.sqlite3"
        if self.sqlite and not connection.is_in_memory_db():
            self.file = Path(connection.settings_dict["NAME"])
        elif not self.sqlite and connection.vendor != "postgresql":
            pytest.skip(f"the worker tests know SQLite and PostgreSQL, not {connection.vendor}")

    def settings(self):
        if self.sqlite:
            return {"ENGINE": "django.db.backends.sqlite3", "NAME": str(self.file)}
        keys = ("ENGINE", "NAME", "USER", "PASSWORD", "HOST", "PORT")
        return {key: connection.settings_dict[key] for key in keys}

    def hand_over(self):
        """Before the workers start: on SQLite, the test database copied into their file."""
        if self.sqlite and connection.is_in_memory_db():
            connection.ensure_connection()
            target = sqlite3.connect(self.file)
            connection.connection.backup(target)
            target.close()

    def take_back(self):
        """Once the workers are gone: on SQLite, their file (an interrupted transaction rolled back as SQLite opens
        it, like any crash) copied back into the test database."""
        if self.sqlite and connection.is_in_memory_db():
            source = sqlite3.connect(self.file)
            source.backup(connection.connection)
            source.close()
