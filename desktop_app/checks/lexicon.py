"""Phrase lists for greetings, facts and consent in English, German, French and Spanish.

Entries are lower-case regex fragments matched on folded (accent-free) text with word
boundaries, so "cumpleaños" is written "cumpleanos" or with its accent: both fold the same.
"""

from __future__ import annotations

GREETING_OPENERS = (
    # en
    "hi", "hello", "hey", "dear", "my dear", "good morning", "good afternoon", "good evening",
    "greetings", "happy birthday", "happy belated birthday", "happy anniversary",
    "congratulations", "congrats", "welcome back",
    # de
    "hallo", "liebe", "lieber", "liebes", "liebe/r", "sehr geehrte", "sehr geehrter",
    "guten tag", "guten morgen", "moin", "servus", "grüß gott", "grüezi",
    "alles gute zum geburtstag", "alles liebe zum geburtstag", "alles gute", "alles liebe",
    "herzlichen glückwunsch zum geburtstag", "herzlichen glückwunsch",
    "nachträglich alles gute zum geburtstag", "willkommen zurück",
    # fr
    "bonjour", "bonsoir", "salut", "coucou", "cher", "chère", "joyeux anniversaire",
    "bon anniversaire", "félicitations", "bienvenue",
    # es
    "hola", "querida", "querido", "queridos", "estimada", "estimado", "buenos días",
    "buenas tardes", "buenas", "feliz cumpleaños", "muchas felicidades", "felicidades",
    "enhorabuena", "bienvenida", "bienvenido",
)

# Greetings that cannot stand without a name ("Dear," is a broken template; "Hello!" is not).
NAME_OPENERS = (
    "dear", "my dear", "liebe", "lieber", "liebes", "liebe/r", "sehr geehrte", "sehr geehrter",
    "cher", "chère", "querida", "querido", "estimada", "estimado",
)

HONORIFICS = (
    "mr", "mrs", "ms", "miss", "mx", "dr", "prof", "frau", "herr", "fräulein", "madame",
    "monsieur", "mme", "mlle", "m", "señora", "señor", "señorita", "sra", "sr", "srta", "don",
    "doña",
)

# Lower-case words that may sit between the greeting and the name ("Hallo liebe Anna").
GREETING_FILLERS = (
    "my", "dear", "liebe", "lieber", "liebes", "mein", "meine", "ma", "mon", "chère", "cher",
    "mi", "querida", "querido", "und", "and", "et", "y",
)

GENERIC_ADDRESSES = (
    "customer", "valued customer", "dear customer", "client", "valued client", "friend",
    "friends", "there", "all", "everyone", "everybody", "folks", "sir or madam", "sir/madam",
    "shopper", "member", "subscriber", "kunde", "kundin", "kunden", "liebe kundin",
    "lieber kunde", "zusammen", "alle", "damen und herren", "kundschaft", "client", "cliente",
    "chère cliente", "cher client", "clients", "tout le monde", "madame, monsieur",
    "madame/monsieur", "ami", "amie", "clienta", "clientes", "amigo", "amiga", "todos",
    "a todos",
)

# Words that acknowledge lateness in a birthday note.
BELATED_WORDS = (
    "belated", "late", "a little late", "bit late", "missed", "slipped past", "slipped by",
    "last week", "the other day", "recently", "a few days ago",
    "nachträglich", "nachträglichen", "nachträgliche", "verspätet", "verspätete",
    "verspäteten", "etwas spät", "zu spät", "letzte woche", "vor ein paar tagen",
    "en retard", "avec un peu de retard", "avec retard", "tardif", "tardive", "tardifs",
    "la semaine dernière", "il y a quelques jours", "un peu tard",
    "atrasado", "atrasada", "atrasadas", "atrasados", "con retraso", "con un poco de retraso",
    "aunque tarde", "tarde", "tardío", "tardía", "la semana pasada", "hace unos días",
)

# The age a text states: each pattern has one group, the number.
AGE_PATTERNS = (
    r"\b(\d{1,3})(?:st|nd|rd|th)\s+(?:birthday|bday|b-day)",
    r"\bturn(?:ing|s|ed)?\s+(\d{1,3})\b",
    r"\b(\d{1,3})\s+(?:years?\s+(?:old|young))",
    r"\b(\d{1,3})\.\s*(?:geburtstag|wiegenfest|lebensjahr)",
    r"\b(\d{1,3})\s+jahre\s+(?:alt|jung)",
    r"\b(?:wirst|werden|wirst du|werden sie|bist du jetzt|sind sie jetzt)\s+(\d{1,3})\b",
    r"\b(\d{1,3})(?:e|eme|ème)\s+anniversaire",
    r"\b(?:tes|vos|ses|les)\s+(\d{1,3})\s+ans\b",
    r"\b(\d{1,3})\s+ans\s+aujourd'hui",
    r"\b(?:cumples|cumple|cumplirás|cumplir)\s+(\d{1,3})\b",
    r"\b(?:tus|sus)\s+(\d{1,3})\s+(?:años|anos)\b",
    r"\b(\d{1,3})\s+(?:años|anos)\s+hoy\b",
    r"\b(\d{1,3})\s*(?:º|°|o)?\s+(?:cumpleaños|cumpleanos)",
)
AGE_WORDS = {
    "eighteenth": 18, "twenty-first": 21, "thirtieth": 30, "fortieth": 40, "fiftieth": 50,
    "sixtieth": 60, "seventieth": 70, "eightieth": 80, "ninetieth": 90, "hundredth": 100,
}

# Offers and discounts: these make a note marketing, whatever the occasion.
OFFER_WORDS = (
    r"\d+\s?%", r"\d+\s?(?:percent|prozent|pour ?cent|por ?ciento)", "discount", "discounts",
    "voucher", "coupon", "promo code", "discount code", "% off", "off your next", "free gift",
    "for free", r"(?:a|one|your|the) free [a-z]+", r"(?:is|are|it's|'s) on us", "free delivery", "free shipping", "on the house", "on sale", "big sale", "offer",
    "rabatt", "rabattcode", "gutschein", "gutscheincode", "angebot", "gratis", "kostenlos",
    "versandkostenfrei", "aktion", "geht auf uns", "aufs haus",
    "réduction", "remise", "code promo", "bon d'achat", "offert", "offerte", "gratuit",
    "gratuite", "promotion", "soldes", "offert par la maison", "c'est offert",
    "descuento", "cupón", "código de descuento", "código", "oferta", "gratis", "de regalo",
    "rebaja", "rebajas", "promoción", "invita la casa", "corre de nuestra cuenta",
)

# A line that tells the reader how to stop receiving these notes.
OPT_OUT_PHRASES = (
    "unsubscribe", "opt out", "opt-out", "no longer wish", "no longer want", "stop receiving",
    "stop these", "rather not hear", "rather not get", "don't want these", "do not want these",
    "prefer not to receive", "reply stop", "reply with stop", "we'll stop", "we will stop",
    "take you off", "remove you from", "e-mail preferences", "email preferences",
    "manage your preferences", "update your preferences",
    "abmelden", "abbestellen", "abmeldung", "austragen", "keine e-mails mehr",
    "keine mails mehr", "keine nachrichten mehr", "nicht mehr erhalten", "nicht mehr bekommen",
    "nicht mehr erhalten möchten", "lieber keine", r"keine [\w-]+ mehr",
    r"(?:tragen|melden) wir (?:sie|dich) (?:aus|ab)",
    # Fragments are folded to lower case, so write [^\w] rather than \W.
    r"(?:reply|antwort\w*|r[eé]pond\w*|respond\w*)[^\w]+(?:[\w']+[^\w]+){0,4}"
    r"(?:stop|stopp|unsubscribe|abmelden|baja)",
    "désinscrire", "désabonner", "désinscription", "désabonnement", "ne plus recevoir",
    "ne souhaitez plus", "ne souhaites plus", "plus de messages",
    "darte de baja", "darse de baja", "darle de baja", "de baja", "cancelar la suscripción",
    "no recibir más", "dejar de recibir", "ya no quieres recibir", "ya no desea recibir",
    "no quieres recibir",
)

# Wording that acknowledges a past problem (so a note to someone who complained is considerate).
APOLOGY_WORDS = (
    "sorry", "apologise", "apologize", "apologies", "make it right", "make up for",
    "your feedback", "what happened", "entschuldigen", "entschuldigung", "tut uns leid",
    "bedauern", "ihr feedback", "dein feedback", "désolé", "désolés", "excuses", "excusez",
    "navrés", "navré", "lo sentimos", "lo siento", "disculpa", "disculpas", "perdón",
    "lamentamos",
)

# Notes: a recorded complaint or bad experience.
COMPLAINT_NOTE_WORDS = (
    "complain", "complained", "complaint", "complaints", "unhappy", "upset", "angry", "annoyed",
    "refund", "refunded", "bad experience", "disappointed", "rude", "wrong order", "returned",
    "dissatisfied", "not happy", "was unhappy", "stale", "mouldy", "moldy", "food poisoning",
    "beschwerde", "beschwert", "reklamation", "reklamiert", "unzufrieden", "verärgert",
    "enttäuscht", "erstattung", "erstattet", "schlechte erfahrung", "sauer",
    "plainte", "réclamation", "mécontent", "mécontente", "déçu", "déçue", "remboursement",
    "remboursé", "mauvaise expérience", "fâché", "fâchée",
    "queja", "quejó", "reclamación", "reclamo", "descontento", "descontenta", "enfadado",
    "enfadada", "enojado", "enojada", "decepcionado", "decepcionada", "reembolso",
    "mala experiencia",
)
RESOLVED_NOTE_WORDS = (
    "resolved", "sorted out", "all good now", "happy again", "erledigt", "geklärt", "gelöst",
    "résolu", "réglé", "resuelto", "solucionado",
)

# Notes: a loss or illness that should make the owner read before sending anything cheerful.
SENSITIVE_NOTE_WORDS = (
    "passed away", "died", "death", "funeral", "bereavement", "bereaved", "widowed", "mourning",
    "in hospital", "hospitalised", "hospitalized", "cancer", "chemo", "miscarriage",
    "verstorben", "gestorben", "beerdigung", "trauerfall", "trauer", "im krankenhaus",
    "verwitwet", "décédé", "décédée", "décès", "funérailles", "deuil", "à l'hôpital", "veuve",
    "veuf", "falleció", "fallecido", "fallecida", "murió", "funeral", "luto", "en el hospital",
    "viuda", "viudo",
)

# Text that must never reach a customer: unrendered values and template-author notes.
PLACEHOLDER_WORDS = (
    "undefined", "lorem ipsum", "placeholder", "insert name", "first_name", "last_name",
    "firstname", "lastname", "customer_name",
)
# Matched case-sensitively: "todo" is Spanish for "everything", "Nan" is a grandmother.
# ("None" and "null" have their own rules: "None of our cakes…", German "null" = zero.)
PLACEHOLDER_CASED = (r"\bNaN\b", r"\bNULL\b", r"\bTODO\b", r"\bTBD\b", r"\bXXX+\b",
                     r"\bFIXME\b")
PLACEHOLDER_KEYS = (
    "name", "first", "last", "vorname", "nachname", "nom", "prénom", "nombre", "apellido",
    "customer", "kunde", "client", "cliente", "product", "produkt", "produit", "producto",
    "item", "artikel", "article", "artículo", "code", "código", "date", "datum", "fecha",
    "shop", "store", "laden", "boutique", "tienda", "amount", "betrag", "montant", "importe",
)

CODE_WORDS = (
    "code", "coupon", "coupon code", "promo code", "discount code", "voucher code", "gutschein",
    "gutscheincode", "rabattcode", "code promo", "code de réduction", "código", "cupón",
    "código de descuento",
)
CHECKOUT_WORDS = (
    "at checkout", "at the till", "in store", "online", "à la caisse", "en caisse",
    "en caja", "an der kasse", "beim bezahlen", "al pagar",
)
