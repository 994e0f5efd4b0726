"""The web container's health check: GET /health/ from inside, as the reverse proxy would forward it.

Exits 0 when gunicorn answers 200, 1 otherwise. The Host is the site's own (the first of ALLOWED_HOSTS, which
Django checks) and X-Forwarded-Proto says HTTPS, as behind the proxy, so that no redirect to HTTPS answers instead.
"""

import os
import sys
import urllib.error
import urllib.request

address = os.environ.get("HEALTHCHECK_ADDRESS", "127.0.0.1:8000")
host = os.environ.get("ALLOWED_HOSTS", "localhost").split(",")[0].strip()
request = urllib.request.Request(
    f"http://{address}/health/",
    headers={"Host": host, "X-Forwarded-Proto": "https", "Accept": "text/plain"},
)
try:
    with urllib.request.urlopen(request, timeout=10) as response:
        sys.stdout.write(response.read().decode())
except urllib.error.HTTPError as error:
    sys.stdout.write(error.read().decode(errors="replace"))
    sys.exit(1)
except (urllib.error.URLError, TimeoutError) as error:
    sys.stdout.write(f"unreachable: {error}\n")
    sys.exit(1)
