"""Reading a streamed response (a file served by a view) in a test."""

from django.core.signals import request_finished
from django.db import close_old_connections


def close_file(response):
    """Close a streamed response as the test client does for the others: without the end-of-request handler, which
    would close the database connection that holds the test's transaction (PostgreSQL)."""
    request_finished.disconnect(close_old_connections)
    try:
        response.close()
    finally:
        request_finished.connect(close_old_connections)
