from django import template

from cohorts.impact.measures import display

register = template.Library()


@register.filter
def figure(value):
    """A number of the impact figures grouped by thousands in the reader's language; text as is."""
    return display(value)
