"""Tone phrase lists (pressure, spam, guilt, sarcasm, tracking, age jokes) in en, de, fr and es.

VADER scores English sentiment; these lists cover what it cannot see (other languages, and
phrases that are pushy or creepy while sounding positive). Lower-case regex fragments, matched on
folded text with word boundaries.
"""

from __future__ import annotations

PRESSURE = (
    "act now", "act fast", r"(?<!no )(?<!no need to )hurry", "last chance", "final chance", "limited time",
    "limited time only", "today only", "only today", "ends tonight", "ends at midnight",
    r"ends in \d+ (?:hours?|minutes?|days?)", r"expires? in \d+ (?:hours?|minutes?)",
    r"expires? (?:tonight|at midnight|today)", r"only \d+ hours? left", "don't miss out",
    "do not miss out", "before it's too late", "now or never", "buy now", "order now",
    "while you still can", "don't wait", "time is running out", "running out of time",
    r"(?:disappears?|vanish(?:es)?|expires?|ends?|goes|go) (?:at midnight|tonight|tomorrow)",
    # Not "before it's gone again": in a back-in-stock note that is simply true.
    r"(?:grab|get|buy|order|claim) (?:it|them|yours|one) (?:now |fast |quick |quickly )?before (?:it's|it is|they're|they are) gone",
    r"(?:will be|get|are) (?:deleted|lost|cancelled|canceled|removed|wiped) unless",
    r"unless you (?:visit|buy|order|come|shop|act|respond)", r"(?:only )?valid (?:until|till) (?:tonight|midnight|today)",
    r"(?:lose|losing) (?:your|all your) (?:points|stamps|reward|voucher)",
    r"don't leave it (?:too )?late", "before it's too late", r"don't (?:delay|hesitate too long)",
    r"(?:ends?|expires?|runs out|vanish(?:es)?) (?:on )?(?:this )?(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)", "can't bring it back", "gone for good",
    "jetzt zugreifen", "schnell zugreifen", "nur heute", "nur noch heute", "letzte chance",
    "beeilen sie sich", "beeil dich", "schnell sein", r"läuft in \d+ stunden ab",
    r"nur noch \d+ stunden", "verpassen sie nicht", "nicht verpassen", "jetzt oder nie",
    "jetzt kaufen", "jetzt bestellen", "bevor es zu spät ist", "die zeit läuft",
    r"(?:verfällt|verfallen|endet|enden|läuft ab) (?:morgen|heute|um mitternacht)",
    r"sonst (?:ist|sind) (?:es|sie|er) weg", r"(?:gilt|gelten) nur (?:noch )?bis (?:heute|morgen|mitternacht)",
    r"(?:gelöscht|verfallen|verloren), wenn (?:sie|du) nicht",
    r"(?:warten sie|wartet|warte) nicht (?:zu )?lange", "nicht zu lange warten", "danach ist es zu spät",
    r"(?:endet|verfällt|verfallen|läuft) (?:am )?(?:montag|dienstag|mittwoch|donnerstag|freitag|samstag|sonntag)", "unwiderruflich", "sofort einlösen",
    "dépêchez-vous", "dépêche-toi", "dernière chance", "aujourd'hui seulement",
    "seulement aujourd'hui", "offre limitée", "durée limitée", r"expire dans \d+ heures?",
    "ne ratez pas", r"ne manquez pas (?:cette|notre|nos|l'offre|ca)", "ne rate pas", r"plus que \d+ heures?",
    "achetez maintenant", "commandez maintenant", "maintenant ou jamais", "avant qu'il ne soit trop tard",
    "le temps presse", r"(?:disparait|disparaissent|expire|expirent) (?:a minuit|ce soir|demain)",
    r"avant qu'(?:il|elle|ils|elles) ne (?:disparaisse|disparaissent)",
    r"valables? (?:seulement |uniquement )?jusqu'(?:a|à) (?:ce soir|minuit|demain)",
    r"seront (?:supprimes|perdus|annules) si",
    "ne tardez pas", "ne tarde pas", r"(?:apres|ensuite),? il sera trop tard", "il sera trop tard",
    r"(?:disparait|disparaissent|expire|expirent|se termine) (?:lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche)",
    "date prisa", "dese prisa", "dense prisa", "última oportunidad", "solo hoy", "sólo hoy",
    "por tiempo limitado", r"caduca en \d+ horas?", r"expira en \d+ horas?", "no te lo pierdas",
    "no se lo pierda", r"quedan \d+ horas", "compra ya", "compra ahora", "ahora o nunca",
    "antes de que sea tarde", "el tiempo se acaba",
    r"(?:caduca|caducan|desaparece|desaparecen|expira|expiran) (?:a medianoche|esta noche|mañana)",
    "antes de que se agoten", "antes de que desaparezca", r"corre[,!]", "que se acaban",
    r"solo (?:valen|vale|es valido|son validos) hasta (?:esta noche|hoy|manana|medianoche)",
    r"se (?:borraran|perderan|anularan) si",
    r"no (?:esperes|espere) (?:más|mucho|demasiado)", "luego será tarde", "después será tarde",
    r"(?:caduca|caducan|desaparece|desaparecen|termina|acaba) el (?:lunes|martes|miercoles|jueves|viernes|sabado|domingo)",
)

SPAM = (
    "100% free", "risk-free", "risk free", "click here", "click below", "you're a winner",
    "you are a winner", "you have been selected", "you've been selected", "you have won",
    "you've won", "cash bonus", "100% guaranteed", "money-back guarantee", "no obligation",
    "once in a lifetime", r"\$\$\$", "best price", "lowest price", "amazing deal",
    "incredible deal", "free money", "act immediately", r"urgent[:!]",
    "exclusive deal just for you", "no catch",
    "congratulations, you", "claim your prize", "claim your reward now",
    r"you(?:'ve| have) been (?:chosen|picked)", "no strings attached", "unbeatable", "vip offer",
    "exclusive offer",
    "hier klicken", "klicken sie hier", "100% kostenlos", "sie haben gewonnen",
    "du hast gewonnen", "garantiert gewinnen", "risikofrei", "ohne risiko",
    "unglaubliches angebot", "einmalige gelegenheit", r"dringend[:!]", "gewinner", "unschlagbar", "exklusives angebot",
    r"sie wurden ausgewählt", r"du wurdest ausgewählt",
    "cliquez ici", "100% gratuit", r"vous avez ete (?:selectionne|choisi)e?s?", "imbattable",
    "offre exclusive", "vous avez gagné", "tu as gagné", "sans risque",
    "offre exceptionnelle", "offre incroyable", "gagnant", "opportunité unique",
    "haga clic aquí", "haz clic aquí", r"has sido (?:seleccionad|elegid)[oa]", "inmejorable",
    "oferta exclusiva", "pulsa aquí", "has ganado", "ha ganado", "100% gratis",
    "sin riesgo", "oferta increíble", r"urgente[:!]", "ganador", "oportunidad única",
)

GUILT = (
    "you forgot about us", "you've forgotten us", "you have forgotten us", "forgotten about us",
    "you abandoned", "you've abandoned", "we thought you cared", "don't you love us",
    "don't you like us anymore", "you've neglected", "after all we've done",
    "why haven't you", "why don't you come", "why did you stop", "you left us",
    "we're hurt", "we are hurt", "disappointed in you", "you never come", "you never visit",
    "you never buy", "we feel ignored", "you ignored", "you've been ignoring", "shame on you",
    "it's the least you could do",
    r"you (?:never|don't|no longer|hardly ever) (?:come|visit|stop by|drop by|shop)(?: here| with us| in)? any ?more", r"you haven't (?:bought|ordered|spent|shopped)", "hurts us", "it hurts when", r"swapped us for",
    r"(?:left|replaced|dumped|ditched) us for", "gave up on us", "given up on us",
    "sie haben uns vergessen", "du hast uns vergessen", "uns vergessen", "warum kommst du nicht",
    "warum kommen sie nicht", "wir sind enttäuscht", "enttäuscht von dir",
    "enttäuscht von ihnen", "im stich",
    r"(?:sie kommen|du kommst) (?:gar )?nicht mehr", r"(?:sie kommen|du kommst) nie mehr", r"nichts mehr (?:bei uns )?(?:gekauft|bestellt)", "tut uns weh", "uns ersetzt", "schäm dich", "schämen sie sich", "du ignorierst uns",
    "vous nous avez oubliés", "tu nous as oubliés", "nous avez oubliés", "nous as oubliés",
    "pourquoi ne venez-vous plus", "pourquoi tu ne viens plus", "nous sommes déçus",
    "déçus de vous", "vous nous abandonnez", "tu nous abandonnes", "vous nous ignorez",
    "tu nous ignores", "honte à vous",
    r"(?:vous ne venez|tu ne viens) plus(?: jamais)?", "ça fait de la peine", "cela nous peine", r"(?:vous n'avez|tu n'as) rien (?:achete|commande)", "ça nous fait mal", "vous nous avez remplacés",
    "nos has olvidado", "nos ha olvidado", "nos olvidaste", "por qué ya no vienes",
    "por qué ya no viene", "estamos decepcionados", "nos abandonaste", "nos has abandonado",
    "nos ignoras", "nos ignora", "qué vergüenza",
    r"ya no (?:vienes|viene|vienen)", r"no (?:vienes|viene) nunca", "nos da pena", r"no (?:has|ha) comprado nada", "ya no compras", "nos duele", "nos has cambiado por",
)

SARCASM = (
    "oh great", "yeah right", "thanks for nothing", "finally decided", "it's about time you",
    "about time you", "nice of you to finally", "nice of you to show up", "not that you care",
    "we know you're busy, but", "must be nice", "congrats, i guess",
    # Not "na endlich" or "endlich mal": "Endlich mal wieder Sonne!" is glad, not sarcastic.
    r"na endlich, (?:du|sie|wir dachten)", r"wie nett, dass (?:du dich|sie sich)",
    r"schön, dass (?:du dich|sie sich) auch mal", "danke für nichts", "wurde auch zeit",
    r"wird auch zeit, dass",
    "merci pour rien", "c'est pas trop tôt", "ce n'est pas trop tôt",
    r"il était temps que (?:vous|tu)", "quelle surprise de",
    "gracias por nada", r"ya era hora de que (?:vuelvas|volvieras|vengas|vinieras|aparezcas|alguien)",
    "por fin te dignas", "por fin se digna",
    "qué sorpresa verte", "look who remembered", "look who's back", "look who finally",
    "given up on you", "gave up on you", "remembered we exist", "schau mal, wer", "sieh an, wer",
    "tiens, qui revoilà", "mira quién", "nos habíamos olvidado de ti",
)

# Insults and harsh words VADER would miss outside English (English goes through VADER too).
NEGATIVE = (
    "stupid", "idiot", "pathetic", "useless", "cheapskate", "stingy", "loser",
    "dumm", "blöd", "erbärmlich", "nutzlos", "geizig", "geizhals", "versager", "nervig",
    "stupide", "idiot", "pathétique", "radin", "radine", "pingre", "minable", "vexant", "vexante", "vous exagerez", "tu exageres",
    "c'est honteux",
    "estúpido", "estúpida", "idiota", "patético", "patética", "tacaño", "tacaña", "perdedor", "exageras", "exagera usted", "qué poca vergüenza",
    "unverschämt", "frechheit",
)

AGE_JOKES = (
    "over the hill", "getting old", "getting older", "old age", "another wrinkle",
    "wrinkles", "grey hairs", "gray hairs", "one foot in the grave", "senior moment",
    "alt werden", "älter werden", "alter sack", "alte schachtel", "graue haare",
    "nicht mehr der jüngste", "nicht mehr die jüngste",
    "coup de vieux", "vieux croûton", "cheveux blancs",
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
    r"we saw you (?:go(?:ing)? |walk(?:ing)? |shop(?:ping)? |pop(?:ping)? )?(?:in ?to|at|in) the (?:other|new|competitor)",
    r"(?:haben|sahen) (?:sie|dich) (?:\w+ )?(?:bei|in) der konkurrenz",
    r"nous vous avons vu(?:e)? (?:entrer|chez|dans) ", r"on t'a vu(?:e)? (?:entrer|chez|dans) ",
    r"te vimos (?:entrar|en|comprando)", r"le vimos (?:entrar|en|comprando)",
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

# Harsh words in German, French and Spanish (VADER covers English). A sentence that pairs one of
# them with "you" reads as blame: "fue un desastre por tu culpa".
HARSH = (
    # Not "schrecklich", "furchtbar", "peinlich": German uses them as intensifiers ("schrecklich
    # nett"); not "schlecht" or "horrible": they describe the weather as often as a person.
    "katastrophe", "katastrophal", "desaster", "schuld", "ärgerlich", "enttäuschend", "lächerlich",
    "blamabel", "catastrophe", "catastrophique", "désastre", "désastreux", "affreux", "ridicule",
    "faute", "honteux", "décevant", "lamentable", "insupportable",
    "desastre", "desastroso", "culpa", "ridículo", "vergonzoso", "pésimo", "decepcionante",
    "penoso", "insoportable",
)
# "Ce n'est pas de votre faute" is kind: a negation in the sentence lifts the blame.
NEGATIONS = ("nicht", "kein", "keine", "keinen", "ne", "n'", "pas", "jamais", "no", "nunca", "ni")
SECOND_PERSON = (
    "du", "dich", "dir", "dein", "deine", "deinen", "deiner", "sie", "ihnen", "ihr", "ihre", "ihren",
    "tu", "toi", "te", "ton", "ta", "tes", "vous", "votre", "vos",
    "tú", "tu", "ti", "te", "tus", "usted", "su", "sus",
)
