"""Short café and bakery reviews in German, French, Dutch, Spanish and Italian, by true label.

Two sentences drawn from a bank per language and label; English reviews come from
``reviews_text.compose_review``.
"""

from __future__ import annotations

import random

from auditor.demo.reviews_text import compose_review

BANKS: dict[str, dict[str, tuple[str, ...]]] = {
    "de": {
        "positive": (
            "Die Brötchen sind morgens immer frisch und knusprig.",
            "Sehr freundliche Bedienung, wir kommen gern wieder.",
            "Der Kuchen war hervorragend und nicht zu süß.",
            "Schneller Service, auch wenn viel los ist.",
            "Bester Kaffee im Viertel, sauberer Laden.",
        ),
        "neutral": (
            "Ganz normale Bäckerei, nichts Besonderes.",
            "Die Auswahl ist in Ordnung, die Preise sind üblich.",
            "Kaffee war okay, der Platz etwas eng.",
        ),
        "negative": (
            "Das Brot war trocken und die Verkäuferin unfreundlich.",
            "Wir haben zwanzig Minuten gewartet, niemand hat sich entschuldigt.",
            "Der Kuchen war alt und viel zu teuer.",
            "Schmutzige Tische und ein genervtes Team.",
            "Falsche Bestellung bekommen und das Geld nicht zurück.",
        ),
    },
    "fr": {
        "positive": (
            "Le pain est excellent et le personnel très aimable.",
            "Croissants délicieux, encore chauds le matin.",
            "Accueil chaleureux et service rapide.",
            "La meilleure boulangerie du quartier, toujours propre.",
            "Des pâtisseries fines à un prix correct.",
        ),
        "neutral": (
            "Boulangerie correcte, sans plus.",
            "Le choix est honnête, les prix habituels.",
            "Café moyen, la salle est un peu petite.",
        ),
        "negative": (
            "Pain rassis et vendeuse désagréable.",
            "Vingt minutes d'attente et personne ne s'est excusé.",
            "Les gâteaux étaient secs et beaucoup trop chers.",
            "Tables sales et équipe débordée.",
            "Commande erronée et aucun remboursement.",
        ),
    },
    "nl": {
        "positive": (
            "Heerlijke koffie en erg vriendelijk personeel.",
            "De appeltaart is echt fantastisch.",
            "Snelle bediening, ook als het druk is.",
            "Gezellige zaak, altijd schoon.",
            "Verse broodjes voor een eerlijke prijs.",
        ),
        "neutral": (
            "Gewone koffiezaak, niets bijzonders.",
            "Het aanbod is prima, de prijzen normaal.",
            "De koffie was oké, het is er wat krap.",
        ),
        "negative": (
            "Koude koffie en een onvriendelijke medewerker.",
            "Twintig minuten gewacht en geen excuses.",
            "De taart was oud en veel te duur.",
            "Vieze tafels en een chagrijnig team.",
            "Verkeerde bestelling gekregen en geen geld terug.",
        ),
    },
    "es": {
        "positive": (
            "El pan está buenísimo y el personal es muy amable.",
            "Croissants deliciosos, recién hechos por la mañana.",
            "Atención rápida incluso cuando hay mucha gente.",
            "La mejor panadería del barrio, siempre limpia.",
            "Buenos dulces a un precio justo.",
        ),
        "neutral": (
            "Panadería normal, nada especial.",
            "La oferta está bien, los precios son los habituales.",
            "El café estaba correcto, el local es algo pequeño.",
        ),
        "negative": (
            "Pan duro y una dependienta antipática.",
            "Esperamos veinte minutos y nadie se disculpó.",
            "Los pasteles estaban secos y eran carísimos.",
            "Mesas sucias y un equipo desbordado.",
            "Pedido equivocado y no nos devolvieron el dinero.",
        ),
    },
    "it": {
        "positive": (
            "Il pane è ottimo e il personale gentilissimo.",
            "Cornetti buonissimi, caldi la mattina.",
            "Servizio veloce anche quando c'è tanta gente.",
            "Il miglior forno del quartiere, sempre pulito.",
            "Dolci squisiti a un prezzo onesto.",
        ),
        "neutral": (
            "Un forno normale, niente di speciale.",
            "La scelta va bene, i prezzi sono nella media.",
            "Il caffè era discreto, il locale un po' piccolo.",
        ),
        "negative": (
            "Pane secco e una commessa scortese.",
            "Abbiamo aspettato venti minuti e nessuno si è scusato.",
            "Le torte erano vecchie e troppo care.",
            "Tavoli sporchi e personale stressato.",
            "Ordine sbagliato e nessun rimborso.",
        ),
    },
}
REPLIES = {
    "en": ("Thank you for telling us. We're sorry; our manager will be in touch.", "Thanks so much!"),
    "de": ("Danke für Ihre Rückmeldung. Das tut uns leid, wir melden uns bei Ihnen.", "Vielen Dank!"),
    "fr": ("Merci pour votre retour. Nous sommes désolés et allons vous recontacter.", "Merci beaucoup !"),
    "nl": ("Bedankt voor uw reactie. Het spijt ons, we nemen contact met u op.", "Hartelijk dank!"),
    "es": ("Gracias por contárnoslo. Lo sentimos, le llamaremos.", "¡Muchas gracias!"),
    "it": ("Grazie per la segnalazione. Ci dispiace, la ricontatteremo.", "Grazie mille!"),
}


def review_text(rng: random.Random, language: str, label: str) -> str:
    """A review of ``label`` written in ``language``."""
    if language == "en":
        return compose_review(rng, label)
    bank = BANKS[language][label]
    first, second = rng.sample(bank, 2)
    return f"{first} {second}"


def reply_text(language: str, negative: bool) -> str:
    return REPLIES[language][0 if negative else 1]
