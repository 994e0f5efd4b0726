"""Clean rich text that reaches a page by any path (editor, import, shell): no script ever reaches a visitor.

Wagtail's editor already cleans what it saves; imports and code do not go through it, so the page model
cleans again, with the same whitelist idea, keeping Wagtail's internal link format (``linktype``, ``id``).
"""

from wagtail.whitelist import Whitelister, allow_without_attributes, attribute_rule, check_url


def _drop_with_content(tag):
    tag.decompose()


_ELEMENTS = {
    "[document]": allow_without_attributes,
    "p": allow_without_attributes,
    "br": allow_without_attributes,
    "b": allow_without_attributes,
    "strong": allow_without_attributes,
    "i": allow_without_attributes,
    "em": allow_without_attributes,
    "a": attribute_rule({"href": check_url, "linktype": True, "id": True}),
}
_FEATURE_ELEMENTS = {"bold": {"b", "strong"}, "italic": {"i", "em"}, "link": {"a"}}


def sanitise_rich_text(html, features):
    """Keep paragraphs, line breaks and the elements of the field's ``features``; drop every other tag."""
    if not html:
        return html
    allowed = {"[document]", "p", "br"}.union(*(_FEATURE_ELEMENTS.get(feature, set()) for feature in features))
    whitelister = Whitelister()
    whitelister.element_rules = {name: rule for name, rule in _ELEMENTS.items() if name in allowed}
    whitelister.element_rules.update(dict.fromkeys(("script", "style", "iframe", "object"), _drop_with_content))
    return whitelister.clean(html)
