"""The demo programme that ``load_demo_data`` builds: fictional people, companies and texts, in French.

Everyone and everything here is invented. Phone numbers are in the ranges that ARCEP reserves for fiction
(06 39 98 xx xx) and e-mail addresses use reserved domains, so that nothing reaches a real person.
Each entry is keyed on a natural key (city name, sector slug, company name, cohort name, e-mail...).
Pages are referred to by slug; ``pages.demo`` turns those into links.
"""

import datetime

from cohorts.enums import CandidateStatus, CohortKind, CohortStatus
from pages.enums import Availability
from snippets.enums import OfferStatus, ReferringOrganisationKind

D = datetime.date

PASSWORD = "tremplin-demo"

# --- The site and its settings -------------------------------------------------------------------------

SITE_NAME = "Tremplin"

PROGRAMME_SETTINGS = {
    "programme_name": "Tremplin",
    "tagline": "Un réseau professionnel pour celles et ceux qui n'en ont pas.",
    "contact_email": "contact@tremplin.localhost",
    "footer_text": (
        "Tremplin est un programme d'insertion professionnelle porté par une association loi 1901, "
        "à Paris, en Seine-Saint-Denis et à Lille. Site de démonstration : les personnes, les entreprises "
        "et les offres présentées sont fictives."
    ),
}

HOME_PAGE = {
    "title": "Accueil",
    "slug": "accueil",
    "seo_title": "Tremplin — un CV partagé peut ouvrir un réseau",
    "search_description": (
        "Des personnes éloignées de l'emploi racontent leur parcours. Lisez leur histoire, partagez-la : "
        "un partage peut leur ouvrir votre réseau."
    ),
    "hero_title": "Un CV partagé peut ouvrir un réseau",
    "hero_text": (
        "Moussa, Nadia, Ahmad et les autres savent travailler. Ce qui leur manque, c'est un réseau : "
        "six emplois sur dix se trouvent par le bouche-à-oreille. Lisez leur histoire et partagez-la. "
        "Un seul partage peut mener à un entretien."
    ),
    "stories_heading": "Ils et elles cherchent un emploi",
    "body": [
        {"type": "heading", "value": "Comment ça marche"},
        {
            "type": "paragraph",
            "value": (
                "<p>Quand on a vécu à la rue, quitté l'aide sociale à l'enfance ou fui son pays, on a souvent "
                "des compétences, mais pas de carnet d'adresses. Tremplin en prête un. Pendant six mois, chaque "
                "candidate et chaque candidat forme un binôme avec un coach bénévole, écrit une histoire courte "
                "et honnête, et rencontre des entreprises qui acceptent de recruter autrement.</p>"
                "<p>Votre rôle est simple : lire, puis partager à votre entourage. Un ami d'ami qui cherche "
                "un aide-maçon, une cuisinière ou un agent de sécurité, c'est peut-être vous qui le connaissez.</p>"
            ),
        },
        {
            "type": "figures",
            "value": {
                "heading": "Tremplin en 2026",
                "figures": [
                    {"value": "2", "label": "promotions en cours, à Paris et à Lille"},
                    {"value": "20", "label": "candidates et candidats accompagnés"},
                    {"value": "14", "label": "coachs bénévoles engagés"},
                    {"value": "8", "label": "entreprises partenaires"},
                ],
            },
        },
        {
            "type": "quote",
            "value": {
                "quote": (
                    "Le patron du restaurant avait lu mon histoire avant de me rencontrer. Pour une fois, je "
                    "n'ai pas eu à me justifier de mon parcours : il le connaissait déjà, et c'est ma "
                    "ponctualité qui l'intéressait."
                ),
                "author": "Sandrine, embauchée en CDI en novembre 2026",
            },
        },
        {
            "type": "call_to_action",
            "value": {
                "title": "Une heure par semaine, ça change un parcours",
                "text": (
                    "Devenez coach bénévole : six mois aux côtés d'une personne qui cherche un emploi, pour "
                    "l'aider à écrire son histoire, préparer ses entretiens et lui ouvrir votre réseau."
                ),
                "page": "devenir-coach",
                "url": "",
                "button_label": "Devenir coach",
            },
        },
    ],
}

STORY_INDEX_PAGE = {
    "title": "Les candidats",
    "slug": "candidats",
    "search_description": "Les histoires des candidates et candidats de Tremplin, à lire et à partager.",
    "intro": (
        "<p>Chaque histoire a été écrite par la personne elle-même, avec son coach. Elles ne cachent rien des "
        "parcours, parce qu'un parcours cabossé dit aussi la ténacité. <b>Lisez, puis partagez</b> : c'est "
        "souvent par un ami d'ami que l'entretien arrive.</p>"
    ),
}

OFFER_INDEX_PAGE = {
    "title": "Offres d'emploi",
    "slug": "offres",
    "search_description": "Les offres d'emploi des entreprises partenaires de Tremplin, relues par notre équipe.",
    "intro": (
        "<p>Des entreprises partenaires recrutent, et chaque offre a été relue par notre équipe : pas de diplôme "
        "exigé sans raison, des rencontres plutôt que des CV. <b>Vous accompagnez un candidat ?</b> Ouvrez "
        "l'offre et écrivez-nous : nous faisons le lien avec l'entreprise.</p>"
    ),
}

OFFER_FORM_PAGE = {
    "title": "Proposer une offre",
    "slug": "proposer-une-offre",
    "search_description": "Vous recrutez ? Proposez une offre aux candidats de Tremplin, sans créer de compte.",
    "intro": (
        "<p>Vous recrutez ? Décrivez le poste en quelques lignes : pas besoin de compte. Notre équipe relit chaque "
        "offre, vous rappelle si besoin, puis la publie et la propose aux candidats qu'elle peut intéresser.</p>"
    ),
}

IMPACT_PAGE = {
    "title": "Notre impact",
    "slug": "impact",
    "search_description": "Les résultats de Tremplin, calculés à partir de nos données : entrées, sorties, emplois.",
    "intro": (
        "<p>Ces chiffres ne sont pas saisis à la main : ils sont calculés chaque jour à partir du suivi de chaque "
        "candidate et de chaque candidat, de l'entrée dans la promotion jusqu'à six mois après l'embauche.</p>"
    ),
    "figures_heading": "Depuis le lancement du programme",
    "body": [
        {"type": "heading", "value": "Comment nous comptons"},
        {
            "type": "paragraph",
            "value": (
                "<p>Une <b>sortie positive</b> est un emploi durable (CDI, CDD ou intérim de six mois et plus), un "
                "emploi de transition ou une formation qualifiante. Nous appelons chaque personne embauchée à la fin "
                "de sa période d'essai, puis six et douze mois après son arrivée, pour savoir si elle est toujours "
                "en poste.</p>"
            ),
        },
        {
            "type": "call_to_action",
            "value": {
                "title": "Vous recrutez ?",
                "text": "Proposez une offre à nos candidats : notre équipe vous accompagne jusqu'à la fin de la "
                "période d'essai.",
                "page": "proposer-une-offre",
                "url": "",
                "button_label": "Proposer une offre",
            },
        },
    ],
}

CONTENT_PAGES = [
    {
        "title": "À propos",
        "slug": "a-propos",
        "search_description": "Pourquoi Tremplin existe, et comment se déroule un parcours de six mois.",
        "intro": (
            "Tremplin prête un réseau professionnel à celles et ceux qui n'en ont pas : des personnes qui ont "
            "les compétences et l'envie, mais à qui personne n'a encore ouvert la porte."
        ),
        "body": [
            {"type": "heading", "value": "Pourquoi Tremplin"},
            {
                "type": "paragraph",
                "value": (
                    "<p>Six personnes sur dix trouvent leur emploi grâce à quelqu'un qu'elles connaissent. "
                    "Les candidates et candidats de Tremplin ont été maçons, cuisiniers, caristes, vendeuses ou "
                    "aides à domicile, parfois sans fiche de paie. Ils ont traversé la rue, l'exil, un placement "
                    "à l'aide sociale à l'enfance ou des années à élever seuls leurs enfants. Ce qui leur manque "
                    "le plus souvent, ce n'est ni la motivation ni le savoir-faire : c'est quelqu'un qui "
                    "transmette leur nom au bon endroit.</p>"
                ),
            },
            {"type": "heading", "value": "Comment se passe un parcours"},
            {
                "type": "paragraph",
                "value": (
                    "<ol>"
                    "<li>Une structure sociale (mission locale, école de la deuxième chance, Epide, association) "
                    "oriente la personne vers une promotion de sa ville.</li>"
                    "<li>Elle forme un binôme avec un coach bénévole, qu'elle rencontre chaque semaine pendant "
                    "six mois.</li>"
                    "<li>Ensemble, ils écrivent son histoire. Elle la relit et l'approuve avant toute "
                    "publication, et peut la retirer quand elle le souhaite.</li>"
                    "<li>L'histoire est partagée, les entreprises partenaires proposent des rencontres, "
                    "des immersions et des offres.</li>"
                    "<li>Après l'embauche, le suivi continue jusqu'à la fin de la période d'essai, puis à "
                    "six et douze mois : trouver un emploi compte, le garder compte autant.</li>"
                    "</ol>"
                ),
            },
            {
                "type": "call_to_action",
                "value": {
                    "title": "Nos résultats",
                    "text": "Entrées, sorties, emplois durables : nos chiffres, calculés à partir du suivi de chaque "
                    "parcours.",
                    "page": "impact",
                    "url": "",
                    "button_label": "Voir notre impact",
                },
            },
            {
                "type": "call_to_action",
                "value": {
                    "title": "Envie de vous engager ?",
                    "text": "Une heure par semaine pendant six mois suffit pour changer la trajectoire de quelqu'un.",
                    "page": "devenir-coach",
                    "url": "",
                    "button_label": "Devenir coach",
                },
            },
        ],
    },
    {
        "title": "Entreprises : recrutez autrement",
        "slug": "entreprises",
        "search_description": "Recrutez des personnes motivées, préparées et accompagnées jusqu'après l'embauche.",
        "intro": (
            "Vous cherchez des personnes fiables et motivées ? Nos candidats sont préparés, accompagnés, et "
            "nous restons à vos côtés bien après la signature du contrat."
        ),
        "body": [
            {"type": "heading", "value": "Ce que nous vous proposons"},
            {
                "type": "paragraph",
                "value": (
                    "<p>Chaque candidat est suivi par un coach bénévole et par une référente de l'équipe. "
                    "Nous vous présentons des personnes dont le projet correspond à votre poste, nous "
                    "organisons une rencontre sur place, et nous restons joignables pendant toute la période "
                    "d'essai. Si une difficulté apparaît (transport, horaires, démarches), on la règle à trois, "
                    "avant qu'elle ne devienne une rupture.</p>"
                    "<p>Vos salariés peuvent aussi devenir coachs : c'est l'occasion de transmettre leur "
                    "métier, et beaucoup disent qu'ils en reviennent changés.</p>"
                ),
            },
            {"type": "heading", "value": "Écrire une offre qui n'écarte personne"},
            {
                "type": "paragraph",
                "value": (
                    "<ul>"
                    "<li>Décrivez le travail concrètement : les tâches, les horaires, le lieu, l'équipe.</li>"
                    "<li>N'exigez un diplôme ou des années d'expérience que si la loi l'impose (le CQP APS "
                    "pour la sécurité, par exemple).</li>"
                    "<li>Dites ce que vous apportez : formation au poste, tuteur, équipements fournis.</li>"
                    "<li>Préférez une rencontre sur le lieu de travail à un entretien en visio : c'est là "
                    "que les qualités se voient.</li>"
                    "</ul>"
                    "<p>Nous relisons chaque offre avec vous avant de la publier.</p>"
                ),
            },
            {
                "type": "call_to_action",
                "value": {
                    "title": "Rencontrez les candidats",
                    "text": "Leurs histoires disent ce qu'ils savent faire et ce qu'ils cherchent.",
                    "page": "candidats",
                    "url": "",
                    "button_label": "Découvrir les profils",
                },
            },
            {
                "type": "call_to_action",
                "value": {
                    "title": "Vous recrutez ?",
                    "text": "Proposez une offre en quelques minutes, sans compte : nous la relisons avec vous.",
                    "page": "proposer-une-offre",
                    "url": "",
                    "button_label": "Proposer une offre",
                },
            },
        ],
    },
    {
        "title": "Devenir coach bénévole",
        "slug": "devenir-coach",
        "search_description": "Accompagnez une personne vers l'emploi pendant six mois, une heure par semaine.",
        "intro": (
            "Pas besoin d'être recruteur ni expert en ressources humaines : il faut du temps, de l'écoute et "
            "l'envie d'ouvrir votre carnet d'adresses."
        ),
        "body": [
            {"type": "heading", "value": "Ce que l'on vous demande"},
            {
                "type": "paragraph",
                "value": (
                    "<p>Une rencontre par semaine pendant six mois, de préférence en personne, avec une seule "
                    "candidate ou un seul candidat. Vous l'aidez à écrire son histoire, vous préparez ensemble "
                    "les entretiens, vous appelez des entreprises et vous partagez son histoire autour de "
                    "vous. Une demi-journée de formation vous prépare au rôle, et l'équipe reste disponible "
                    "à chaque étape.</p>"
                ),
            },
            {"type": "heading", "value": "Ce que l'on vous apporte"},
            {
                "type": "paragraph",
                "value": (
                    "<p>Une rencontre qui bouscule les idées reçues, des temps d'échange avec les autres "
                    "coachs de votre ville et, très souvent, la joie d'un premier contrat signé. Sept binômes "
                    "sur dix continuent de se voir une fois les six mois terminés.</p>"
                    "<p>Pour nous rejoindre, écrivez-nous à "
                    '<a href="mailto:contact@tremplin.localhost">contact@tremplin.localhost</a> : '
                    "nous vous rappelons pour en parler.</p>"
                ),
            },
            {
                "type": "quote",
                "value": {
                    "quote": (
                        "Je pensais que j'allais aider. En réalité, j'ai appris autant que j'ai donné, et je "
                        "n'aurais jamais rencontré Ahmad autrement."
                    ),
                    "author": "Hélène, coach bénévole à Paris",
                },
            },
        ],
    },
]

# --- Reference data ----------------------------------------------------------------------------------------

CITIES = [
    {"name": "Paris", "department": "75", "staff_emails": "paris@tremplin.localhost"},
    {"name": "Lille", "department": "59", "staff_emails": "lille@tremplin.localhost"},
    {
        "name": "Seine-Saint-Denis",
        "department": "93",
        "staff_emails": "seine-saint-denis@tremplin.localhost\nparis@tremplin.localhost",
    },
]

# (slug, label), in the order staff want them shown.
SECTORS = [
    ("batiment", "Bâtiment"),
    ("proprete", "Propreté"),
    ("restauration", "Restauration"),
    ("logistique", "Logistique"),
    ("securite", "Sécurité"),
    ("espaces-verts", "Espaces verts"),
    ("commerce", "Commerce"),
    ("aide-a-la-personne", "Aide à la personne"),
    ("industrie", "Industrie"),
    ("transport", "Transport"),
]

REFERRING_ORGANISATIONS = [
    {
        "name": "Mission locale de Paris",
        "kind": ReferringOrganisationKind.MISSION_LOCALE,
        "city": "Paris",
        "referent_name": "Karima Bensaïd",
        "referent_email": "k.bensaid@example.org",
        "referent_phone": "06 39 98 10 01",
    },
    {
        "name": "Association Horizons solidaires",
        "kind": ReferringOrganisationKind.ASSOCIATION,
        "city": "Paris",
        "referent_name": "Olivier Chauvin",
        "referent_email": "o.chauvin@example.org",
        "referent_phone": "06 39 98 10 02",
    },
    {
        "name": "Accueil Refuge 93",
        "kind": ReferringOrganisationKind.ASSOCIATION,
        "city": "Seine-Saint-Denis",
        "referent_name": "Awa Coulibaly",
        "referent_email": "a.coulibaly@example.org",
        "referent_phone": "06 39 98 10 03",
    },
    {
        "name": "E2C Lille",
        "kind": ReferringOrganisationKind.E2C,
        "city": "Lille",
        "referent_name": "Benoît Desmet",
        "referent_email": "b.desmet@example.org",
        "referent_phone": "06 39 98 10 04",
    },
    {
        "name": "Epide Hauts-de-France",
        "kind": ReferringOrganisationKind.EPIDE,
        "city": "Lille",
        "referent_name": "Lieutenant Sabrina Wallet",
        "referent_email": "s.wallet@example.org",
        "referent_phone": "06 39 98 10 05",
    },
]

# --- Companies and offers ----------------------------------------------------------------------------------

COMPANIES = [
    {
        "name": "Atelier Béton Lillois",
        "sector": "batiment",
        "city": "Lille",
        "contact_name": "Grégory Hennebelle",
        "contact_email": "g.hennebelle@example.com",
        "contact_phone": "06 39 98 20 01",
        "partner_since": D(2025, 3, 3),
    },
    {
        "name": "Net & Clair Services",
        "sector": "proprete",
        "city": "Paris",
        "contact_name": "Sylvie Marchal",
        "contact_email": "s.marchal@example.com",
        "contact_phone": "06 39 98 20 02",
        "partner_since": D(2024, 11, 15),
    },
    {
        "name": "La Table de Belleville",
        "sector": "restauration",
        "city": "Paris",
        "contact_name": "Yann Le Goff",
        "contact_email": "y.legoff@example.com",
        "contact_phone": "06 39 98 20 03",
        "partner_since": D(2025, 1, 20),
    },
    {
        "name": "Entrepôts de l'Ourcq",
        "sector": "logistique",
        "city": "Seine-Saint-Denis",
        "contact_name": "Farid Benyahia",
        "contact_email": "f.benyahia@example.com",
        "contact_phone": "06 39 98 20 04",
        "partner_since": D(2024, 9, 2),
    },
    {
        "name": "Garde urbaine sécurité",
        "sector": "securite",
        "city": "Paris",
        "contact_name": "Christophe Aubry",
        "contact_email": "c.aubry@example.com",
        "contact_phone": "06 39 98 20 05",
        "partner_since": D(2025, 6, 10),
    },
    {
        "name": "Les Jardiniers de Bondy",
        "sector": "espaces-verts",
        "city": "Seine-Saint-Denis",
        "contact_name": "Émilie Roussel",
        "contact_email": "e.roussel@example.com",
        "contact_phone": "06 39 98 20 06",
        "partner_since": D(2025, 4, 7),
    },
    {
        "name": "Primeurs du Vieux-Lille",
        "sector": "commerce",
        "city": "Lille",
        "contact_name": "Thomas Delattre",
        "contact_email": "t.delattre@example.com",
        "contact_phone": "06 39 98 20 07",
        "partner_since": D(2025, 9, 15),
    },
    {
        "name": "Présence Domicile Flandres",
        "sector": "aide-a-la-personne",
        "city": "Lille",
        "contact_name": "Isabelle Vermeulen",
        "contact_email": "i.vermeulen@example.com",
        "contact_phone": "06 39 98 20 08",
        "partner_since": D(2026, 2, 2),
    },
]

# The consent form the demo candidates signed on paper.
CONSENT_TEXT_VERSION = "formulaire-2026-09"

OFFERS = [
    {
        "company": "Atelier Béton Lillois",
        "title": "Aide-maçon ou aide-maçonne",
        "city": "Lille",
        "sector": "batiment",
        "contract_type": "cdi",
        "positions": 2,
        "start_date": D(2027, 1, 4),
        "status": OfferStatus.PUBLISHED,
        "description": (
            "Vous préparez le mortier, montez des parpaings et aidez au coffrage aux côtés d'un compagnon "
            "qui vous forme sur le chantier. Pas de diplôme demandé : ce qui compte, c'est d'être à l'heure "
            "et d'aimer le travail en équipe. Chantiers dans la métropole lilloise, départ du dépôt en "
            "camion à 7 h 30, 35 heures du lundi au vendredi. Chaussures et tenue fournies. Nous préférons "
            "vous rencontrer au dépôt, autour d'un café, plutôt qu'en visio."
        ),
    },
    {
        "company": "Atelier Béton Lillois",
        "title": "Plaquiste en alternance (CAP)",
        "city": "Lille",
        "sector": "batiment",
        "contract_type": "work_study",
        "positions": 1,
        "start_date": D(2027, 2, 1),
        "status": OfferStatus.PUBLISHED,
        "description": (
            "Deux ans pour apprendre le métier de plaquiste : trois semaines sur nos chantiers, une semaine "
            "au centre de formation, un tuteur attitré du premier au dernier jour. Ouvert de 16 à 29 ans, "
            "sans condition de diplôme. Vous serez payé pendant toute la formation. Une immersion d'une "
            "semaine est possible avant de vous décider."
        ),
    },
    {
        "company": "Net & Clair Services",
        "title": "Agent ou agente de propreté en bureaux (horaires de journée)",
        "city": "Paris",
        "sector": "proprete",
        "contract_type": "cdi",
        "positions": 3,
        "start_date": D(2026, 12, 7),
        "status": OfferStatus.PUBLISHED,
        "description": (
            "Entretien de bureaux dans le 12e arrondissement, en journée (9 h - 16 h), ce qui est rare dans "
            "le métier et compatible avec une vie de famille. Temps partiel de 30 heures, évolutif vers un "
            "temps plein. Formation aux produits et aux gestes en binôme pendant deux semaines. Aucune "
            "expérience exigée : la fiabilité et le soin priment. Métro ligne 1 ou 14."
        ),
    },
    {
        "company": "Net & Clair Services",
        "title": "Immersion de deux semaines en nettoyage industriel",
        "city": "Seine-Saint-Denis",
        "sector": "proprete",
        "contract_type": "pmsmp",
        "positions": 2,
        "start_date": D(2027, 1, 11),
        "status": OfferStatus.PENDING,
        "description": (
            "Découvrir le métier avant de s'engager : deux semaines d'immersion (PMSMP) sur un site "
            "logistique de Saint-Denis, aux côtés d'une cheffe d'équipe. À la fin, un bilan à trois avec "
            "le coach, et un CDD de six mois possible si l'envie est là des deux côtés."
        ),
    },
    {
        "company": "La Table de Belleville",
        "title": "Commis ou commise de cuisine",
        "city": "Paris",
        "sector": "restauration",
        "contract_type": "cdd",
        "positions": 1,
        "start_date": D(2026, 12, 14),
        "status": OfferStatus.PUBLISHED,
        "description": (
            "Restaurant de quartier de 60 couverts, cuisine maison. Vous épluchez, taillez, préparez les "
            "entrées et participez au service du midi aux côtés du chef. CDD de six mois, puis CDI si tout "
            "se passe bien. Service coupé évité : 8 h - 16 h, du mardi au samedi. Une expérience en cuisine, "
            "même familiale ou associative, est un plus, pas une obligation."
        ),
    },
    {
        "company": "La Table de Belleville",
        "title": "Plongeur ou plongeuse",
        "city": "Paris",
        "sector": "restauration",
        "contract_type": "cdi",
        "positions": 1,
        "start_date": D(2026, 12, 1),
        "status": OfferStatus.PUBLISHED,
        "description": (
            "Vous tenez la plonge et l'ordre de la cuisine, un poste clé sans lequel rien ne tourne. CDI à "
            "temps plein, repas pris avec l'équipe, possibilité d'évoluer vers un poste de commis. Nous "
            "formons au poste ; il suffit d'être ponctuel et d'avoir l'esprit d'équipe."
        ),
    },
    {
        "company": "Entrepôts de l'Ourcq",
        "title": "Préparateur ou préparatrice de commandes",
        "city": "Seine-Saint-Denis",
        "sector": "logistique",
        "contract_type": "temp",
        "positions": 4,
        "start_date": D(2026, 12, 1),
        "status": OfferStatus.PUBLISHED,
        "description": (
            "Mission d'intérim de six mois renouvelable dans notre entrepôt de Pantin (RER E ou métro 5). "
            "Vous préparez les commandes avec un terminal vocal, vous contrôlez et filmez les palettes. "
            "Horaires d'équipe en 2x8 avec une semaine sur deux le matin. Le CACES R489 peut être financé "
            "après trois mois. Pas de CV demandé : venez visiter l'entrepôt avec votre coach."
        ),
    },
    {
        "company": "Entrepôts de l'Ourcq",
        "title": "Chauffeur-livreur ou chauffeuse-livreuse (permis B)",
        "city": "Seine-Saint-Denis",
        "sector": "transport",
        "contract_type": "cdd",
        "positions": 1,
        "start_date": D(2026, 11, 16),
        "status": OfferStatus.FILLED,
        "description": (
            "Livraisons de colis en Seine-Saint-Denis avec un utilitaire de 12 m³, tournée préparée à "
            "l'avance. CDD de neuf mois. Permis B exigé ; les points perdus ne sont pas un obstacle s'il en "
            "reste. Une journée d'accompagnement avec un livreur expérimenté avant de partir seul."
        ),
    },
    {
        "company": "Garde urbaine sécurité",
        "title": "Agent ou agente de sécurité (CQP APS)",
        "city": "Paris",
        "sector": "securite",
        "contract_type": "cdi",
        "positions": 2,
        "start_date": D(2027, 1, 4),
        "status": OfferStatus.PUBLISHED,
        "description": (
            "Surveillance et accueil dans un immeuble de bureaux du 13e arrondissement. Le CQP APS et la "
            "carte professionnelle sont obligatoires (c'est la loi) ; si vous êtes en train de les obtenir, "
            "parlons-en. Horaires fixes de jour, tenue fournie, formation SST prise en charge. Nous "
            "recherchons du calme, de la courtoisie et de la fiabilité, pas un gabarit."
        ),
    },
    {
        "company": "Les Jardiniers de Bondy",
        "title": "Jardinier ou jardinière d'espaces verts en insertion",
        "city": "Seine-Saint-Denis",
        "sector": "espaces-verts",
        "contract_type": "cddi",
        "positions": 2,
        "start_date": D(2026, 12, 7),
        "status": OfferStatus.PUBLISHED,
        "description": (
            "Taille, tonte, plantations et entretien des parcs de la ville, en équipe de quatre avec un "
            "encadrant technique. CDDI de 26 heures par semaine, renouvelable jusqu'à deux ans, avec un "
            "accompagnement vers un emploi durable ou une formation qualifiante. Aucun prérequis : on "
            "apprend sur le terrain."
        ),
    },
    {
        "company": "Primeurs du Vieux-Lille",
        "title": "Vendeur ou vendeuse en primeur",
        "city": "Lille",
        "sector": "commerce",
        "contract_type": "cdd",
        "positions": 1,
        "start_date": D(2027, 1, 5),
        "status": OfferStatus.PENDING,
        "description": (
            "Mise en rayon des fruits et légumes, conseil aux clients, encaissement. CDD de quatre mois "
            "pour commencer, 35 heures du mardi au samedi, ouverture à 7 h. Le sourire et le goût du "
            "contact comptent plus que l'expérience. Une journée d'essai rémunérée avant de signer."
        ),
    },
    {
        "company": "Présence Domicile Flandres",
        "title": "Auxiliaire de vie à domicile (formation assurée)",
        "city": "Lille",
        "sector": "aide-a-la-personne",
        "contract_type": "cdi",
        "positions": 3,
        "start_date": D(2027, 1, 11),
        "status": OfferStatus.PUBLISHED,
        "description": (
            "Vous aidez des personnes âgées à rester chez elles : repas, courses, aide au lever, compagnie. "
            "Secteur géographique limité pour éviter les longs trajets, temps de déplacement payés. Une "
            "formation de trois semaines précède la prise de poste. Avoir pris soin d'un proche est une "
            "vraie expérience : parlez-nous-en."
        ),
    },
]

# --- Cohorts, candidates, coaches and pairs -------------------------------------------------------------

PARIS = "Paris — automne 2026"
LILLE = "Lille — jeunes 2026"

COHORTS = [
    {
        "name": PARIS,
        "city": "Paris",
        "kind": CohortKind.ADULTS,
        "start_date": D(2026, 9, 21),
        "end_date": D(2027, 3, 19),
        "status": CohortStatus.RUNNING,
    },
    {
        "name": LILLE,
        "city": "Lille",
        "kind": CohortKind.YOUTH,
        "start_date": D(2026, 10, 5),
        "end_date": D(2027, 4, 2),
        "status": CohortStatus.RUNNING,
    },
]

# Portrait placeholders: (background, letter), soft enough for any story.
PORTRAIT_COLOURS = [
    ("#f3d9c4", "#8a4b24"),
    ("#d6e8d4", "#2f5d35"),
    ("#d8e2f1", "#2c4a78"),
    ("#f1dbe6", "#7d3559"),
    ("#f4ebc8", "#6d5a14"),
    ("#dcd6ee", "#4b3d80"),
    ("#d2ebe9", "#1f5f5a"),
    ("#f0dcd5", "#7a3a2a"),
]

IN_PROGRAMME = CandidateStatus.IN_PROGRAMME

CANDIDATES = [
    {
        "first_name": "Moussa",
        "last_name": "Keïta",
        "email": "moussa.keita@example.org",
        "phone": "06 39 98 30 01",
        "birth_date": D(1991, 3, 14),
        "cohort": PARIS,
        "referring_organisation": "Accueil Refuge 93",
        "status": IN_PROGRAMME,
        "publish": True,
        "catchphrase": "Sur un chantier, je suis le premier arrivé et le dernier à ranger.",
        "story": (
            "<p>Je suis arrivé du Mali en 2016, à 25 ans. Là-bas, je construisais des maisons avec mon oncle : "
            "parpaings, coffrages, enduits. En France, j'ai d'abord dormi dans des foyers, puis j'ai passé deux "
            "hivers à la rue, le temps que ma demande d'asile aboutisse. J'ai obtenu mon titre de séjour en "
            "2022.</p>"
            "<p>Depuis, je travaille en intérim sur des chantiers de gros œuvre, toujours par petites missions "
            "d'une semaine. Les chefs d'équipe me rappellent, parce que je suis ponctuel et que je ne laisse "
            "jamais un poste sale. J'ai passé le CACES de mini-pelle en 2024.</p>"
            "<p>Je cherche un poste stable de maçon ou d'aide-maçon, en CDI ou en CDD long, pour louer enfin "
            "un logement à mon nom. Je parle bambara, français et un peu d'anglais.</p>"
        ),
    },
    {
        "first_name": "Nadia",
        "last_name": "Benali",
        "email": "nadia.benali@example.org",
        "phone": "06 39 98 30 02",
        "birth_date": D(1986, 7, 2),
        "cohort": PARIS,
        "referring_organisation": "Association Horizons solidaires",
        "status": IN_PROGRAMME,
        "publish": True,
        "catchphrase": "Élever trois enfants seule, ça apprend l'organisation : je tiens un planning et ma parole.",
        "story": (
            "<p>J'ai élevé seule mes trois enfants après une séparation difficile, en 2015. Pendant dix ans, "
            "j'ai fait des ménages chez des particuliers, souvent sans être déclarée, en jonglant avec les "
            "horaires de l'école et de la crèche. Je n'ai jamais manqué une heure, même les jours où tout "
            "allait mal à la maison.</p>"
            "<p>Aujourd'hui mon plus jeune entre au collège, et je veux un vrai contrat, avec une fiche de paie "
            "et des droits. Je connais les produits, je sais organiser une journée chargée et je travaille "
            "vite sans bâcler. Les familles chez qui j'ai travaillé me confiaient leurs clés.</p>"
            "<p>Je cherche un poste d'agente de propreté ou d'aide à domicile, de préférence en journée, "
            "à Paris ou en proche banlieue.</p>"
        ),
    },
    {
        "first_name": "Ahmad",
        "last_name": "Rahimi",
        "email": "ahmad.rahimi@example.org",
        "phone": "06 39 98 30 03",
        "birth_date": D(1995, 11, 23),
        "cohort": PARIS,
        "referring_organisation": "Accueil Refuge 93",
        "status": IN_PROGRAMME,
        "publish": True,
        "catchphrase": "En cuisine, je garde mon calme quand le service s'emballe.",
        "story": (
            "<p>À Kaboul, j'ai travaillé six ans dans la cuisine d'un hôtel, d'abord à la plonge, puis au "
            "poste chaud. J'ai dû quitter l'Afghanistan en 2021. Le voyage a duré presque un an, par l'Iran, "
            "la Turquie et la Grèce. J'ai obtenu le statut de réfugié en 2023.</p>"
            "<p>J'ai suivi des cours de français tous les jours pendant un an, et je cuisine chaque semaine "
            "pour une association qui sert des repas aux personnes sans abri : 150 couverts, avec ce qu'on a. "
            "C'est là que j'ai appris les règles d'hygiène françaises.</p>"
            "<p>Je cherche un poste de commis de cuisine ou de cuisinier. Je parle dari, pachto, anglais et "
            "français. Je suis patient, je travaille proprement, et j'aime apprendre de nouvelles recettes.</p>"
        ),
    },
    {
        "first_name": "Jean-Pierre",
        "last_name": "Morel",
        "email": "jean-pierre.morel@example.org",
        "phone": "06 39 98 30 04",
        "birth_date": D(1974, 5, 9),
        "cohort": PARIS,
        "referring_organisation": "Association Horizons solidaires",
        "status": IN_PROGRAMME,
        "publish": True,
        "catchphrase": "Vingt ans d'entrepôt, six ans de galère, et toujours l'envie de bien faire.",
        "story": (
            "<p>J'ai été cariste pendant vingt ans dans un entrepôt de Gennevilliers. En 2018, un divorce, "
            "puis une maladie, et tout est parti très vite : le travail, l'appartement. J'ai vécu six ans "
            "dehors, surtout près de la gare de l'Est. Je ne le cache pas, parce que c'est aussi là que j'ai "
            "appris à tenir.</p>"
            "<p>Depuis 2024, j'habite une pension de famille et je suis soigné. Je suis bénévole dans une "
            "banque alimentaire : je réceptionne les livraisons, je range la réserve, je forme les nouveaux. "
            "Mes CACES 1, 3 et 5 sont à renouveler, et je suis prêt à repasser les tests.</p>"
            "<p>Je cherche un poste de préparateur de commandes ou de cariste, de jour. Je suis méthodique, "
            "et je connais la sécurité en entrepôt par cœur.</p>"
        ),
    },
    {
        "first_name": "Sandrine",
        "last_name": "Lefèvre",
        "email": "sandrine.lefevre@example.org",
        "phone": "06 39 98 30 05",
        "birth_date": D(1985, 1, 27),
        "cohort": PARIS,
        "referring_organisation": "Association Horizons solidaires",
        "status": CandidateStatus.HIRED,
        "publish": True,
        "notes": (
            "Embauchée le 2 novembre 2026 en CDI chez La Table de Belleville (employée polyvalente). "
            "Fin de la période d'essai le 1er janvier 2027. Suivi prévu à 6 et 12 mois."
        ),
        "catchphrase": "Douze ans de caisse m'ont appris à sourire même les jours de rush.",
        "story": (
            "<p>J'ai été caissière pendant douze ans dans un supermarché de Montreuil. Quand le magasin a "
            "fermé, en 2022, je n'ai pas retrouvé de travail assez vite pour garder mon logement. J'ai été "
            "expulsée et j'ai vécu un an dans ma voiture, en continuant d'emmener ma fille à l'école tous les "
            "matins. Personne, à l'école, ne l'a su.</p>"
            "<p>Un centre d'hébergement m'a accueillie en 2024. Depuis, je fais des remplacements en "
            "restauration rapide et je donne un coup de main à l'épicerie solidaire de mon quartier.</p>"
            "<p>Je cherche un poste d'employée polyvalente en restauration ou en commerce. Je suis rapide, "
            "rigoureuse avec la caisse, et les clients difficiles ne me font pas peur.</p>"
        ),
    },
    {
        "first_name": "Yonas",
        "last_name": "Tesfay",
        "email": "yonas.tesfay@example.org",
        "phone": "06 39 98 30 06",
        "birth_date": D(1997, 8, 5),
        "cohort": PARIS,
        "referring_organisation": "Accueil Refuge 93",
        "status": IN_PROGRAMME,
        "publish": True,
        "catchphrase": "J'ai appris le calme sur la route de l'exil ; je le mets au service des autres.",
        "story": (
            "<p>J'ai quitté l'Érythrée à 19 ans pour ne pas faire un service militaire sans fin. J'ai traversé "
            "le Soudan, la Libye, la Méditerranée, puis l'Italie. En France depuis 2019, j'ai obtenu la "
            "protection en 2021.</p>"
            "<p>Pendant trois ans, j'ai été agent d'accueil bénévole dans un centre d'hébergement : orienter "
            "les gens, désamorcer les tensions, faire respecter les règles sans crier. En 2025, j'ai obtenu "
            "mon CQP d'agent de prévention et de sécurité, et ma carte professionnelle est en cours.</p>"
            "<p>Je cherche un poste d'agent de sécurité ou d'accueil. Je parle tigrigna, arabe, anglais et "
            "français. Je suis toujours en avance, et je reste calme quand le ton monte.</p>"
        ),
    },
    {
        "first_name": "Mariama",
        "last_name": "Diallo",
        "email": "mariama.diallo@example.org",
        "phone": "06 39 98 30 07",
        "birth_date": D(1988, 4, 18),
        "cohort": PARIS,
        "referring_organisation": "Association Horizons solidaires",
        "status": IN_PROGRAMME,
        "publish": False,
        "catchphrase": "Prendre soin des anciens, c'est ce que je sais faire depuis toujours.",
        "story": (
            "<p>En Guinée, j'ai pris soin de ma grand-mère pendant ses cinq dernières années : la toilette, "
            "les repas, les médicaments, la patience. Arrivée en France en 2017, j'ai dormi chez des "
            "connaissances, puis dans un hôtel social avec mon fils pendant trois ans.</p>"
            "<p>Depuis 2023, je garde des enfants et j'aide deux voisines âgées de mon immeuble pour leurs "
            "courses et leurs rendez-vous. L'une d'elles dit que je suis la seule à ne jamais être en retard.</p>"
            "<p>Je voudrais devenir auxiliaire de vie, et suivre une formation pour obtenir le diplôme. Je "
            "suis douce, patiente et discrète, et je sais me faire accepter des personnes qui se méfient. Je "
            "parle peul, soussou et français.</p>"
        ),
    },
    {
        "first_name": "Karim",
        "last_name": "Haddad",
        "email": "karim.haddad@example.org",
        "phone": "06 39 98 30 08",
        "birth_date": D(1979, 10, 30),
        "cohort": PARIS,
        "referring_organisation": "Association Horizons solidaires",
        "status": IN_PROGRAMME,
        "publish": False,
        "catchphrase": "Je suis plus heureux dehors, les mains dans la terre, que n'importe où ailleurs.",
        "story": (
            "<p>J'ai grandi à Marseille et j'ai travaillé quinze ans dans le bâtiment, souvent au noir, sur "
            "des toits. En 2019, une chute m'a arrêté pendant un an. Sans contrat, je n'avais aucun droit, et "
            "je me suis retrouvé à la rue à Paris pendant trois ans.</p>"
            "<p>Ce qui m'a remis debout, c'est un jardin partagé à Bondy. J'y suis bénévole depuis deux ans : "
            "je taille, je plante, j'entretiens les outils et j'apprends aux enfants du quartier à faire des "
            "semis. J'ai un logement depuis 2024.</p>"
            "<p>Je cherche un poste en espaces verts, en insertion ou en contrat classique. Je suis endurant, "
            "je ne rechigne pas par mauvais temps, et je sais me servir d'une débroussailleuse.</p>"
        ),
    },
    {
        "first_name": "Olena",
        "last_name": "Kovalenko",
        "email": "olena.kovalenko@example.org",
        "phone": "06 39 98 30 09",
        "birth_date": D(1982, 2, 11),
        "cohort": PARIS,
        "referring_organisation": "Accueil Refuge 93",
        "status": IN_PROGRAMME,
        "publish": False,
        "catchphrase": "Comptable à Kharkiv, je sais tenir un stock au gramme près.",
        "story": (
            "<p>J'ai été comptable pendant quinze ans à Kharkiv. En mars 2022, je suis partie avec mon fils "
            "de douze ans, une valise chacun. Mes diplômes ne sont pas reconnus en France, et mon français "
            "était de zéro.</p>"
            "<p>Depuis trois ans, je fais des ménages le matin et je prends des cours de français l'après-midi. "
            "J'ai aussi tenu bénévolement le stock d'une association d'aide aux familles ukrainiennes : "
            "inventaires, commandes, tableaux de suivi.</p>"
            "<p>Je cherche un poste de gestionnaire de stock, d'employée logistique ou d'aide-comptable. Je "
            "suis précise, organisée, et j'aime que les chiffres tombent juste. Je parle ukrainien, russe, "
            "anglais et français.</p>"
        ),
    },
    {
        "first_name": "Samuel",
        "last_name": "Mbarga",
        "email": "samuel.mbarga@example.org",
        "phone": "06 39 98 30 10",
        "birth_date": D(1993, 6, 21),
        "cohort": PARIS,
        "referring_organisation": None,
        "status": CandidateStatus.HIRED,
        "publish": True,
        "notes": (
            "Embauché le 16 novembre 2026 en CDD de neuf mois chez Entrepôts de l'Ourcq (chauffeur-livreur). "
            "Fin de la période d'essai le 15 décembre 2026."
        ),
        "catchphrase": "Je connais chaque rue que je traverse, et je livre à l'heure.",
        "story": (
            "<p>À Douala, j'ai été moto-taxi pendant huit ans : je connaissais chaque rue, chaque raccourci, "
            "et mes clients m'appelaient directement. Arrivé en France en 2020, j'ai fait reconnaître mon "
            "permis de conduire et j'ai enchaîné les missions de livraison à vélo, payées à la course.</p>"
            "<p>Pendant deux ans, j'ai dormi chez un cousin, sur un canapé, en travaillant parfois douze "
            "heures par jour pour presque rien. Je n'ai jamais eu d'accident ni de réclamation client.</p>"
            "<p>Je cherche un poste de chauffeur-livreur avec un vrai contrat. Je suis prudent, souriant avec "
            "les clients, et je sais m'organiser pour qu'une tournée se termine à l'heure.</p>"
        ),
    },
    {
        "first_name": "Aïssatou",
        "last_name": "Sow",
        "email": "aissatou.sow@example.org",
        "phone": "06 39 98 30 11",
        "birth_date": D(2001, 5, 8),
        "cohort": PARIS,
        "referring_organisation": "Mission locale de Paris",
        "status": IN_PROGRAMME,
        "publish": False,
        "catchphrase": "Personne ne m'a rien donné, alors je sais la valeur d'une chance.",
        "story": (
            "<p>J'ai été placée à l'aide sociale à l'enfance à huit ans. J'ai connu quatre foyers et deux "
            "familles d'accueil. À dix-huit ans, mon contrat s'est arrêté et je me suis retrouvée seule, avec "
            "un sac et pas de diplôme. J'ai dormi chez des amies, puis dans la rue pendant plusieurs mois.</p>"
            "<p>Depuis, j'ai travaillé dans des fast-foods, en extra dans des traiteurs, et l'été dernier "
            "comme aide de cuisine dans une colonie de vacances : quarante enfants à nourrir trois fois par "
            "jour. La cheffe m'a proposé de revenir.</p>"
            "<p>Je cherche un emploi en cuisine ou en restauration collective, et j'aimerais passer un CAP en "
            "alternance. Je suis débrouillarde, je ne lâche pas, et j'apprends vite.</p>"
        ),
    },
    {
        "first_name": "Bruno",
        "last_name": "Petit",
        "email": "bruno.petit@example.org",
        "phone": "06 39 98 30 12",
        "birth_date": D(1976, 9, 3),
        "cohort": PARIS,
        "referring_organisation": "Association Horizons solidaires",
        "status": CandidateStatus.LEFT,
        "publish": False,
        "notes": (
            "A quitté le programme le 30 octobre 2026 pour rejoindre sa sœur à Lorient. Sortie « autre ». "
            "Ses coordonnées ont été transmises, avec son accord, à une structure d'insertion de Lorient."
        ),
        "catchphrase": "Je sais réparer à peu près tout ce qui a un moteur.",
        "story": (
            "<p>J'ai été mécanicien dans un garage de Creil pendant quinze ans. Après la mort de ma mère, "
            "en 2017, j'ai beaucoup bu, j'ai perdu mon poste, puis mon appartement. J'ai vécu quatre ans "
            "à la rue, à Paris. J'ai arrêté de boire il y a trois ans, et je n'ai pas l'intention de "
            "recommencer.</p>"
            "<p>Aujourd'hui, je répare les vélos d'un atelier solidaire du 18e arrondissement, trois jours "
            "par semaine. J'y forme des jeunes, et les clients reviennent me voir.</p>"
            "<p>Je cherche un poste de mécanicien, de préparateur de véhicules ou d'agent d'entretien dans "
            "un parc automobile. Je suis patient, minutieux, et je ne rends jamais un travail à moitié "
            "fait.</p>"
        ),
    },
    {
        "first_name": "Dylan",
        "last_name": "Vasseur",
        "email": "dylan.vasseur@example.org",
        "phone": "06 39 98 30 13",
        "birth_date": D(2007, 2, 16),
        "cohort": LILLE,
        "referring_organisation": "E2C Lille",
        "status": IN_PROGRAMME,
        "publish": True,
        "catchphrase": "Donnez-moi un niveau et une visseuse, je vous montre ce que je vaux.",
        "story": (
            "<p>J'ai grandi en foyer à Roubaix, à l'aide sociale à l'enfance, depuis mes dix ans. J'ai "
            "commencé un CAP de menuiserie, mais je l'ai arrêté quand j'ai dû changer de foyer en cours "
            "d'année. À dix-huit ans, j'ai signé un contrat jeune majeur, et j'habite aujourd'hui un petit "
            "studio accompagné.</p>"
            "<p>À l'école de la deuxième chance, j'ai fait deux stages chez un plaquiste. Le patron a écrit "
            "que j'étais « toujours là avant l'ouverture du dépôt ». J'aime voir une pièce prendre forme "
            "dans la journée.</p>"
            "<p>Je cherche une alternance en plâtrerie ou en menuiserie, pour finir enfin un diplôme. Je suis "
            "manuel, attentif aux consignes, et je ne compte pas mes efforts.</p>"
        ),
    },
    {
        "first_name": "Inès",
        "last_name": "Boukhalfa",
        "email": "ines.boukhalfa@example.org",
        "phone": "06 39 98 30 14",
        "birth_date": D(2004, 6, 12),
        "cohort": LILLE,
        "referring_organisation": "E2C Lille",
        "status": IN_PROGRAMME,
        "publish": True,
        "catchphrase": "J'ai élevé mes petits frères ; la patience, je l'ai apprise tôt.",
        "story": (
            "<p>Quand ma mère est tombée malade, j'avais quinze ans. J'ai quitté le lycée pour m'occuper de "
            "mes deux petits frères : les devoirs, les repas, les rendez-vous médicaux. Je ne regrette rien, "
            "mais je suis arrivée à vingt ans sans diplôme et sans expérience sur un CV.</p>"
            "<p>J'ai passé mon BAFA et j'anime des centres de loisirs pendant les vacances. À l'école de la "
            "deuxième chance, un stage dans une résidence pour personnes âgées m'a fait découvrir un métier. "
            "Les résidents demandaient quand je revenais.</p>"
            "<p>Je cherche un poste d'auxiliaire de vie ou d'agente d'accompagnement, avec une formation. Je "
            "suis douce, fiable, et je sais garder mon sang-froid.</p>"
        ),
    },
    {
        "first_name": "Mamadou",
        "last_name": "Bah",
        "email": "mamadou.bah@example.org",
        "phone": "06 39 98 30 15",
        "birth_date": D(2008, 1, 25),
        "cohort": LILLE,
        "referring_organisation": "E2C Lille",
        "status": IN_PROGRAMME,
        "publish": True,
        "catchphrase": (
            "J'ai traversé la moitié de l'Afrique à quinze ans ; une brigade de cuisine ne me fait pas peur."
        ),
        "story": (
            "<p>Je suis arrivé de Guinée à quinze ans, seul. J'ai été pris en charge par l'aide sociale à "
            "l'enfance du Nord, et j'ai appris le français en un an, au collège puis en classe d'accueil.</p>"
            "<p>Pendant deux étés, j'ai fait la plonge et la mise en place dans une brasserie de Lille. Le "
            "chef m'a laissé préparer les desserts la deuxième année. J'aime la cuisine parce que, dans une "
            "brigade, tout le monde compte sur tout le monde.</p>"
            "<p>Je cherche un apprentissage en CAP cuisine, dès que possible. Un contrat m'aiderait aussi à "
            "obtenir mon titre de séjour : une raison de plus pour tout donner. Je parle peul, français et un "
            "peu d'anglais.</p>"
        ),
    },
    {
        "first_name": "Jordan",
        "last_name": "Lemaire",
        "email": "jordan.lemaire@example.org",
        "phone": "06 39 98 30 16",
        "birth_date": D(2002, 4, 7),
        "cohort": LILLE,
        "referring_organisation": "Epide Hauts-de-France",
        "status": IN_PROGRAMME,
        "publish": True,
        "catchphrase": "L'Epide m'a appris le rythme ; je ne l'ai plus lâché.",
        "story": (
            "<p>À vingt ans, après une rupture avec ma famille, j'ai passé un an à la rue entre Lille et "
            "Valenciennes. J'ai fait des petits boulots au marché et des déménagements au noir pour "
            "manger.</p>"
            "<p>En 2024, je suis entré à l'Epide. Lever à six heures, sport, cours, uniforme : au début c'était "
            "dur, puis c'est devenu une force. J'en suis sorti avec mon permis B, mon CACES R489 catégorie 3 "
            "et un stage de deux mois dans un entrepôt de Lesquin, où l'on m'a proposé de revenir en "
            "intérim.</p>"
            "<p>Je cherche un poste de préparateur de commandes ou de cariste. Je suis ponctuel, je ne "
            "rechigne pas aux horaires décalés, et je respecte les consignes de sécurité.</p>"
        ),
    },
    {
        "first_name": "Sarah",
        "last_name": "Mekki",
        "email": "sarah.mekki@example.org",
        "phone": "06 39 98 30 17",
        "birth_date": D(2006, 8, 19),
        "cohort": LILLE,
        "referring_organisation": "E2C Lille",
        "status": IN_PROGRAMME,
        "publish": False,
        "catchphrase": "Sur le marché de Wazemmes, j'ai appris à vendre avec le sourire, même sous la pluie.",
        "story": (
            "<p>J'ai arrêté l'école à seize ans. Je ne me sentais pas à ma place, et à la maison il fallait "
            "de l'argent. Depuis, je travaille le dimanche sur le marché de Wazemmes, sur le stand de fruits "
            "et légumes d'un voisin : installation à cinq heures, vente, rangement.</p>"
            "<p>J'ai aussi gardé des enfants et fait des ménages, toujours sans contrat. À l'école de la "
            "deuxième chance, j'ai repris le français et les maths, et j'ai fait un stage dans une "
            "supérette.</p>"
            "<p>Je cherche un poste de vendeuse ou d'employée de commerce, à Lille ou dans la métropole. Je "
            "suis à l'aise avec les gens, je rends la monnaie de tête, et je n'ai pas peur de me lever tôt.</p>"
        ),
    },
    {
        "first_name": "Hamza",
        "last_name": "El Idrissi",
        "email": "hamza.elidrissi@example.org",
        "phone": "06 39 98 30 18",
        "birth_date": D(2005, 3, 2),
        "cohort": LILLE,
        "referring_organisation": "Epide Hauts-de-France",
        "status": IN_PROGRAMME,
        "publish": True,
        "catchphrase": "Le sport m'a appris le respect des règles ; je veux en faire mon métier.",
        "story": (
            "<p>J'ai grandi à Roubaix et j'ai quitté le lycée professionnel en première, sans diplôme. "
            "Pendant deux ans, je n'ai rien fait de bien : des fréquentations qui m'entraînaient vers le bas, "
            "des journées sans but. Le club de boxe de mon quartier a été le seul endroit où je tenais "
            "mes engagements.</p>"
            "<p>L'Epide a tout changé. J'y ai obtenu mon brevet de secourisme et mon permis, et j'ai "
            "découvert le métier d'agent de sécurité lors d'un stage dans un centre commercial. J'encadre "
            "aujourd'hui les plus jeunes au club, le mercredi.</p>"
            "<p>Je cherche une formation au CQP d'agent de sécurité, en alternance ou avec un employeur qui "
            "la finance. Je suis calme, respectueux, et je sais désamorcer un conflit.</p>"
        ),
    },
    {
        "first_name": "Chloé",
        "last_name": "Vandenberghe",
        "email": "chloe.vandenberghe@example.org",
        "phone": "06 39 98 30 19",
        "birth_date": D(2009, 5, 28),
        "cohort": LILLE,
        "referring_organisation": "E2C Lille",
        "status": IN_PROGRAMME,
        "publish": False,
        "catchphrase": "Dans un jardin, j'oublie tout le reste et je donne le meilleur de moi.",
        "story": (
            "<p>Je vis dans un foyer de l'aide sociale à l'enfance depuis mes douze ans. L'école, ça n'a pas "
            "marché pour moi : j'ai été déscolarisée à quinze ans, et j'ai longtemps pensé que je n'étais "
            "bonne à rien.</p>"
            "<p>Le foyer a un potager. J'ai commencé à m'en occuper un peu, puis tous les jours : semis, "
            "arrosage, compost, et même une petite serre montée avec l'éducateur. Pendant mon stage dans un "
            "service des espaces verts, l'équipe m'a dit que j'avais « l'œil pour les plantes ».</p>"
            "<p>Je cherche un apprentissage en CAP jardinier paysagiste. Je suis matinale, je travaille dehors "
            "par tous les temps, et j'apprends en regardant faire.</p>"
        ),
    },
    {
        "first_name": "Nour",
        "last_name": "Al-Hassan",
        "email": "nour.alhassan@example.org",
        "phone": "06 39 98 30 20",
        "birth_date": D(2003, 9, 14),
        "cohort": LILLE,
        "referring_organisation": "E2C Lille",
        "status": IN_PROGRAMME,
        "publish": False,
        "catchphrase": "J'ai dû arrêter mes études de mécanique ; je n'ai jamais arrêté d'apprendre.",
        "story": (
            "<p>J'étudiais la mécanique industrielle à Alep quand la guerre a fermé mon école. Avec ma famille, "
            "nous avons vécu cinq ans dans un camp au Liban, où je réparais les générateurs et les pompes à "
            "eau des voisins. Nous sommes arrivés en France en 2023, grâce à un programme de réinstallation.</p>"
            "<p>J'ai appris le français en dix-huit mois et je l'utilise tous les jours comme interprète "
            "bénévole pour d'autres familles arrivées à Lille. J'ai fait un stage de trois semaines chez un "
            "fabricant de pièces métalliques.</p>"
            "<p>Je cherche un poste d'opératrice de production ou une alternance en maintenance industrielle. "
            "Je suis précise, curieuse, et je n'ai pas peur des machines.</p>"
        ),
    },
]

# What each story says beyond its first words: skills, wishes, mobility, experiences (informal ones count as much
# as jobs) and the people who vouch for the candidate. Keyed by the candidate's e-mail. Experiences are
# (kind, what, where, when, what I learnt, keywords); testimonials are (quote, author, relation).
NOW = Availability.IMMEDIATE
WITHIN_A_MONTH = Availability.WITHIN_A_MONTH
FROM_DATE = Availability.FROM_DATE

STORY_PROFILES = {
    "moussa.keita@example.org": {
        "skills": ["Maçonnerie gros œuvre", "Coffrage et ferraillage", "Enduits", "Conduite de mini-pelle (CACES)"],
        "strengths": ["Ponctuel", "Soigneux", "Endurant", "Esprit d'équipe"],
        "sectors": ["batiment"],
        "wished_jobs": "Maçon, aide-maçon, coffreur",
        "contract_types": ["cdi", "cdd"],
        "cities": ["Paris", "Seine-Saint-Denis"],
        "availability": NOW,
        "languages": "Bambara, français, anglais (notions)",
        "driving_licence": False,
        "transport": "Transports en commun, vélo ; je peux partir tôt sur les chantiers",
        "experiences": [
            ("job", "Aide-maçon en intérim", "Chantiers de gros œuvre, Île-de-France", "2022-2026",
             "Monter des murs en parpaings, couler des dalles, garder un chantier propre.",
             ["gros œuvre", "parpaings", "sécurité"]),
            ("training", "CACES mini-pelle (R482 A)", "Centre de formation de Bobigny", "2024",
             "Conduire et entretenir une mini-pelle en sécurité.", ["CACES"]),
            ("job", "Maçon avec mon oncle", "Bamako, Mali", "2008-2015",
             "Construire des maisons de A à Z : fondations, murs, enduits.", ["construction", "enduits"]),
        ],
        "testimonials": [
            ("Moussa est le premier sur le chantier et il ne part jamais sans avoir rangé. Je le rappelle dès que "
             "j'ai une mission.", "Franck, chef d'équipe gros œuvre", "former_employer"),
            ("Il n'a jamais manqué un rendez-vous en trois ans, même quand il dormait dehors.",
             "Leïla, travailleuse sociale", "social_worker"),
        ],
    },
    "nadia.benali@example.org": {
        "skills": ["Entretien des locaux", "Repassage", "Organisation d'un planning", "Produits et dosages"],
        "strengths": ["Fiable", "Rapide sans bâcler", "Discrète", "Digne de confiance"],
        "sectors": ["proprete", "aide-a-la-personne"],
        "wished_jobs": "Agente de propreté, aide à domicile",
        "contract_types": ["cdi", "cdd"],
        "cities": ["Paris"],
        "availability": NOW,
        "languages": "Français, arabe",
        "driving_licence": False,
        "transport": "Transports en commun (pass Navigo)",
        "experiences": [
            ("odd_jobs", "Ménages chez des particuliers", "Paris 11e et 20e", "2015-2025",
             "Entretenir plusieurs logements par jour, gérer les clés et les horaires de chaque famille.",
             ["ménage", "autonomie", "confiance"]),
            ("family_care", "Mère de trois enfants, seule", "Paris", "depuis 2015",
             "Tenir un budget serré, un planning chargé et ne jamais lâcher.", ["organisation", "budget"]),
        ],
        "testimonials": [
            ("Pendant six ans, Nadia a eu les clés de notre appartement. Jamais un oubli, jamais un retard.",
             "Claire, ancienne employeuse particulière", "former_employer"),
        ],
    },
    "ahmad.rahimi@example.org": {
        "skills": ["Poste chaud", "Mise en place", "Plonge", "Règles d'hygiène (HACCP)", "Cuisine pour 150 couverts"],
        "strengths": ["Calme dans le rush", "Patient", "Propre", "Curieux"],
        "sectors": ["restauration"],
        "wished_jobs": "Commis de cuisine, cuisinier",
        "contract_types": ["cdi", "cdd", "temp"],
        "cities": ["Paris", "Seine-Saint-Denis"],
        "availability": NOW,
        "languages": "Dari, pachto, anglais, français",
        "driving_licence": False,
        "transport": "Transports en commun, vélo",
        "experiences": [
            ("volunteering", "Cuisinier bénévole", "Association de repas solidaires, Paris 10e", "depuis 2023",
             "Cuisiner 150 repas par semaine avec les dons reçus, en respectant l'hygiène.",
             ["cuisine collective", "HACCP"]),
            ("job", "Cuisinier, puis chef de partie", "Hôtel, Kaboul", "2014-2020",
             "Passer de la plonge au poste chaud ; tenir un service de 200 couverts.", ["poste chaud", "brigade"]),
            ("training", "Français intensif", "Alliance, Paris", "2022-2023", "Un an de cours, tous les jours.",
             ["français B1"]),
        ],
        "testimonials": [
            ("Ahmad ne s'énerve jamais, même quand la livraison arrive en retard et que 150 personnes attendent.",
             "Sophie, coordinatrice de l'association", "volunteer"),
            ("Un cuisinier rigoureux, qui a envie d'apprendre les recettes d'ici.", "Thomas, coach bénévole",
             "coach"),
        ],
    },
    "jean-pierre.morel@example.org": {
        "skills": ["Conduite de chariots (CACES 1, 3, 5)", "Réception et contrôle", "Gestion de réserve",
                   "Sécurité en entrepôt"],
        "strengths": ["Méthodique", "Patient avec les nouveaux", "Persévérant"],
        "sectors": ["logistique"],
        "wished_jobs": "Préparateur de commandes, cariste",
        "contract_types": ["cdi", "cdd", "temp"],
        "cities": ["Paris", "Seine-Saint-Denis"],
        "availability": WITHIN_A_MONTH,
        "languages": "Français",
        "driving_licence": True,
        "transport": "Permis B (sans voiture), transports en commun",
        "experiences": [
            ("volunteering", "Responsable de la réserve", "Banque alimentaire, Paris 19e", "depuis 2024",
             "Réceptionner les livraisons, ranger la réserve, former les nouveaux bénévoles.",
             ["réception", "stock", "formation"]),
            ("job", "Cariste", "Entrepôt de Gennevilliers", "1998-2018",
             "Vingt ans de manutention, de chargement de camions et d'inventaires.", ["CACES", "inventaire"]),
        ],
        "testimonials": [
            ("Jean-Pierre a réorganisé toute notre réserve. Les nouveaux bénévoles apprennent avec lui.",
             "Martine, présidente de la banque alimentaire", "volunteer"),
        ],
    },
    "sandrine.lefevre@example.org": {
        "skills": ["Tenue de caisse", "Accueil client", "Mise en rayon", "Restauration rapide"],
        "strengths": ["Souriante", "Rigoureuse", "Résistante au stress"],
        "sectors": ["commerce", "restauration"],
        "wished_jobs": "Employée polyvalente, hôtesse de caisse",
        "contract_types": ["cdi", "cdd"],
        "cities": ["Paris", "Seine-Saint-Denis"],
        "availability": NOW,
        "languages": "Français",
        "driving_licence": True,
        "transport": "Voiture personnelle",
        "experiences": [
            ("job", "Hôtesse de caisse", "Supermarché, Montreuil", "2010-2022",
             "Douze ans de caisse : fonds de caisse juste, clients pressés et sourires.", ["caisse", "accueil"]),
            ("volunteering", "Bénévole à l'épicerie solidaire", "Montreuil", "depuis 2024",
             "Accueillir les familles et tenir la caisse solidaire.", ["accueil", "solidarité"]),
        ],
        "testimonials": [
            ("Sandrine est la personne à qui je confierais la caisse les yeux fermés.",
             "Hervé, ancien chef de magasin", "former_employer"),
        ],
    },
    "yonas.tesfay@example.org": {
        "skills": ["Accueil et orientation", "Prévention des conflits", "Rondes de sécurité", "Secourisme (SST)"],
        "strengths": ["Calme", "Toujours en avance", "Respectueux des règles"],
        "sectors": ["securite"],
        "wished_jobs": "Agent de sécurité, agent d'accueil",
        "contract_types": ["cdi", "cdd"],
        "cities": ["Paris", "Seine-Saint-Denis"],
        "availability": FROM_DATE,
        "available_from": D(2027, 1, 4),
        "languages": "Tigrigna, arabe, anglais, français",
        "driving_licence": False,
        "transport": "Transports en commun, horaires de nuit possibles",
        "experiences": [
            ("volunteering", "Agent d'accueil bénévole", "Centre d'hébergement, Saint-Denis", "2021-2024",
             "Orienter les personnes, désamorcer les tensions, faire respecter les règles sans crier.",
             ["accueil", "médiation"]),
            ("training", "CQP agent de prévention et de sécurité", "Organisme agréé, Aubervilliers", "2025",
             "Surveillance, sécurité incendie, secourisme.", ["CQP APS", "SST"]),
        ],
        "testimonials": [
            ("Quand le ton montait à l'accueil, c'est Yonas qu'on allait chercher.", "Karim, chef de service",
             "social_worker"),
            ("Un candidat sérieux, qui a eu son CQP du premier coup.", "Marc, formateur sécurité", "trainer"),
        ],
    },
    "mariama.diallo@example.org": {
        "skills": ["Aide à la toilette", "Préparation des repas", "Accompagnement aux rendez-vous", "Garde d'enfants"],
        "strengths": ["Douce", "Patiente", "Ponctuelle", "Discrète"],
        "sectors": ["aide-a-la-personne"],
        "wished_jobs": "Auxiliaire de vie (avec formation)",
        "contract_types": ["cdi", "work_study"],
        "cities": ["Paris"],
        "availability": WITHIN_A_MONTH,
        "languages": "Peul, soussou, français",
        "driving_licence": False,
        "transport": "Transports en commun",
        "experiences": [
            ("family_care", "Aidante de ma grand-mère", "Conakry, Guinée", "2011-2016",
             "Toilette, repas, médicaments et beaucoup de patience.", ["soins", "patience"]),
            ("odd_jobs", "Aide à deux voisines âgées", "Paris 18e", "depuis 2023",
             "Courses, rendez-vous médicaux, compagnie.", ["accompagnement"]),
        ],
        "testimonials": [
            ("La seule à ne jamais être en retard.", "Mme Robert, voisine", "other"),
        ],
    },
    "karim.haddad@example.org": {
        "skills": ["Taille et plantations", "Débroussailleuse", "Entretien des outils", "Couverture (toits)"],
        "strengths": ["Endurant", "Pédagogue", "Fiable par tous les temps"],
        "sectors": ["espaces-verts", "batiment"],
        "wished_jobs": "Jardinier, agent d'espaces verts",
        "contract_types": ["cddi", "cdd", "cdi"],
        "cities": ["Seine-Saint-Denis", "Paris"],
        "availability": NOW,
        "languages": "Français, arabe",
        "driving_licence": True,
        "transport": "Vélo, transports en commun",
        "experiences": [
            ("volunteering", "Jardinier bénévole", "Jardin partagé, Bondy", "depuis 2023",
             "Tailler, planter, entretenir les outils et faire des semis avec les enfants.", ["jardin", "semis"]),
            ("odd_jobs", "Couvreur, missions sans contrat", "Marseille", "2004-2019",
             "Quinze ans sur les toits : rigueur et sécurité.", ["couverture", "hauteur"]),
        ],
        "testimonials": [
            ("Karim a remis notre jardin sur pied, et les enfants du quartier l'adorent.",
             "Aline, présidente du jardin partagé", "volunteer"),
        ],
    },
    "olena.kovalenko@example.org": {
        "skills": ["Gestion de stock", "Inventaires", "Tableurs", "Comptabilité"],
        "strengths": ["Précise", "Organisée", "Persévérante"],
        "sectors": ["logistique", "commerce"],
        "wished_jobs": "Gestionnaire de stock, employée logistique, aide-comptable",
        "contract_types": ["cdi", "cdd"],
        "cities": ["Paris", "Seine-Saint-Denis"],
        "availability": NOW,
        "languages": "Ukrainien, russe, anglais, français",
        "driving_licence": True,
        "transport": "Transports en commun",
        "experiences": [
            ("volunteering", "Gestionnaire de stock bénévole", "Association d'aide aux familles ukrainiennes",
             "2022-2025", "Inventaires, commandes et tableaux de suivi.", ["stock", "tableurs"]),
            ("job", "Comptable", "Entreprise de distribution, Kharkiv", "2007-2022",
             "Quinze ans de comptabilité fournisseurs et de clôtures.", ["comptabilité"]),
        ],
        "testimonials": [
            ("Avec Olena, le stock tombait juste au gramme près.", "Iryna, coordinatrice de l'association",
             "volunteer"),
        ],
    },
    "samuel.mbarga@example.org": {
        "skills": ["Livraison urbaine", "Organisation de tournées", "Relation client", "Conduite prudente"],
        "strengths": ["Ponctuel", "Souriant", "Prudent"],
        "sectors": ["transport", "logistique"],
        "wished_jobs": "Chauffeur-livreur",
        "contract_types": ["cdi", "cdd"],
        "cities": ["Paris", "Seine-Saint-Denis"],
        "availability": NOW,
        "languages": "Français, ewondo, anglais",
        "driving_licence": True,
        "transport": "Permis B, scooter",
        "experiences": [
            ("odd_jobs", "Livreur à vélo, payé à la course", "Paris", "2020-2025",
             "Des milliers de livraisons, sans accident ni réclamation.", ["livraison", "autonomie"]),
            ("job", "Moto-taxi", "Douala, Cameroun", "2011-2019",
             "Connaître chaque rue et fidéliser ses clients.", ["conduite", "clientèle"]),
        ],
        "testimonials": [
            ("Samuel ne s'est jamais perdu et n'a jamais été en retard.", "Nathalie, coach bénévole", "coach"),
        ],
    },
    "aissatou.sow@example.org": {
        "skills": ["Aide de cuisine", "Cuisine collective", "Service en extra"],
        "strengths": ["Débrouillarde", "Apprend vite", "Tenace"],
        "sectors": ["restauration"],
        "wished_jobs": "Commis de cuisine, employée de restauration collective",
        "contract_types": ["work_study", "cdd"],
        "cities": ["Paris"],
        "availability": NOW,
        "languages": "Français, peul",
        "driving_licence": False,
        "transport": "Transports en commun",
        "experiences": [
            ("job", "Aide de cuisine en colonie de vacances", "Haute-Savoie", "été 2025",
             "Quarante enfants à nourrir trois fois par jour.", ["cuisine collective"]),
            ("odd_jobs", "Extras chez des traiteurs", "Paris", "2020-2024", "Service et plonge lors d'événements.",
             ["service", "plonge"]),
        ],
        "testimonials": [
            ("Je lui ai proposé de revenir l'été prochain.", "Sabine, cheffe de cuisine", "former_employer"),
        ],
    },
    "bruno.petit@example.org": {
        "skills": ["Mécanique générale", "Réparation de vélos", "Diagnostic"],
        "strengths": ["Minutieux", "Patient", "Transmet son savoir"],
        "sectors": ["transport", "industrie"],
        "wished_jobs": "Mécanicien, préparateur de véhicules",
        "contract_types": ["cdi", "cdd"],
        "cities": ["Paris"],
        "availability": NOW,
        "languages": "Français",
        "driving_licence": True,
        "transport": "Vélo",
        "experiences": [
            ("volunteering", "Réparateur de vélos", "Atelier solidaire, Paris 18e", "depuis 2023",
             "Réparer et former des jeunes à la mécanique.", ["vélo", "formation"]),
            ("job", "Mécanicien automobile", "Garage, Creil", "2002-2017", "Quinze ans d'entretien et de réparation.",
             ["mécanique"]),
        ],
        "testimonials": [
            ("Les clients reviennent pour Bruno.", "Paul, responsable de l'atelier", "volunteer"),
        ],
    },
    "dylan.vasseur@example.org": {
        "skills": ["Pose de plaques de plâtre", "Lecture de plans simples", "Utilisation d'outils électroportatifs"],
        "strengths": ["Manuel", "Attentif aux consignes", "Toujours à l'heure"],
        "sectors": ["batiment"],
        "wished_jobs": "Plaquiste ou menuisier en alternance",
        "contract_types": ["work_study"],
        "cities": ["Lille"],
        "availability": NOW,
        "languages": "Français",
        "driving_licence": False,
        "transport": "Transports en commun, vélo",
        "experiences": [
            ("training", "Stages chez un plaquiste", "École de la deuxième chance, Lille", "2025",
             "Deux stages : pose de rails, de plaques et de bandes.", ["plâtrerie", "chantier"]),
            ("training", "CAP menuiserie (première année)", "Lycée professionnel, Roubaix", "2023-2024",
             "Les bases du bois et des machines.", ["menuiserie"]),
            ("odd_jobs", "Coups de main en déménagement", "Roubaix", "2024", "Porter, monter, démonter.",
             ["manutention"]),
        ],
        "testimonials": [
            ("Toujours là avant l'ouverture du dépôt.", "Christophe, artisan plaquiste", "former_employer"),
            ("Dylan a trouvé sa voie : il ne lui manque qu'un patron pour l'alternance.", "Émilie, formatrice E2C",
             "trainer"),
        ],
    },
    "ines.boukhalfa@example.org": {
        "skills": ["Animation (BAFA)", "Accompagnement de personnes âgées", "Gestion du quotidien d'une famille"],
        "strengths": ["Douce", "Fiable", "Sang-froid"],
        "sectors": ["aide-a-la-personne"],
        "wished_jobs": "Auxiliaire de vie, agente d'accompagnement",
        "contract_types": ["work_study", "cdi", "cdd"],
        "cities": ["Lille"],
        "availability": WITHIN_A_MONTH,
        "languages": "Français, arabe (notions)",
        "driving_licence": False,
        "transport": "Transports en commun",
        "experiences": [
            ("family_care", "Aidante de ma mère et de mes deux petits frères", "Lille", "2019-2024",
             "Devoirs, repas, rendez-vous médicaux : cinq ans de responsabilités.", ["organisation", "soin"]),
            ("job", "Animatrice de centre de loisirs", "Ville de Lille", "vacances depuis 2023",
             "Encadrer des groupes de douze enfants.", ["BAFA", "animation"]),
            ("training", "Stage en résidence pour personnes âgées", "Villeneuve-d'Ascq", "2025",
             "Accompagner les résidents au quotidien.", ["personnes âgées"]),
        ],
        "testimonials": [
            ("Les résidents demandaient quand Inès revenait.", "Nadège, infirmière coordinatrice",
             "former_employer"),
        ],
    },
    "mamadou.bah@example.org": {
        "skills": ["Plonge", "Mise en place", "Desserts simples"],
        "strengths": ["Courageux", "Esprit d'équipe", "Apprend vite"],
        "sectors": ["restauration"],
        "wished_jobs": "Apprenti cuisinier (CAP cuisine)",
        "contract_types": ["work_study"],
        "cities": ["Lille"],
        "availability": NOW,
        "languages": "Peul, français, anglais (notions)",
        "driving_licence": False,
        "transport": "Transports en commun, vélo",
        "experiences": [
            ("job", "Plongeur et commis (saisonnier)", "Brasserie, Lille", "étés 2024 et 2025",
             "Plonge, mise en place, puis les desserts la deuxième année.", ["brigade", "mise en place"]),
            ("training", "Français en classe d'accueil", "Collège, Lille", "2023-2024", "Le français en un an.",
             ["français"]),
        ],
        "testimonials": [
            ("La deuxième année, je lui ai confié les desserts.", "Olivier, chef de brasserie", "former_employer"),
        ],
    },
    "jordan.lemaire@example.org": {
        "skills": ["Préparation de commandes", "Conduite de chariot (CACES R489 cat. 3)", "Manutention"],
        "strengths": ["Ponctuel", "Respecte les consignes", "Horaires décalés acceptés"],
        "sectors": ["logistique"],
        "wished_jobs": "Préparateur de commandes, cariste",
        "contract_types": ["cdi", "cdd", "temp"],
        "cities": ["Lille"],
        "availability": NOW,
        "languages": "Français",
        "driving_licence": True,
        "transport": "Permis B, voiture partagée",
        "experiences": [
            ("training", "Parcours Epide", "Epide Hauts-de-France", "2024-2025",
             "Rythme, sport, cours ; permis B et CACES R489 obtenus.", ["CACES", "permis B"]),
            ("job", "Stage en entrepôt", "Lesquin", "2025", "Deux mois de préparation de commandes.",
             ["préparation", "logistique"]),
            ("odd_jobs", "Marché et déménagements", "Lille, Valenciennes", "2022-2023", "Porter, charger, vendre.",
             ["manutention"]),
        ],
        "testimonials": [
            ("On lui a proposé de revenir en intérim dès la fin du stage.", "Samia, cheffe d'équipe logistique",
             "former_employer"),
        ],
    },
    "sarah.mekki@example.org": {
        "skills": ["Vente", "Rendu de monnaie", "Installation d'étal", "Garde d'enfants"],
        "strengths": ["À l'aise avec les gens", "Matinale", "Énergique"],
        "sectors": ["commerce"],
        "wished_jobs": "Vendeuse, employée de commerce",
        "contract_types": ["cdi", "cdd", "work_study"],
        "cities": ["Lille"],
        "availability": NOW,
        "languages": "Français, arabe",
        "driving_licence": False,
        "transport": "Transports en commun",
        "experiences": [
            ("odd_jobs", "Vendeuse sur le marché de Wazemmes", "Lille", "depuis 2022",
             "Installation à cinq heures, vente, rangement.", ["vente", "caisse"]),
            ("training", "Stage en supérette", "E2C Lille", "2025", "Mise en rayon et caisse.", ["commerce"]),
        ],
        "testimonials": [
            ("Sous la pluie comme au soleil, Sarah garde le sourire.", "Ali, commerçant", "former_employer"),
        ],
    },
    "hamza.elidrissi@example.org": {
        "skills": ["Secourisme (PSC1)", "Encadrement de jeunes", "Prévention des conflits"],
        "strengths": ["Calme", "Respectueux", "Tient ses engagements"],
        "sectors": ["securite"],
        "wished_jobs": "Agent de sécurité (CQP APS en alternance)",
        "contract_types": ["work_study", "cdd"],
        "cities": ["Lille"],
        "availability": FROM_DATE,
        "available_from": D(2027, 2, 1),
        "languages": "Français, arabe",
        "driving_licence": True,
        "transport": "Permis B",
        "experiences": [
            ("volunteering", "Encadrant au club de boxe", "Roubaix", "depuis 2024",
             "Encadrer les plus jeunes le mercredi.", ["encadrement", "sport"]),
            ("training", "Stage en centre commercial", "Epide Hauts-de-France", "2025",
             "Découverte du métier d'agent de sécurité.", ["sécurité"]),
        ],
        "testimonials": [
            ("Hamza a changé : il est devenu un exemple pour les plus jeunes du club.", "Rachid, entraîneur",
             "volunteer"),
            ("Un jeune fiable, qui désamorce au lieu d'envenimer.", "Sébastien, coach bénévole", "coach"),
        ],
    },
    "chloe.vandenberghe@example.org": {
        "skills": ["Semis et arrosage", "Compost", "Montage d'une serre"],
        "strengths": ["Matinale", "Observatrice", "Travaille par tous les temps"],
        "sectors": ["espaces-verts"],
        "wished_jobs": "Apprentie jardinière paysagiste",
        "contract_types": ["work_study"],
        "cities": ["Lille"],
        "availability": NOW,
        "languages": "Français",
        "driving_licence": False,
        "transport": "Vélo, transports en commun",
        "experiences": [
            ("volunteering", "Potager du foyer", "Lille", "depuis 2023", "Semis, arrosage, compost et serre.",
             ["potager", "serre"]),
            ("training", "Stage au service des espaces verts", "Ville de Lille", "2025",
             "Entretien des massifs et plantations.", ["espaces verts"]),
        ],
        "testimonials": [
            ("Chloé a l'œil pour les plantes.", "Équipe des espaces verts de Lille", "former_employer"),
        ],
    },
    "nour.alhassan@example.org": {
        "skills": ["Maintenance de générateurs et de pompes", "Lecture de schémas", "Interprétariat"],
        "strengths": ["Précise", "Curieuse", "N'a pas peur des machines"],
        "sectors": ["industrie"],
        "wished_jobs": "Opératrice de production, alternance en maintenance industrielle",
        "contract_types": ["work_study", "cdd", "temp"],
        "cities": ["Lille"],
        "availability": NOW,
        "languages": "Arabe, français, anglais",
        "driving_licence": False,
        "transport": "Transports en commun",
        "experiences": [
            ("odd_jobs", "Réparatrice de générateurs et de pompes à eau", "Camp de réfugiés, Liban", "2018-2023",
             "Remettre en marche ce dont les voisins avaient besoin.", ["maintenance", "électricité"]),
            ("volunteering", "Interprète bénévole", "Lille", "depuis 2024", "Accompagner des familles arrivées.",
             ["arabe", "accompagnement"]),
            ("training", "Stage en fabrication de pièces métalliques", "Lille", "2025", "Trois semaines en atelier.",
             ["production"]),
        ],
        "testimonials": [
            ("Nour comprend une machine avant qu'on finisse de l'expliquer.", "Didier, chef d'atelier",
             "former_employer"),
        ],
    },
}

COACHES = [
    {
        "first_name": "Julien",
        "last_name": "Marchand",
        "email": "julien.marchand@example.org",
        "phone": "06 39 98 40 01",
        "employer": "Entrepôts de l'Ourcq",
    },
    {
        "first_name": "Claire",
        "last_name": "Fontaine",
        "email": "claire.fontaine@example.org",
        "phone": "06 39 98 40 02",
        "employer": "Net & Clair Services",
    },
    {
        "first_name": "Hélène",
        "last_name": "Garnier",
        "email": "helene.garnier@example.org",
        "phone": "06 39 98 40 03",
        "employer": None,
    },
    {
        "first_name": "Marc",
        "last_name": "Lebrun",
        "email": "marc.lebrun@example.org",
        "phone": "06 39 98 40 04",
        "employer": "Garde urbaine sécurité",
    },
    {
        "first_name": "Sophie",
        "last_name": "Tran",
        "email": "sophie.tran@example.org",
        "phone": "06 39 98 40 05",
        "employer": "La Table de Belleville",
    },
    {
        "first_name": "Antoine",
        "last_name": "Girard",
        "email": "antoine.girard@example.org",
        "phone": "06 39 98 40 06",
        "employer": None,
    },
    {
        "first_name": "Nathalie",
        "last_name": "Robert",
        "email": "nathalie.robert@example.org",
        "phone": "06 39 98 40 07",
        "employer": "Les Jardiniers de Bondy",
    },
    {
        "first_name": "Pierre",
        "last_name": "Lambert",
        "email": "pierre.lambert@example.org",
        "phone": "06 39 98 40 08",
        "employer": None,
    },
    {
        "first_name": "Laure",
        "last_name": "Mercier",
        "email": "laure.mercier@example.org",
        "phone": "06 39 98 40 09",
        "employer": None,
    },
    {
        "first_name": "Vincent",
        "last_name": "Delcourt",
        "email": "vincent.delcourt@example.org",
        "phone": "06 39 98 40 10",
        "employer": "Atelier Béton Lillois",
    },
    {
        "first_name": "Céline",
        "last_name": "Dubois",
        "email": "celine.dubois@example.org",
        "phone": "06 39 98 40 11",
        "employer": "Présence Domicile Flandres",
    },
    {
        "first_name": "Mehdi",
        "last_name": "Saïdi",
        "email": "mehdi.saidi@example.org",
        "phone": "06 39 98 40 12",
        "employer": "Primeurs du Vieux-Lille",
    },
    {
        "first_name": "Aurélie",
        "last_name": "Lefebvre",
        "email": "aurelie.lefebvre@example.org",
        "phone": "06 39 98 40 13",
        "employer": None,
    },
    {
        # A new coach, not paired yet: the demo admin can pair him.
        "first_name": "François",
        "last_name": "Leroy",
        "email": "francois.leroy@example.org",
        "phone": "06 39 98 40 14",
        "employer": "Atelier Béton Lillois",
    },
]

# (coach e-mail, candidate e-mail, start date, end date or None while active).
PAIRS = [
    ("julien.marchand@example.org", "moussa.keita@example.org", D(2026, 9, 28), None),
    ("claire.fontaine@example.org", "nadia.benali@example.org", D(2026, 9, 28), None),
    ("helene.garnier@example.org", "ahmad.rahimi@example.org", D(2026, 9, 28), None),
    ("antoine.girard@example.org", "jean-pierre.morel@example.org", D(2026, 9, 28), None),
    ("sophie.tran@example.org", "sandrine.lefevre@example.org", D(2026, 9, 28), None),
    ("marc.lebrun@example.org", "yonas.tesfay@example.org", D(2026, 9, 29), None),
    ("nathalie.robert@example.org", "karim.haddad@example.org", D(2026, 9, 30), None),
    ("laure.mercier@example.org", "samuel.mbarga@example.org", D(2026, 9, 30), None),
    # Bruno left the programme; his coach now follows Mariama.
    ("pierre.lambert@example.org", "bruno.petit@example.org", D(2026, 9, 28), D(2026, 10, 30)),
    ("pierre.lambert@example.org", "mariama.diallo@example.org", D(2026, 11, 9), None),
    ("vincent.delcourt@example.org", "dylan.vasseur@example.org", D(2026, 10, 12), None),
    ("celine.dubois@example.org", "ines.boukhalfa@example.org", D(2026, 10, 12), None),
    ("mehdi.saidi@example.org", "mamadou.bah@example.org", D(2026, 10, 13), None),
    ("aurelie.lefebvre@example.org", "jordan.lemaire@example.org", D(2026, 10, 14), None),
]

# --- Accounts ---------------------------------------------------------------------------------------------

ADMIN_USER = {"username": "admin", "email": "admin@tremplin.localhost", "first_name": "Alex", "last_name": "Martin"}
COMMUNICATION_USER = {
    "username": "communication",
    "email": "communication@tremplin.localhost",
    "first_name": "Camille",
    "last_name": "Rivière",
}
# The coach account logs in as this coach, who follows Moussa.
COACH_USER = {"username": "coach", "coach_email": "julien.marchand@example.org"}
