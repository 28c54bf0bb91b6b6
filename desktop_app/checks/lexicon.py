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

# "Today" in a birthday note: wrong when the birthday is still days away.
TODAY_WORDS = ("today", "today's", "heute", "heutigen", "aujourd'hui", "hoy")

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
    r"\b(?:vous avez|tu as|vous aurez|tu auras|vous fetez|tu fetes)\s+(?:maintenant\s+|desormais\s+|deja\s+)?(\d{1,3})\s+ans\b",
    r"\b(?:cumples|cumple|cumplirás|cumplir)\s+(\d{1,3})\b",
    r"\b(?:tus|sus)\s+(\d{1,3})\s+(?:años|anos)\b",
    r"\b(\d{1,3})\s+(?:años|anos)\s+hoy\b",
    r"\b(?:tienes|tiene|cumples|cumple)\s+(?:ya\s+)?(\d{1,3})\s+(?:años|anos)\b",
    r"\b(?:du bist|sie sind|bist du|sind sie)\s+(?:jetzt\s+|nun\s+|schon\s+)?(\d{1,3})(?!\s*(?:%|prozent|tage|wochen|minuten))\b",
    r"\byou(?:'re| are)\s+(?:now\s+|finally\s+|officially\s+)?(\d{2,3})\b(?!\s*(?:%|percent|days?|weeks?|months?|minutes?|hours?|of|points|stamps))",
    r"\b(\d{1,3})\s*(?:º|°|o)?\s+(?:cumpleaños|cumpleanos)",
    r"\b(?:felices|feliz)\s+(\d{1,3})\b(?!\s*(?:%|euros?|dias))", r"\bhappy\s+(\d{1,3})(?:st|nd|rd|th)?\s*!",
    r"\bjoyeux\s+(\d{1,3})\s+ans\b", r"\bzum\s+(\d{1,3})\.(?!\d)",
    r"\bhappy\s+(\d{1,3})(?:st|nd|rd|th)\b",
)
AGE_WORDS = {
    "eighteenth": 18, "twenty-first": 21, "thirtieth": 30, "fortieth": 40, "fiftieth": 50,
    "sixtieth": 60, "seventieth": 70, "eightieth": 80, "ninetieth": 90, "hundredth": 100,
}

# Offers and discounts: these make a note marketing, whatever the occasion.
_PERCENT = r"\d+(?:[.,]\d+)?\s?(?:%|percent|per cent|prozent|pour ?cent|por ?ciento)"
OFFER_WORDS = (
    # A percentage is an offer only as a reduction: "100% organic" and "70% cocoa" are not.
    rf"{_PERCENT}\s+(?:off|discount|reduction|rabatt|nachlass|auf (?:alles|ihren|deinen|den|die|das)"
    rf"|de (?:reduction|remise|descuento|rebaja)|sur (?:tout|votre|ton|la|le|les)|dto|descuento)",
    rf"-\s?{_PERCENT}", rf"(?:save|spare|sparen sie|sparst du|economisez|ahorra|ahorre) {_PERCENT}",
    "discount", "discounts", "voucher", "coupon", "promo code", "discount code", "off your next",
    "free gift", "for free",
    r"(?:a|one|your|the) free (?!moment|minute|afternoon|morning|evening|day|weekend|hour|time|spot"
    r"|seat|parking|table|wifi|wi-fi|hands?)[a-z]+",
    r"(?:is|are|it's|'s) on us", "free delivery", "free shipping", "on the house", "on sale",
    "big sale", "special offer", "this offer", "our offer", "exclusive offer", "offer ends",
    "rabatt", "rabattcode", "gutschein", "gutscheincode", "sonderangebot", "im angebot",
    "angebot gilt", "gratis", "kostenlos", "versandkostenfrei", "aktionspreis", "geht auf uns",
    "aufs haus",
    "réduction", r"(?:une|votre|ta) remise", r"remise de \d+", "code promo", "bon d'achat", "bon de réduction", "offert", "offerte", "gratuit",
    "gratuite", "en promotion", "promotion spéciale", "soldes", "c'est offert",
    "descuento", "cupón", "código de descuento", "código promocional", "en oferta",
    "oferta especial", "de regalo", "invita la casa", "corre de nuestra cuenta",
    r"(?:two|2) for (?:one|1)", "buy one get one", "bogo", "half price", "half-price",
    r"(?:zwei|2) für (?:eins|1)", "halber preis", "zum halben preis", r"(?:deux|2) pour (?:un|1)",
    "moitié prix", "à moitié prix", r"(?:dos|2) por (?:uno|1)", "2x1", "mitad de precio",
    "rebaja", "rebajas", "promoción",
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
    # Whole words only: a fragment may not start inside a word ("n't" would never match).
    r"(?:no longer|not|don't|doesn't|do not|won't) (?:want|wish|like) (?:to )?(?:get|receive|hear)",
    "prefer not to hear", r"(?:we )?won't (?:write|e-?mail|contact you|bother you)(?: \w+)? again",
    r"(?:schreiben|melden) wir (?:uns )?(?:ihnen|dir|euch)? ?nicht (?:mehr|wieder)",
    r"nous ne vous (?:ecrirons|enverrons) plus", r"on ne t'ecrira plus",
    r"(?:que )?no te (?:escribamos|enviemos|mandemos)", r"(?:dejamos|dejaremos) de escribir(?:te|le)",
    r"keine (?:weiteren )?[\w-]+(?: [\w-]+){0,3} (?:wünschen|wünscht|erhalten|möchten|möchtest)",
    r"nicht mehr (?:erhalten|bekommen|hören)",
    r"ne (?:veux|voulez|souhaites|souhaitez|desires|desirez) plus", r"ne plus (?:\w+ )?recevoir",
    r"no (?:quieres|quiere|deseas|desea|desean|quieren) recibir",
    r"ya no (?:quieres|quiere|deseas|desea)",
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
# A complaint line with one of these was dealt with, or is old news.
RESOLVED_NOTE_WORDS = (
    "resolved", "sorted out", "all good now", "happy again", "apologised", "apologized",
    "made it right", "made good", "erledigt", "geklärt", "gelöst", "entschuldigt",
    "résolu", "réglé", "excuses présentées", "resuelto", "solucionado", "nos disculpamos",
    "last year", r"last (?:spring|summer|autumn|fall|winter)", "years ago", "letztes jahr",
    "letzten (?:frühling|sommer|herbst|winter)", "vor jahren", "l'an dernier", "l'année dernière",
    "il y a des années", "el año pasado", "hace años",
)

# Notes: the customer told the shop in person not to e-mail them.
NO_EMAIL_NOTE_WORDS = (
    r"(?:asked|told) (?:us )?not to (?:e-?mail|write|contact)", r"(?:don't|do not|never) e-?mail",
    r"no (?:more )?e-?mails?(?: please| any ?more)", r"stop (?:e-?mailing|writing to)",
    r"unsubscribe (?:me|her|him|them)", r"wants? no (?:more )?e-?mails?",
    r"keine (?:e-)?mails? mehr", r"möchte keine (?:e-)?mails?", r"nicht (?:mehr )?(?:per )?(?:e-)?mail (?:anschreiben|kontaktieren)",
    r"plus d'e-?mails?", r"ne (?:veut|souhaite) (?:plus|pas) (?:recevoir )?(?:d')?e-?mails?",
    r"ne plus (?:lui|leur) (?:envoyer|ecrire)",
    r"no (?:quiere|desea) (?:recibir )?(?:mas )?correos", r"no (?:enviar|mandar)(?:le|les)? (?:mas )?correos",
)

# Notes: a loss or illness that should make the owner read before sending anything cheerful.
SENSITIVE_NOTE_WORDS = (
    "passed away", "died", "death", "funeral", "bereavement", "bereaved", "widowed", "mourning",
    "in hospital", "hospitalised", "hospitalized", "cancer", "chemo", "miscarriage",
    "verstorben", "gestorben", "beerdigung", "trauerfall", "trauer", "im krankenhaus",
    "verwitwet", "décédé", "décédée", "décès", "funérailles", "deuil", "à l'hôpital", "veuve",
    "veuf", "falleció", "fallecido", "fallecida", "murió", "funeral", "luto", "en el hospital",
    "viuda", "viudo", "divorced", "divorce", "separated", "lost her job", "lost his job",
    "geschieden", "scheidung", "getrennt", "divorcé", "divorcée", "divorce", "séparés",
    "divorciado", "divorciada", "divorcio", "separados",
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

# Common short forms that do not start like the full name (prefixes like Alex/Alexandra already
# match). Folded: nickname → full first names.
NICKNAMES = {
    "tom": ("thomas",), "bob": ("robert",), "bobby": ("robert",), "bill": ("william",),
    "billy": ("william",), "liz": ("elizabeth",), "lizzie": ("elizabeth",),
    "beth": ("elizabeth", "bethany"), "betty": ("elizabeth",), "kate": ("katherine", "catherine", "kathryn"),
    "katie": ("katherine", "catherine", "kathryn"), "jim": ("james",), "jimmy": ("james",),
    "mike": ("michael",), "dave": ("david",), "matt": ("matthew",), "nick": ("nicholas",),
    "steve": ("steven", "stephen"), "tony": ("anthony", "antonio"), "joe": ("joseph", "josef"),
    "jenny": ("jennifer",), "jen": ("jennifer",), "maggie": ("margaret",), "peggy": ("margaret",),
    "meg": ("margaret",), "sue": ("susan", "suzanne"), "becky": ("rebecca",), "andy": ("andrew", "andreas"),
    "rob": ("robert",), "bert": ("robert", "albert", "herbert"), "will": ("william",), "ted": ("edward",),
    "ed": ("edward", "edmund"), "ned": ("edward",), "pat": ("patricia", "patrick"), "dick": ("richard",),
    "rick": ("richard",), "chuck": ("charles",), "charlie": ("charles", "charlotte"),
    "harry": ("henry", "harold"), "jack": ("john",), "johnny": ("john",), "molly": ("mary",),
    "polly": ("mary",), "sally": ("sarah",), "sandy": ("sandra", "alexander", "alexandra"),
    "hans": ("johannes",), "sepp": ("josef",), "flo": ("florian", "florence"),
    "basti": ("sebastian",), "uli": ("ulrich", "ulrike"), "gabi": ("gabriele", "gabriela"),
    "kathi": ("katharina",), "resi": ("theresa", "therese"), "lisa": ("elisabeth", "elizabeth"),
    "manu": ("emmanuel", "manuel", "manuela"), "fred": ("frederic", "frederick", "alfred"),
    "cathy": ("catherine",), "isa": ("isabelle", "isabel"), "babette": ("elisabeth",),
    "pepe": ("jose",), "paco": ("francisco",), "pancho": ("francisco",), "manolo": ("manuel",),
    "lola": ("dolores",), "pili": ("pilar",), "quique": ("enrique",), "nacho": ("ignacio",),
    "charo": ("rosario",), "conchi": ("concepcion",), "lupe": ("guadalupe",), "chema": ("jose maria",),
}
