"""What the tests of the shared cache need beside the Redis of tests/conftest.py."""


def disconnect(redis_cache):
    """Close a RedisCache's connections now: Django leaves them to the garbage collector, which warns of them."""
    for pool in redis_cache._cache._pools.values():
        pool.disconnect()
