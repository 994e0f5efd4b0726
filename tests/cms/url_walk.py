"""Every admin URL, read from the URL resolver and filled with the ids of real objects: the audit's crawl, as code.

``admin_urls(fill)`` walks the resolver, keeps the patterns under /admin/, and gives one concrete URL per pattern and
per set of parameter values that ``fill(route, names, pattern)`` returns (dicts; the key "?" adds a query string).
``fill`` raises ``KeyError(name)`` for a parameter it has no values for, which lands in ``unfilled``: a new kind of
admin URL cannot slip past the walk unnoticed.
"""

import contextlib
import html
import io
import json
import re
import zipfile
from dataclasses import dataclass, field

from django.apps import apps
from django.urls import Resolver404, URLResolver, get_resolver, resolve

# A route converter (<int:pk>) or a named regex group ((?P<pk>\d+)), as the resolver writes them.
PARAMETER = re.compile(
    r"<(?:(?P<converter>\w+):)?(?P<route_name>\w+)>|\(\?P<(?P<regex_name>\w+)>(?:[^()]|\([^()]*\))*\)"
)


@dataclass
class Walk:
    urls: list = field(default_factory=list)  # (pattern string, url)
    unfilled: dict = field(default_factory=dict)  # parameter name -> the patterns that need it
    unresolved: list = field(default_factory=list)  # built URLs that resolve to another view


def _patterns(patterns, prefix=""):
    for pattern in patterns:
        if isinstance(pattern, URLResolver):
            yield from _patterns(pattern.url_patterns, prefix + str(pattern.pattern))
        else:
            yield prefix + str(pattern.pattern), pattern


def _clean(route):
    """A route string mixing path() and re_path() syntax, as a URL once its parameters are filled."""
    return "/" + route.replace("^", "").replace("$", "").replace("\\.", ".").replace("\\", "")


def admin_urls(fill):
    walk = Walk()
    for route, pattern in _patterns(get_resolver().url_patterns):
        if not route.lstrip("^").startswith("admin/") or route.endswith(".*/$"):
            continue  # the catch-all that redirects /admin/x to /admin/x/ is not a screen
        names = [match["route_name"] or match["regex_name"] for match in PARAMETER.finditer(route)]
        try:
            combinations = fill(route, names, pattern)
        except KeyError as missing:
            walk.unfilled.setdefault(missing.args[0], []).append(route)
            continue
        for filled in combinations:
            url = _clean(PARAMETER.sub(lambda match, filled=filled: str(filled[match["route_name"]
                                                                                or match["regex_name"]]), route))
            try:
                match = resolve(url)
            except Resolver404:
                walk.unresolved.append(url)
                continue
            if match.func is not pattern.callback:
                walk.unresolved.append(url)
                continue
            walk.urls.append((route, url + filled.get("?", "")))
    return walk


def model_of(pattern):
    """The model a class-based admin view works on, when the view says so."""
    callback = pattern.callback
    model = getattr(callback, "view_initkwargs", {}).get("model")
    model = model or getattr(getattr(callback, "view_class", None), "model", None)
    if isinstance(model, str):
        return apps.get_model(model)
    return model if isinstance(model, type) else None  # a cached_property: the model comes from the request


def readable_text(response):
    """What a person could read in a response: HTML unescaped, JSON decoded, the sheets of an XLSX unzipped, and
    the messages it queued for the next page (a refusal that names what was refused)."""
    content = b"".join(response.streaming_content) if response.streaming else response.content
    if content[:4] == b"PK\x03\x04":
        with zipfile.ZipFile(io.BytesIO(content)) as archive:
            content = b" ".join(archive.read(name) for name in archive.namelist())
    text = content.decode("utf-8", errors="replace")
    if response.get("Content-Type", "").startswith("application/json"):
        with contextlib.suppress(ValueError):
            text = json.dumps(json.loads(text), ensure_ascii=False)
    # Only what this request queued: a message not yet shown rides along on the next answers too.
    storage = getattr(response.wsgi_request, "_messages", None)
    queued = " ".join(str(message) for message in storage._queued_messages) if storage is not None else ""
    return html.unescape(text) + " " + queued
