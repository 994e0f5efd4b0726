"""The columns of the import files: canonical French names, with the other spellings staff use.

Headers are compared once normalised (no case, accents, spaces, underscores or punctuation), so
« Date de naissance », « date_naissance » and « DATE NAISSANCE » are the same column.
"""

import re
import unicodedata

# The column our error report adds; a corrected report can be imported again as it is.
IGNORED = "_ignored"


def normalise_header(text):
    text = unicodedata.normalize("NFKD", str(text)).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]", "", text.lower())


ERRORS_COLUMN = "erreurs"

COHORT_COLUMNS = {
    "promotion": ["cohorte", "cohort", "promo", "nom promotion"],
    "ville": ["city", "ville promotion", "cohort city"],
    "prenom": ["first name", "firstname", "prénom candidat"],
    "nom": ["last name", "lastname", "surname", "nom de famille", "nom candidat"],
    "email": ["e-mail", "mail", "courriel", "adresse e-mail", "adresse mail", "email candidat"],
    "telephone": ["téléphone", "tel", "tél", "phone", "portable", "mobile"],
    "date_naissance": ["date de naissance", "naissance", "birth date", "birthdate", "date of birth"],
    "structure": ["structure orienteuse", "prescripteur", "orienteur", "referring organisation", "organisation"],
    "secteurs": ["secteur", "familles de métiers", "famille de métiers", "sectors", "job families"],
    "contrats": ["contrat", "types de contrat", "contrats souhaités", "contracts", "contract types"],
    "coach_prenom": ["prénom coach", "coach first name"],
    "coach_nom": ["nom coach", "coach last name"],
    "coach_email": ["e-mail coach", "email coach", "mail coach", "coach e-mail"],
    "coach_entreprise": ["entreprise coach", "coach company", "coach employer"],
    "accroche": ["phrase d'accroche", "catchphrase"],
    "histoire": ["récit", "story", "son histoire"],
    IGNORED: [ERRORS_COLUMN, "errors"],
}
COHORT_REQUIRED = ("promotion", "prenom", "nom", "email")

OFFER_COLUMNS = {
    "entreprise": ["company", "société", "employeur", "employer"],
    "titre": ["intitulé", "poste", "title", "job title", "intitulé du poste"],
    "description": ["descriptif", "missions"],
    "contrat": ["type de contrat", "contract", "contract type"],
    "ville": ["city", "lieu", "localisation"],
    "secteur": ["famille de métiers", "sector", "job family"],
    "date_debut": ["date de début", "début", "start date", "date début"],
    "nb_postes": ["nombre de postes", "postes", "positions"],
    "contact_nom": ["nom du contact", "contact", "recruteur", "contact name"],
    "contact_email": ["e-mail contact", "email contact", "contact e-mail", "mail contact"],
    "contact_telephone": ["téléphone contact", "tel contact", "contact phone"],
    "reference": ["référence", "ref", "réf"],
    IGNORED: [ERRORS_COLUMN, "errors"],
}
OFFER_REQUIRED = ("entreprise", "titre", "contrat", "ville")
