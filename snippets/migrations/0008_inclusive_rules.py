"""The inclusive-offer rules, with the default French rules, and the programme admins' right to edit them.

The patterns are matched without regard to case, accents or the kind of apostrophe (snippets/inclusive.py), so
they are written here in plain lower-case letters. Each rule's test sentences feed its preview in the admin.
"""

from django.contrib.auth.management import create_permissions
from django.db import migrations, models

import snippets.models.inclusive
import wagtail.models.preview
from snippets import roles

# A requirement word, in any gender and number: « exigé », « requises », « obligatoire »...
REQUIRED = (
    r"(?:exigee?s?|requise?s?|obligatoires?|indispensables?|imperati(?:f|ve)s?|necessaires?|demandee?s?"
    r"|souhaitee?s?|apprecie(?:e|\(e\))?s?|minimum|valides?|en\s+poche|ou\s+equivalent)"
)
# A negation just before a requirement word: « non exigé », « pas obligatoire », « n'est pas requis ».
NOT_REQUIRED = r"(?:non|pas|plus)\s+(?:exigee?s?|requise?s?|obligatoires?|indispensables?|necessaires?|demandee?s?)"
# How French is used: « écrit et oral », « écrite », « orale »...
FRENCH_FORMS = r"(?:ecrite?s?\s+et\s+orale?s?|orale?s?\s+et\s+ecrite?s?|ecrite?s?|orale?s?)"
# A diploma, as recruiters write it.
DIPLOMA = (
    r"(?:bac(?:calaureat)?(?:\s*\+\s*\d+)?(?:\s+pro(?:fessionnel)?)?|bts|dut|but|bep|cap(?:\s*/\s*bep)?|cqp"
    r"|licence|master|titre\s+professionnel|diplomes?)"
)
# « diplômé », « diplômée », « diplômé(e) », « diplômé·e », « diplômés ».
GENDERED_E = r"(?:e|\(e\)|\.e|\u00b7e)?s?"

DEFAULT_RULES = [
    {
        "name": "Diplôme exigé",
        "pattern": (
            rf"\bbac\s*\+\s*\d+\b(?:\s+{REQUIRED})?"
            rf"|\b(?:titulaire|detent(?:eur|rice)|niveau|avoir|possed\w*)\s+(?:(?:d'un|d'une|du|de\s+la|de|d'|un|une|le|la"
            rf"|au\s+moins|minimum)\s*)?{DIPLOMA}\b(?:\s+{REQUIRED})?"
            rf"|\b{DIPLOMA}\b(?:\s+(?!non\b|pas\b|ni\b)[\w'-]+){{0,3}}?\s+{REQUIRED}"
            rf"|\bdiplome{GENDERED_E}\s+(?:d'une?\s+|de\s+|du\s+|des\s+|d'|en\s+)(?:{DIPLOMA}\b|[\w'-]+)"
        ),
        "exceptions": (
            rf"\b(?:pas|aucun|sans|ni)\s+(?:besoin\s+)?(?:de\s+|d'|d'un\s+|d'avoir\s+(?:un\s+|le\s+)?)?{DIPLOMA}\b"
            rf"|\b{DIPLOMA}\b[^.;!?\n]{{0,30}}?\b{NOT_REQUIRED}"
            rf"|\b{DIPLOMA}\b[^.;!?\n]{{0,30}}?\bn'(?:est|sont)\s+pas\b"
            rf"|\b(?:prepar\w*|obten\w*|obtiendr\w*|passer|passerez|formation|financ\w*)\s+(?:un\s+|une\s+|le\s+|la\s+"
            rf"|votre\s+|au\s+)?{DIPLOMA}\b"
        ),
        "explanation": (
            "Exiger un diplôme écarte les personnes qui ont appris leur métier sur le terrain, en dehors de "
            "l'école. Beaucoup de nos candidats savent faire le travail sans avoir de diplôme : ils ne "
            "postuleront pas s'ils lisent « Bac+2 exigé »."
        ),
        "suggestion": (
            "Décrivez plutôt les tâches : « vous préparerez les commandes et rangerez le stock ». "
            "Nos candidats sont formés sur le poste."
        ),
        "skip_when_driving_required": False,
        "examples": (
            "Bac+2 exigé.\nTitulaire d'un CAP cuisine.\nDiplômé(e) d'un BTS logistique.\nPas de diplôme requis.\n"
            "Poste ouvert aux personnes sans diplôme.\nVous videz les bacs de tri."
        ),
    },
    {
        "name": "Années d'expérience exigées",
        "pattern": (
            r"\b(?:(?:au\s+moins|minimum|mini|plus\s+de|entre\s+\d+\s+et)\s+)?\d+\s*(?:(?:a|-|ou)\s*\d+\s*)?(?:ans?|annees?)\s+"
            rf"(?:d'|de\s+)experiences?\b(?:\s+(?:professionnelles?\s+)?{REQUIRED})?"
            r"|\bexperiences?\s+(?:[\w']+\s+){0,4}?(?:de|d')\s*(?:au\s+moins\s+|minimum\s+|plus\s+de\s+)?\d+\s*"
            rf"(?:ans?|annees?)\b(?:\s+(?:minimum|{REQUIRED}))?"
            r"|\bexperiences?\s+(?:professionnelles?\s+)?(?:significatives?|confirmee?s?|solides?|reussies?"
            rf"|averee?s?|probantes?)\b(?:\s+(?:dans\s+[\w']+\s+)?(?:[\w']+\s+)?{REQUIRED})?"
            rf"|\bexperiences?\b[^.;!?\n,]{{0,40}}?\b(?:exigee?s?|requise?s?|obligatoires?|indispensables?"
            r"|imperatives?|necessaires?)\b"
            rf"|\b[\w']+\s+(?:confirme|experimente){GENDERED_E}(?=[\s.,;:!?)]|$)"
        ),
        "exceptions": (
            r"\b(?:aucune|sans|pas\s+(?:besoin\s+)?d'|nul\s+besoin\s+d')\s*(?:\w+\s+)?experience"
            rf"|\bexperiences?\b[^.;!?\n]{{0,40}}?\b{NOT_REQUIRED}"
            r"|\bexperiences?\b[^.;!?\n]{0,40}?\bn'(?:est|sont)\s+pas\b"
            r"|\bdebutant(?:e|\(e\)|\.e|\u00b7e)?s?\s+(?:acceptee?s?|accepte\(e\)s|bienvenue?s?|bienvenu\(e\)s"
            r"|accueillie?s?)"
            r"|\b(?:sera|seront|serez|sont|est|etre|ete|etes|soit)\s+(?:\w+\s+)?confirme"
            r"|\b(?:rendez-vous|date|debut|horaires?|entretien|contrat|embauche|inscription|candidature|commande"
            r"|reservation|presence)s?\s+confirme"
            r"|\b(?:apres|au\s+bout\s+d[e'])\s*\d+\s*(?:ans|annees)"
            r"|\b(?:acquerr\w*|acquerir|gagnerez|cumulerez)\b"
        ),
        "explanation": (
            "Un nombre d'années d'expérience écarte celles et ceux qui ont eu un parcours interrompu (rue, exil, "
            "enfants, santé) ou dont l'expérience est informelle : petits boulots, bénévolat, aide à la famille. "
            "Ce sont pourtant souvent des personnes fiables et motivées."
        ),
        "suggestion": (
            "Dites ce que la personne saura faire au bout de quelques semaines : « vous apprendrez à utiliser le "
            "chariot et à préparer les commandes ». Écrivez « débutants acceptés » si c'est le cas."
        ),
        "skip_when_driving_required": False,
        "examples": (
            "3 ans d'expérience minimum.\nExpérience de 5 ans exigée.\nExpérience significative exigée.\n"
            "Cuisinier confirmé.\nAucune expérience exigée.\nDébutants acceptés.\nPremière expérience bienvenue."
        ),
    },
    {
        "name": "Critère d'âge",
        "pattern": (
            r"\b(?:de\s+|ayant\s+|avoir\s+)?moins\s+de\s+\d{2}\s*ans\b(?!\s+d'(?:experience|anciennete|existence))"
            rf"|\bage{GENDERED_E}\s+(?:de\s+|d'au\s+moins\s+|d'au\s+plus\s+)?(?:entre\s+)?\d{{2}}\s*"
            r"(?:(?:ans\s+)?(?:a|-|et)\s*\d{2}\s*)?ans\b"
            r"|\bentre\s+\d{2}\s*(?:ans\s+)?et\s+\d{2}\s*ans\b(?!\s+d'(?:experience|anciennete|existence))"
            r"|\b\d{2}\s*(?:-|a)\s*\d{2}\s*ans\b(?!\s+d'(?:experience|anciennete|existence))"
            r"|\b(?:age|ages)\s+(?:maximum|minimum|max|limite|requis)\b|\blimite\s+d'age"
            r"|\bjeunes?\s*(?:et|,)\s*(?:dynamiques?|motivee?s?|energiques?)"
            rf"|\bjeunes?\s+diplome{GENDERED_E}"
            r"|\b(?:un|une|des)\s+jeunes?\s+(?:homme|femme|fille|garcon|talent|profil|candidat|candidate|recrue"
            r"|personne|collaborat\w+|vendeu\w+|employee?)s?\b"
            r"|\bprofils?\s+jeunes?\b|\b(?:vous\s+etes|etre|soyez)\s+jeunes?\b"
        ),
        "exceptions": (
            r"\b(?:pas\s+de|sans|aucune)\s+limite\s+d'age|\btous\s+(?:les\s+)?ages|\bquel\s+que\s+soit\s+(?:votre|l')\s*age"
            r"|\bpeu\s+importe\s+(?:votre|l')\s*age"
        ),
        "explanation": (
            "Un critère d'âge est une discrimination interdite par la loi (article L1132-1 du Code du travail). "
            "Il écarte aussi des candidats prêts à s'engager : on peut commencer un nouveau métier à tout âge."
        ),
        "suggestion": (
            "Décrivez le rythme et l'ambiance plutôt que l'âge : « une équipe soudée, un travail actif, debout, "
            "avec des pics d'activité le samedi »."
        ),
        "skip_when_driving_required": False,
        "examples": (
            "Moins de 30 ans.\nÂgé de 25 à 35 ans.\nJeune et dynamique.\nJeune diplômé bienvenu.\n"
            "Pas de limite d'âge.\nJeune entreprise en croissance.\nNous accompagnons des jeunes de la mission locale."
        ),
    },
    {
        "name": "Permis de conduire exigé",
        "pattern": (
            r"\bpermis(?!\s+(?:de\s+(?:travail|sejour|construire)|cariste|caces|bateau|[cde]\b|ce\b|poids))"
            r"(?:\s+(?:de\s+conduire|b|vl))*\b[^.;!?\n]{0,25}?\b(?:exigee?s?|requise?s?|obligatoires?"
            r"|indispensables?|imperati(?:f|ve)s?|necessaires?|souhaitee?s?|demandee?s?|apprecie(?:e|\(e\))?s?"
            r"|en\s+poche)"
            r"|\b(?:titulaire|detent(?:eur|rice))\s+(?:du|d'un)\s+permis(?:\s+(?:de\s+conduire|b))*"
            r"|\bpermis\s+b\s*(?:\+|et)\s*vehicule"
            r"|\bvehicule\s+(?:personnel|perso)\b(?:\s+(?:exige|obligatoire|indispensable|requis|necessaire))?"
            rf"|\b(?:vous\s+etes|etre|etes|soyez)\s+vehicule{GENDERED_E}"
            rf"|\bvehicule{GENDERED_E}\s+(?:exige|obligatoire|indispensable|imperatif|souhaite)"
        ),
        "exceptions": (
            r"\b(?:pas|aucun|sans|nul)\s+(?:besoin\s+)?(?:de\s+|d'|du\s+)?(?:permis|vehicule)"
            rf"|\b(?:permis|vehicule)\b[^.;!?\n]{{0,25}}?\b{NOT_REQUIRED}"
            r"|\b(?:permis|vehicule)\b[^.;!?\n]{0,25}?\bn'(?:est|sont)\s+pas\b"
        ),
        "explanation": (
            "Beaucoup de nos candidats n'ont pas encore le permis : il coûte cher et prend du temps. Quand le poste "
            "ne demande pas de conduire, l'exiger les écarte sans raison."
        ),
        "suggestion": (
            "Indiquez comment venir : « accessible en bus (ligne 12) ou en RER », ou les horaires s'ils tombent "
            "hors des transports. Si le poste demande vraiment de conduire, cochez la case prévue dans le formulaire."
        ),
        "skip_when_driving_required": True,
        "examples": (
            "Permis B exigé.\nPermis B obligatoire.\nVous êtes véhiculé(e).\nPermis non obligatoire.\n"
            "Pas besoin de permis.\nAccessible en transports en commun."
        ),
    },
    {
        "name": "Niveau de français exigé",
        "pattern": (
            r"\b(?:parfaite|excellente|tres\s+bonne|totale)\s+maitrise\s+(?:du\s+francais|de\s+la\s+langue\s+francaise"
            rf"|de\s+l'orthographe|de\s+l'ecrit)(?:\s+{FRENCH_FORMS})?"
            r"|\bmaitrise\s+(?:parfaite\s+|totale\s+|excellente\s+)?(?:du\s+francais|de\s+la\s+langue\s+francaise)"
            rf"(?:\s+{FRENCH_FORMS})?(?:\s+{REQUIRED})?"
            r"|\bfrancais\s+(?:courant|parfait|impeccable|irreprochable|natif|langue\s+maternelle"
            rf"|lu,?\s+ecrit(?:,?\s+(?:et\s+)?parle)?)(?:\s+{REQUIRED})?"
            r"|\b(?:excellent(?:e|\s+niveau\s+(?:de|en))?|parfait(?:e|\s+niveau\s+(?:de|en))?"
            r"|tres\s+bon(?:ne|\s+niveau\s+(?:de|en))?)\s+(?:francais|orthographe|expression\s+ecrite|redaction)"
            r"|\borthographe\s+(?:irreprochable|parfaite|impeccable|exemplaire)"
            r"|\baisance\s+(?:redactionnelle|a\s+l'ecrit)"
            r"|\blangue\s+maternelle\s+francaise"
        ),
        "exceptions": (
            r"\b(?:pas|sans|nul)\s+(?:besoin|necessaire|exige)\b[^.;!?\n]{0,40}francais"
            rf"|\bfrancais\b[^.;!?\n]{{0,25}}?\b{NOT_REQUIRED}"
        ),
        "explanation": (
            "Beaucoup de nos candidats apprennent le français ou écrivent avec des fautes, et font très bien leur "
            "travail. Exiger un français parfait les écarte, même quand le poste demande surtout de savoir se "
            "faire comprendre."
        ),
        "suggestion": (
            "Dites à quoi sert la langue dans le poste : « vous échangerez avec les clients à l'oral » ou « vous "
            "lirez des consignes simples ». Précisez si l'équipe aide à progresser."
        ),
        "skip_when_driving_required": False,
        "examples": (
            "Parfaite maîtrise du français.\nFrançais courant exigé.\nExcellente orthographe.\n"
            "Des bases en français suffisent.\nCuisine française traditionnelle.\n"
            "Pas besoin de parler un français parfait : l'équipe vous aide."
        ),
    },
    {
        "name": "CV et lettre de motivation",
        "pattern": (
            r"\bcv\s*(?:\+|et|&|,)\s*(?:votre\s+|une\s+)?(?:lettre\s+de\s+motivation|lm)\b"
            rf"(?:\s+(?:manuscrites?|{REQUIRED}))?"
            rf"|\blettres?\s+de\s+motivation\b(?:\s+manuscrites?)?(?:\s+{REQUIRED})?"
        ),
        "exceptions": (
            r"\b(?:pas|sans|ni|aucune?|inutile)\s+(?:besoin\s+)?(?:de\s+|d'|d'une\s+|d'un\s+)?(?:cv|lettre)"
            r"|\b(?:lettre(?:\s+de\s+motivation)?|cv)\s+(?:est\s+|sont\s+)?(?:facultati\w*|optionnel\w*|inutiles?"
            rf"|{NOT_REQUIRED})"
            r"|\b(?:cv|lettre\s+de\s+motivation)[^.;!?\n]{0,30}?\bn'(?:est|sont)\s+pas\b"
        ),
        "explanation": (
            "Beaucoup de nos candidats n'ont pas de CV à jour, et la lettre de motivation est un exercice d'école "
            "qui ne dit rien de leur façon de travailler. Les exiger écarte des personnes qui feraient très bien "
            "le travail."
        ),
        "suggestion": (
            "Proposez une rencontre : « appelez-nous ou passez nous voir, un échange de 20 minutes suffit ». "
            "Le coach bénévole du candidat peut vous présenter son parcours."
        ),
        "skip_when_driving_required": False,
        "examples": (
            "CV + lettre de motivation.\nCV et lettre de motivation obligatoires.\nEnvoyez votre CV et votre lettre "
            "de motivation.\nPas besoin de CV ni de lettre de motivation.\nLettre de motivation facultative."
        ),
    },
    {
        "name": "Entretien en vidéo",
        "pattern": (
            r"\bentretiens?\s+(?:[\w']+\s+)?(?:en|par|via)\s+(?:visio(?:conference)?|video|skype|teams|zoom|webcam)\b"
            r"|\bentretiens?\s+(?:video|visio)(?:\s+differee?)?"
            r"|\bentretiens?\s+(?:[\w']+\s+)?differee?s?"
            r"|\bvideos?\s+de\s+(?:presentation|motivation)"
            r"|\b(?:cv|presentation)\s+video"
            r"|\b(?:envoyez|enregistrez|envoyer|enregistrer|joignez|joindre)(?:-nous)?\s+(?:nous\s+)?(?:une|votre)\s+"
            r"(?:courte\s+|petite\s+)?video(?:\s+de\s+(?:presentation|motivation))?"
            r"|\b(?:recrutement|selection)\s+(?:100\s*%\s+)?(?:a\s+distance|en\s+visio|par\s+video)"
        ),
        "exceptions": (
            r"\b(?:ou|et)\s+(?:sur\s+place|en\s+personne|en\s+presentiel|dans\s+nos\s+locaux)"
            r"|\bau\s+choix\b"
            r"|\b(?:pas|jamais|aucun|sans)\s+(?:d'|de\s+)?(?:entretien|visio|video)"
        ),
        "explanation": (
            "Un entretien en vidéo suppose un bon téléphone ou un ordinateur, une connexion et un endroit calme, "
            "que beaucoup de nos candidats n'ont pas. Face à une caméra, on montre aussi bien moins ses qualités "
            "qu'en vrai."
        ),
        "suggestion": (
            "Proposez une rencontre sur place : « nous vous recevons dans nos locaux, vous pouvez venir "
            "accompagné de votre coach ». Une visite du lieu de travail rassure et fait gagner du temps."
        ),
        "skip_when_driving_required": False,
        "examples": (
            "Entretien en visio.\nEntretien vidéo différé.\nEnvoyez-nous une vidéo de présentation.\n"
            "Entretien dans nos locaux.\nAgent de vidéosurveillance.\nEntretien en visio ou sur place, au choix."
        ),
    },
]


def typeset(text):
    """French spacing: a non-breaking space inside « » and before : so that no mark ends up alone on a line."""
    return text.replace("« ", "«\u00a0").replace(" »", "\u00a0»").replace(" :", "\u00a0:")


def load_default_rules(apps, schema_editor):
    InclusiveRule = apps.get_model("snippets", "InclusiveRule")
    for sort_order, rule in enumerate(DEFAULT_RULES):
        texts = {"explanation": typeset(rule["explanation"]), "suggestion": typeset(rule["suggestion"])}
        InclusiveRule.objects.get_or_create(name=rule["name"], defaults={**rule, **texts, "sort_order": sort_order})


def delete_default_rules(apps, schema_editor):
    apps.get_model("snippets", "InclusiveRule").objects.filter(
        name__in=[rule["name"] for rule in DEFAULT_RULES]
    ).delete()


def grant(apps, schema_editor):
    """Programme admins edit the rules (cohorts/roles.py). Permissions are made after migrations: make them now."""
    app_config = apps.get_app_config("snippets")
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0)
    app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    programme_admins = Group.objects.filter(name=roles.PROGRAMME_ADMINS).first()
    if programme_admins:
        programme_admins.permissions.add(
            *Permission.objects.filter(
                content_type__app_label="snippets",
                codename__in=[f"{action}_inclusiverule" for action in ("add", "change", "delete", "view")],
            )
        )


class Migration(migrations.Migration):
    dependencies = [
        ("snippets", "0007_offer_workflow_data"),
    ]

    operations = [
        migrations.CreateModel(
            name='InclusiveRule',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('sort_order', models.IntegerField(blank=True, editable=False, null=True)),
                ('name', models.CharField(help_text='E.g. « Diplôme exigé ».', max_length=100, unique=True, verbose_name='name')),
                ('pattern', models.TextField(help_text='What to look for, as a « regular expression ». Capitals, accents and the kind of apostrophe do not matter. The | sign means « or »: « permis b|permis de conduire ». \\b marks the start or end of a word. \\s+ stands for one or more spaces, \\d for a digit, a ? after a letter makes it optional (« diplomee? »). Put a \\ before + ( ) when you mean the character itself: « bac\\s*\\+\\s*\\d ».', validators=[snippets.models.inclusive.validate_pattern], verbose_name='words to look for')),
                ('exceptions', models.TextField(blank=True, help_text='Same kind of pattern. Words found by the rule are not flagged when they are part of an exception or in the same sentence as one, e.g. « pas de diplôme requis », « débutants acceptés ».', validators=[snippets.models.inclusive.validate_pattern], verbose_name='exceptions')),
                ('explanation', models.TextField(help_text='Shown to the recruiter: why this wording turns candidates away.', verbose_name='why it excludes')),
                ('suggestion', models.TextField(help_text='Shown to the recruiter: an inclusive wording they can reuse.', verbose_name='what to write instead')),
                ('skip_when_driving_required', models.BooleanField(default=False, help_text='For the driving licence: the rule is skipped when the offer says the job itself means driving.', verbose_name='not when the job means driving')),
                ('active', models.BooleanField(default=True, help_text='Untick to pause the rule without deleting it.', verbose_name='active')),
                ('examples', models.TextField(blank=True, help_text='One sentence per line: phrasings the rule must flag and phrasings it must not. The preview shows what the rule finds in them.', verbose_name='test sentences')),
            ],
            options={
                'verbose_name': 'inclusive-offer rule',
                'verbose_name_plural': 'inclusive-offer rules',
                'ordering': ['sort_order'],
                'abstract': False,
            },
            bases=(wagtail.models.preview.PreviewableMixin, models.Model),
        ),
        migrations.RunPython(load_default_rules, delete_default_rules),
        migrations.RunPython(grant, migrations.RunPython.noop),
    ]
