"""Send the programme's e-mails from the wordings staff edit (``EmailTemplate``) or the default files."""

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.template import Context, Template
from django.template.loader import get_template, render_to_string
from django_tasks import task
from wagtail.admin.admin_url_finder import AdminURLFinder
from wagtail.models import Site

from snippets.models.emails import EmailTemplate
from snippets.models.settings import ProgrammeSettings


def admin_url(instance):
    """The full address of the instance's page in the admin, or "" when the admin has none."""
    path = AdminURLFinder().get_edit_url(instance)
    return f"{settings.WAGTAILADMIN_BASE_URL}{path}" if path else ""


def _render_plain(template_name, context):
    """Render a default wording as the plain text it is, without HTML escaping."""
    return get_template(template_name).template.render(Context(context, autoescape=False))


def render_email(key, context):
    """Return (subject, text, html) for the e-mail ``key`` with ``context`` filled in."""
    site = Site.objects.filter(is_default_site=True).first()
    programme = ProgrammeSettings.for_site(site) if site else None
    context = {"programme_name": programme.programme_name if programme else "Tremplin", **context}
    wording = EmailTemplate.objects.filter(key=key).first()
    if wording:
        # E-mails are plain text: nothing is escaped here, and the HTML part escapes the body itself.
        subject = Template(wording.subject).render(Context(context, autoescape=False))
        body = Template(wording.body).render(Context(context, autoescape=False))
    else:
        subject = _render_plain(f"emails/{key}_subject.txt", context)
        body = _render_plain(f"emails/{key}_body.txt", context)
    subject = " ".join(subject.split())
    frame = {**context, "body": body, "programme": programme, "base_url": settings.WAGTAILADMIN_BASE_URL}
    text = render_to_string("emails/base.txt", frame)
    html = render_to_string("emails/base.html", frame)
    return subject, text, html


@task()
def send_email_task(*, key, to, context, reply_to=None):
    subject, text, html = render_email(key, context)
    message = EmailMultiAlternatives(subject, text, to=to, reply_to=reply_to or None)
    message.attach_alternative(html, "text/html")
    message.send()


def send_templated_email(*, key, to, context, reply_to=None):
    """Queue the e-mail ``key`` (an ``EmailKey``) to ``to``; ``context`` holds only JSON-friendly values."""
    recipients = sorted({address for address in to if address})
    if recipients:
        send_email_task.enqueue(key=key, to=recipients, context=context, reply_to=reply_to)
