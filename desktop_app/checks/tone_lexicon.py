"""Tone phrase lists (pressure, spam, guilt, sarcasm, tracking, age jokes) in en, de, fr and es.

VADER scores English sentiment; these lists cover what it cannot see (other languages, and
phrases that are pushy or creepy while sounding positive). Lower-case regex fragments, matched on
folded text with word boundaries.
"""

from __future__ import annotations

PRESSURE = (
    "act now", "act fast", "hurry", "hurry up", "last chance", "final chance", "limited time",
    "limited time only", "today only", "only today", "ends tonight", "ends at midnight",
    r"ends in \d+ (?:hours?|minutes?|days?)", r"expires? in \d+ (?:hours?|minutes?)",
    r"expires? (?:tonight|at midnight|today)", r"only \d+ hours? left", "don't miss out",
    "do not miss out", "before it's too late", "now or never", "buy now", "order now",
    "while you still can", "don't wait", "time is running out", "running out of time",
    r"(?:disappears?|vanish(?:es)?|expires?|ends?|goes|go) (?:at midnight|tonight|tomorrow)",
    r"before (?:it's|it is|they're|they are) gone", "can't bring it back", "gone for good",
    "jetzt zugreifen", "schnell zugreifen", "nur heute", "nur noch heute", "letzte chance",
    "beeilen sie sich", "beeil dich", "schnell sein", r"läuft in \d+ stunden ab",
    r"nur noch \d+ stunden", "verpassen sie nicht", "nicht verpassen", "jetzt oder nie",
    "jetzt kaufen", "jetzt bestellen", "bevor es zu spät ist", "die zeit läuft",
    r"(?:verfällt|verfallen|endet|enden|läuft ab) (?:morgen|heute|um mitternacht)",
    r"sonst (?:ist|sind) (?:es|sie|er) weg", "unwiderruflich", "sofort einlösen",
    "dépêchez-vous", "dépêche-toi", "dernière chance", "aujourd'hui seulement",
    "seulement aujourd'hui", "offre limitée", "durée limitée", r"expire dans \d+ heures?",
    "ne ratez pas", "ne manquez pas", "ne rate pas", r"plus que \d+ heures?",
    "achetez maintenant", "commandez maintenant", "maintenant ou jamais", "avant qu'il ne soit trop tard",
    "le temps presse", r"(?:disparait|disparaissent|expire|expirent) (?:a minuit|ce soir|demain)",
    r"avant qu'(?:il|elle|ils|elles) ne (?:disparaisse|disparaissent)",
    "date prisa", "dese prisa", "dense prisa", "última oportunidad", "solo hoy", "sólo hoy",
    "por tiempo limitado", r"caduca en \d+ horas?", r"expira en \d+ horas?", "no te lo pierdas",
    "no se lo pierda", r"quedan \d+ horas", "compra ya", "compra ahora", "ahora o nunca",
    "antes de que sea tarde", "el tiempo se acaba",
    r"(?:caduca|caducan|desaparece|desaparecen|expira|expiran) (?:a medianoche|esta noche|mañana)",
    "antes de que se agoten", "antes de que desaparezca",
)

SPAM = (
    "100% free", "risk-free", "risk free", "click here", "click below", "you're a winner",
    "you are a winner", "you have been selected", "you've been selected", "you have won",
    "you've won", "cash bonus", "guaranteed", "no obligation", "once in a lifetime",
    r"\$\$\$", "best price", "lowest price", "amazing deal", "incredible deal", "free money",
    "act immediately", "urgent", "exclusive deal just for you", "miracle", "no catch",
    "congratulations, you", "claim your prize", "claim your reward now",
    "hier klicken", "klicken sie hier", "100% kostenlos", "sie haben gewonnen",
    "du hast gewonnen", "garantiert", "risikofrei", "ohne risiko", "unglaubliches angebot",
    "einmalige gelegenheit", "dringend", "gewinner",
    "cliquez ici", "100% gratuit", "vous avez gagné", "tu as gagné", "sans risque", "garanti",
    "offre exceptionnelle", "offre incroyable", "urgent", "gagnant", "opportunité unique",
    "haga clic aquí", "haz clic aquí", "pulsa aquí", "has ganado", "ha ganado", "100% gratis",
    "sin riesgo", "garantizado", "oferta increíble", "urgente", "ganador", "oportunidad única",
)

GUILT = (
    "you forgot about us", "you've forgotten us", "you have forgotten us", "forgotten about us",
    "you abandoned", "you've abandoned", "we thought you cared", "don't you love us",
    "don't you like us anymore", "you've neglected", "after all we've done",
    "why haven't you", "why don't you come", "why did you stop", "you left us",
    "we're hurt", "we are hurt", "disappointed in you", "you never come", "you never visit",
    "you never buy", "we feel ignored", "you ignored", "you've been ignoring", "shame on you",
    "it's the least you could do", "hurts us", "it hurts when", r"swapped us for",
    r"(?:left|replaced|dumped|ditched) us for", "gave up on us", "given up on us",
    "sie haben uns vergessen", "du hast uns vergessen", "uns vergessen", "warum kommst du nicht",
    "warum kommen sie nicht", "wir sind enttäuscht", "enttäuscht von dir",
    "enttäuscht von ihnen", "im stich", "tut uns weh", "uns ersetzt", "schäm dich", "schämen sie sich", "du ignorierst uns",
    "vous nous avez oubliés", "tu nous as oubliés", "nous avez oubliés", "nous as oubliés",
    "pourquoi ne venez-vous plus", "pourquoi tu ne viens plus", "nous sommes déçus",
    "déçus de vous", "vous nous abandonnez", "tu nous abandonnes", "vous nous ignorez",
    "tu nous ignores", "honte à vous", "ça nous fait mal", "vous nous avez remplacés",
    "nos has olvidado", "nos ha olvidado", "nos olvidaste", "por qué ya no vienes",
    "por qué ya no viene", "estamos decepcionados", "nos abandonaste", "nos has abandonado",
    "nos ignoras", "nos ignora", "qué vergüenza", "nos duele", "nos has cambiado por",
)

SARCASM = (
    "oh great", "yeah right", "thanks for nothing", "finally decided", "it's about time you",
    "about time you", "nice of you to finally", "nice of you to show up", "not that you care",
    "as if you", "we know you're busy, but", "must be nice", "congrats, i guess",
    "na endlich", "wie nett, dass du dich", "schön, dass du dich auch mal", "danke für nichts",
    "endlich mal", "wurde auch zeit", "wird auch zeit",
    "merci pour rien", "c'est pas trop tôt", "ce n'est pas trop tôt", "il était temps",
    "comme si tu", "comme si vous", "quelle surprise de",
    "gracias por nada", "ya era hora", "por fin te dignas", "por fin se digna",
    "qué sorpresa verte", "look who remembered", "look who's back", "look who finally",
    "given up on you", "gave up on you", "remembered we exist", "schau mal, wer", "sieh an, wer",
    "tiens, qui revoilà", "mira quién", "nos habíamos olvidado de ti",
)

# Insults and harsh words VADER would miss outside English (English goes through VADER too).
NEGATIVE = (
    "stupid", "idiot", "lazy", "pathetic", "useless", "cheapskate", "stingy", "loser",
    "dumm", "blöd", "faul", "erbärmlich", "nutzlos", "geizig", "geizhals", "versager", "nervig",
    "stupide", "idiot", "paresseux", "paresseuse", "pathétique", "inutile", "radin", "radine",
    "pingre", "nul", "minable",
    "estúpido", "estúpida", "idiota", "vago", "vaga", "patético", "patética", "inútil", "tacaño",
    "tacaña", "perdedor", "pesado",
)

AGE_JOKES = (
    "over the hill", "getting old", "getting older", "old age", "another wrinkle",
    "wrinkles", "grey hairs", "gray hairs", "one foot in the grave", "senior moment",
    "alt werden", "älter werden", "alter sack", "alte schachtel", "graue haare",
    "nicht mehr der jüngste", "nicht mehr die jüngste",
    "coup de vieux", "vieillir", "vieillis", "vieux croûton", "cheveux blancs",
    "plus tout jeune", "plus toute jeune",
    "más viejo", "más vieja", "viejito", "viejita", "arrugas", "canas", "ya no eres joven",
    "te haces mayor", "hacerse viejo",
)

CREEPY = (
    r"we(?:'ve)? (?:saw|seen|noticed) (?:that )?you (?:were |have been |'ve been )?"
    r"(?:looking|browsing|checking out|eyeing|viewing|visiting our|opened|clicked)",
    "we noticed you were", "we noticed you looking",
    "we noticed you browsing", "we noticed that you looked", "we've been watching",
    "we are watching", "we're watching", "we tracked", "we've tracked", "your browsing",
    "you looked at", "you were looking at", "you viewed", "you browsed", "you were browsing",
    "based on your location", "we know where you", "you left .{0,40}in your (?:cart|basket)",
    "we noticed you opened", "you opened our", "we can see that you",
    r"(?:our|the) (?:records|analytics|data|stats|tracking) (?:show|shows|tell|tells|say|says)",
    r"according to our (?:records|analytics|data|tracking)", r"you visited (?:the|our) (?:page|site|website|product page)",
    r"you (?:clicked|opened) (?:on )?(?:our|the|this) (?:link|e-?mail|newsletter)",
    "wir haben gesehen, dass", "wir haben bemerkt, dass sie sich", "wir haben bemerkt, dass du dir",
    "sie haben sich .{0,40}angesehen", "du hast dir .{0,40}angesehen", "wir beobachten",
    "ihr surfverhalten", "dein surfverhalten", "in ihrem warenkorb", "in deinem warenkorb",
    "wir wissen, wo", "wir sehen, dass", r"laut unseren (?:daten|aufzeichnungen|statistiken)",
    r"unsere daten zeigen",
    "nous avons vu que vous", "nous avons vu que tu", "on a vu que tu",
    "nous avons remarqué que vous regardiez", "vous avez regardé", "tu as regardé",
    "vous avez consulté", "tu as consulté", "votre navigation", "ta navigation",
    "dans votre panier", "dans ton panier", "nous savons où", "nous vous observons",
    r"selon nos (?:donnees|statistiques|registres)", r"nos (?:donnees|statistiques) montrent",
    "vimos que estabas mirando", "vimos que estuviste", "hemos visto que", "estuviste mirando",
    "has estado mirando", "tu navegación", "su navegación", "en tu carrito", "en su carrito",
    "sabemos dónde", "te estamos observando", "te vimos mirando",
    r"según nuestros (?:datos|registros)", r"nuestros (?:datos|registros) (?:muestran|indican)",
)
