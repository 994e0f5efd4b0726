"""The inclusive-offer check: wordings that turn candidates away without reason, quoted with a kinder wording.

Rules are data staff edit in the admin (``InclusiveRule``); the engine (``check_offer_texts``) only matches them.
Matching ignores case, accents and the kind of apostrophe, yet quotes the words exactly as the recruiter wrote
them. Findings are advice: nothing here ever blocks an offer.
"""

import bisect
import logging
import re
import unicodedata
from dataclasses import dataclass

from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, HelpPanel
from wagtail.models import Orderable, PreviewableMixin

logger = logging.getLogger(__name__)

CACHE_KEY = "snippets.inclusive_rules"
# The default cache is per process: another worker sees an edited rule after this delay at the latest.
CACHE_TIMEOUT = 300

# Typographic apostrophes read as the plain one, so that a rule written with ' matches « l’expérience ».
_APOSTROPHES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u02bc": "'", "\u00b4": "'", "`": "'"})
# A sentence ends at . ! ? ; followed by a space, at a line break or at a bullet: offers are often lists.
_SENTENCE_END = re.compile(r"[.!?;]+(?=\s|$)|\n|\u2022")


def fold(text):
    """The text without accents and with plain apostrophes, and for each of its characters the original's index.

    Characters are decomposed one by one, so a letter written as base + combining accent maps back too.
    """
    folded, origins = [], []
    for index, char in enumerate(text):
        for part in unicodedata.normalize("NFD", char):
            if not unicodedata.combining(part):
                folded.append(part.translate(_APOSTROPHES))
                origins.append(index)
    return "".join(folded), origins


def compile_pattern(pattern):
    """A rule's pattern as staff wrote it, compiled to match folded text (case-, accent- and apostrophe-blind)."""
    return re.compile(fold(pattern)[0], re.IGNORECASE)


def validate_pattern(value):
    """Refuse a pattern that does not compile, or that matches an empty text (it would flag every offer)."""
    try:
        regex = compile_pattern(value)
    except re.error as error:
        if error.pos is None:
            raise ValidationError(
                _("This pattern cannot be read: check that every parenthesis and bracket is closed."),
                code="invalid_pattern",
            ) from None
        raise ValidationError(
            _(
                "This pattern cannot be read near character %(position)s: check that every parenthesis and "
                "bracket is closed, and put a \\ before + ? * ( ) [ ] when you mean the character itself."
            ),
            params={"position": error.pos + 1},
            code="invalid_pattern",
        ) from None
    if regex.search("") is not None:
        raise ValidationError(
            _("This pattern matches an empty text, so it would flag every offer: look for a stray | or *."),
            code="empty_pattern",
        )


PATTERN_HELP = _(
    "What to look for, as a « regular expression ». Capitals, accents and the kind of apostrophe do not matter. "
    "The | sign means « or »: « permis b|permis de conduire ». \\b marks the start or end of a word. \\s+ stands "
    "for one or more spaces, \\d for a digit, a ? after a letter makes it optional (« diplomee? »). Put a \\ "
    "before + ( ) when you mean the character itself: « bac\\s*\\+\\s*\\d »."
)


class InclusiveRule(PreviewableMixin, Orderable, models.Model):
    """A wording that excludes candidates without reason, why it does, and what to write instead.

    The preview runs the rule on its test sentences, so that staff see what a change of pattern flags.
    """

    name = models.CharField(_("name"), max_length=100, unique=True, help_text=_("E.g. « Diplôme exigé »."))
    pattern = models.TextField(_("words to look for"), validators=[validate_pattern], help_text=PATTERN_HELP)
    exceptions = models.TextField(
        _("exceptions"),
        blank=True,
        validators=[validate_pattern],
        help_text=_(
            "Same kind of pattern. Words found by the rule are not flagged when they are part of an exception or "
            "in the same sentence as one, e.g. « pas de diplôme requis », « débutants acceptés »."
        ),
    )
    explanation = models.TextField(
        _("why it excludes"), help_text=_("Shown to the recruiter: why this wording turns candidates away.")
    )
    suggestion = models.TextField(
        _("what to write instead"), help_text=_("Shown to the recruiter: an inclusive wording they can reuse.")
    )
    skip_when_driving_required = models.BooleanField(
        _("not when the job means driving"),
        default=False,
        help_text=_("For the driving licence: the rule is skipped when the offer says the job itself means driving."),
    )
    active = models.BooleanField(
        _("active"), default=True, help_text=_("Untick to pause the rule without deleting it.")
    )
    examples = models.TextField(
        _("test sentences"),
        blank=True,
        help_text=_(
            "One sentence per line: phrasings the rule must flag and phrasings it must not. The preview shows what "
            "the rule finds in them."
        ),
    )

    panels = [
        FieldPanel("name"),
        HelpPanel(
            content=_(
                "<p>A rule looks for words in the title, the description and the message of every offer. When it "
                "finds them, the recruiter sees the words quoted, the explanation and the suggestion: advice only, "
                "the offer can always be sent.</p><p>To try a change, write test sentences below and open the "
                "preview: it shows what the rule flags, before you save.</p>"
            ),
            heading=_("How a rule works"),
        ),
        FieldPanel("pattern"),
        FieldPanel("exceptions"),
        FieldPanel("explanation"),
        FieldPanel("suggestion"),
        FieldRowPanel([FieldPanel("skip_when_driving_required"), FieldPanel("active")]),
        FieldPanel("examples"),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("inclusive-offer rule")
        verbose_name_plural = _("inclusive-offer rules")

    def __str__(self):
        return self.name

    def as_cached(self):
        """What the engine needs of the rule, plain enough for any cache backend."""
        return {
            "name": self.name,
            "pattern": self.pattern,
            "exceptions": self.exceptions,
            "explanation": self.explanation,
            "suggestion": self.suggestion,
            "skip_when_driving_required": self.skip_when_driving_required,
        }

    def get_preview_template(self, request, mode_name):
        return "snippets/previews/inclusive_rule.html"

    def get_preview_context(self, request, mode_name):
        context = super().get_preview_context(request, mode_name)
        lines = [line.strip() for line in self.examples.splitlines() if line.strip()]
        # Shown as in the public form, where most text goes in the job's description.
        field = str(_("The job"))
        context["examples"] = [(line, check_offer_texts({field: line}, rules=[self])) for line in lines]
        context["sample"] = next((findings for _line, findings in context["examples"] if findings), Findings())
        return context


@receiver(post_save, sender=InclusiveRule)
@receiver(post_delete, sender=InclusiveRule)
def forget_cached_rules(**kwargs):
    """An edited rule applies at the next check. Forgotten again on commit, in case a check cached the old rules."""
    cache.delete(CACHE_KEY)
    transaction.on_commit(lambda: cache.delete(CACHE_KEY))


def active_rules():
    """The active rules, in the staff's order: one cache read on a live check."""
    rules = cache.get(CACHE_KEY)
    if rules is None:
        rules = [rule.as_cached() for rule in InclusiveRule.objects.filter(active=True)]
        cache.set(CACHE_KEY, rules, CACHE_TIMEOUT)
    return rules


@dataclass(frozen=True)
class Finding:
    """Words of an offer that one rule flags: ``quote`` is exactly as written, ``field`` names where."""

    rule: str
    field: str
    quote: str
    explanation: str
    suggestion: str


@dataclass(frozen=True)
class Tip:
    """One rule's advice with every finding it made: the explanation is given once, however many words it flags."""

    rule: str
    explanation: str
    suggestion: str
    findings: list


class Findings(list):
    """The findings of a check, which templates show as tips (``findings.by_rule``) to keep the advice short."""

    @property
    def by_rule(self):
        """One ``Tip`` per rule, in the order the rules first flag something."""
        groups = {}
        for finding in self:
            groups.setdefault(finding.rule, []).append(finding)
        return [
            Tip(rule=rule, explanation=found[0].explanation, suggestion=found[0].suggestion, findings=found)
            for rule, found in groups.items()
        ]


def check_offer_texts(texts, *, driving_licence_required=False, rules=None):
    """The findings for ``texts`` ({field label or name: text}), field by field, in reading order.

    ``rules`` (``InclusiveRule`` instances) replaces the active rules, e.g. to try a rule not saved yet.
    The same words flagged twice by a rule in one field make one finding.
    """
    rules = active_rules() if rules is None else [rule.as_cached() for rule in rules]
    rules = [rule for rule in rules if not (driving_licence_required and rule["skip_when_driving_required"])]
    findings = Findings()
    for field, text in texts.items():
        if not text:
            continue
        folded, origins = fold(text)
        sentence_ends = [match.end() for match in _SENTENCE_END.finditer(folded)]
        spotted = []
        for rule in rules:
            seen = set()
            for start, end in _rule_matches(rule, folded, sentence_ends):
                quote = _original_words(text, origins, start, end)
                if quote and quote.casefold() not in seen:
                    seen.add(quote.casefold())
                    spotted.append((start, rule, quote))
        spotted.sort(key=lambda item: item[0])
        findings.extend(
            Finding(
                rule=rule["name"], field=field, quote=quote, explanation=rule["explanation"],
                suggestion=rule["suggestion"],
            )
            for _start, rule, quote in spotted
        )
    return findings


def _rule_matches(rule, folded, sentence_ends):
    """The (start, end) of the rule's matches in ``folded`` that no exception covers."""
    try:
        pattern = compile_pattern(rule["pattern"])
        exceptions = compile_pattern(rule["exceptions"]) if rule["exceptions"] else None
    except re.error:
        # A rule saved around the admin's validation (shell, import) must not break every offer form.
        logger.warning("Inclusive-offer rule %r has an invalid pattern: skipped.", rule["name"])
        return []
    excepted_spans, excepted_sentences = [], set()
    if exceptions:
        for match in exceptions.finditer(folded):
            excepted_spans.append(match.span())
            excepted_sentences.update(
                range(_sentence(sentence_ends, match.start()), _sentence(sentence_ends, max(match.end() - 1, 0)) + 1)
            )
    return [
        match.span()
        for match in pattern.finditer(folded)
        if match.end() > match.start()
        and _sentence(sentence_ends, match.start()) not in excepted_sentences
        and not any(start < match.end() and match.start() < end for start, end in excepted_spans)
    ]


def _sentence(sentence_ends, position):
    return bisect.bisect_right(sentence_ends, position)


def _original_words(text, origins, start, end):
    """The words of ``text`` behind folded[start:end], with any accent that follows the last letter."""
    first, last = origins[start], origins[end - 1] + 1
    while last < len(text) and unicodedata.combining(text[last]):
        last += 1
    return text[first:last].strip()
