"""Write a realistic N-row cohort file (French Excel style: semicolons, BOM, dd/mm/yyyy, messy phones)."""

import csv
import random
import sys
import unicodedata

FIRST = ["Awa", "Karim", "Mélanie", "Yusuf", "Fatou", "Jean-Pierre", "Inès", "Mamadou", "Sofia", "Léo", "Aïcha", "Omar"]
LAST = ["Diallo", "Benali", "Nguyen", "Martin", "Traoré", "Lefèvre", "Haddad", "Kone", "Petit", "Moreau"]
PHONES = ["06 12 34 {:02d} {:02d}", "07.11.22.{:02d}.{:02d}", "+33 6 45 67 {:02d} {:02d}", "0033 7 88 99 {:02d} {:02d}"]
SECTORS = ["Logistique", "Bâtiment", "Restauration", "Commerce", "Propreté"]
CONTRACTS = ["CDI", "CDD", "Intérim", "Alternance"]
HEADERS = ["Promotion", "Ville", "Prénom", "Nom", "E-mail", "Téléphone", "Date de naissance", "Structure",
           "Secteurs", "Contrats", "Coach prénom", "Coach nom", "Coach e-mail", "Coach entreprise", "Accroche",
           "Histoire"]


def ascii_lower(text):
    return unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()


def rows(count, seed=4):
    rng = random.Random(seed)
    for n in range(count):
        first, last = rng.choice(FIRST), rng.choice(LAST)
        yield [
            f"Bench {n // 1000 + 1}", "Paris", first, last.upper() if n % 7 == 0 else last,
            f"  {ascii_lower(first)}.{ascii_lower(last)}.{n}@example.org ",
            rng.choice(PHONES).format(n % 100, (n // 100) % 100),
            f"{rng.randint(1, 28):02d}/{rng.randint(1, 12):02d}/{rng.randint(1965, 2006)}",
            f"Structure {n % 40}", ", ".join(rng.sample(SECTORS, 2)), rng.choice(CONTRACTS),
            "Claire", f"Coach{n}", f"coach.{n}@entreprise.fr", f"Entreprise {n % 25}",
            "Je ne lâche rien.", "Arrivé en France en 2019, j'ai travaillé en cuisine.\n\nJe cherche un CDI.",
        ]


def write(path, count):
    with open(path, "w", encoding="utf-8-sig", newline="") as handle:
        writer = csv.writer(handle, delimiter=";")
        writer.writerow(HEADERS)
        writer.writerows(rows(count))


if __name__ == "__main__":
    write(sys.argv[1], int(sys.argv[2]))
