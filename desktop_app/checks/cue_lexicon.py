"""Cue classes for the tone rules that combine cues (en, de, fr, es): data only, no logic.

A phrase list names one wording; a cue class names one *ingredient* of a kind of wording
("a deadline", "a push to act", "we noticed", "the customer's clicks"). The rules in
``desktop_app.checks.cues`` flag a sentence only when two ingredients meet, which catches new
wording without flagging either ingredient alone ("valid until Sunday — no rush" is kind).
Lower-case regex fragments matched on folded (accent-free) text with word boundaries; stems end
in ``\\w*``. Keep each class short and general: a fragment that only fits one example belongs in
``tone_lexicon``.
"""

from __future__ import annotations

_DAYS = (
    r"(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|weekend"
    r"|montag|dienstag|mittwoch|donnerstag|freitag|samstag|sonntag|wochenende"
    r"|lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|week-end"
    r"|lunes|martes|miercoles|jueves|viernes|sabado|domingo|fin de semana)"
)
_FEW = r"(?:\d+|one|two|three|four|five|a few|a handful of|zwei|drei|vier|fünf|ein paar|deux|trois|quatre|cinq|quelques|dos|tres|cuatro|cinco|unos pocos|unas pocas)"

# A deadline or a scarcity: half of "pressure".
LIMIT = (
    _DAYS, "tonight", "midnight", "tomorrow", r"(?:for|within|in) (?:the next )?\d+ hours",
    r"(?:stocks?|supplies|numbers|places|spaces) (?:are |is )?limited", "limited stock", "limited time",
    r"(?:begrenzt\w*|limit[eé]\w*|limitad\w*)", r"\d+ (?:stunden|heures|horas)", r"stops? working", r"expir\w*", r"runs? out",
    r"(?:only|just) " + _FEW + r" (?:\w+ )?(?:left|remaining|came in|in stock)",
    r"once (?:they're|they are|it's|it is|these are) (?:sold|gone)", r"won't (?:get|have|order) (?:any )?more",
    r"no longer (?:valid|available)", r"won't be valid",
    "heute abend", "mitternacht", "morgen", r"gilt (?:\w+ )?nur", r"nur noch", r"läuft (?:\w+ )?ab", r"verfällt",
    r"nicht mehr gültig", r"nur (?:noch )?" + _FEW + r" (?:stück|exemplare|flaschen|sträuße)",
    "ce soir", "minuit", "demain", r"ne sera plus valable", r"n'est valable que", r"plus que " + _FEW,
    r"expire\w*", r"il (?:n'en )?reste (?:plus )?que",
    "esta noche", "medianoche", r"hasta (?:manana|esta noche|el (?:lunes|martes|miercoles|jueves|viernes|sabado|domingo))", r"(?:solo|sólo) (?:vale|valen|es valido|son validos|queda|quedan)",
    r"caduca\w*", r"se (?:acaba|acaban|agota|agotan|termina)", r"quedan (?:solo )?" + _FEW,
)
# A push to act at once, or a loss if one does not: the other half of "pressure".
PUSH = (
    "quick", "quickly", "fast", r"while (?:you|stocks?|supplies) (?:still )?(?:can|last)",
    r"(?:order|buy|book|grab|claim|get|come in|pop in) (?:\w+ )?(?:today|now|tonight)", "first come,? first served",
    r"wer zuerst kommt", r"premier arriv[eé]", r"no te duermas", r"el que (?:primero|antes) llegue", r"hurry\w*", "rush", "asap", "straight away", "right away",
    "immediately", "make sure", r"(?:you'd|you had|you) better", r"don't (?:wait|delay)", "before then",
    r"or (?:it|they|you)(?:'ll| will)? (?:be )?(?:gone|lost|lose|miss)", r"or it's (?:gone|lost)",
    r"lose (?:it|them|out)", "miss out", "too late", "or else", "gone for good",
    "schnell", r"beeil\w*", "sofort", "umgehend", "unbedingt", "sonst", r"verf[aä]ll\w*", "verloren",
    r"zu spät", r"verpass\w*", r"(?:warte|warten sie) nicht", r"besser (?:schnell|gleich|sofort|bald)",
    "vite", "rapidement", r"d[eé]p[eê]ch\w*", "sans tarder", "immédiatement", "tout de suite", "sinon",
    r"perdu\w*", r"perdr\w*", "trop tard", r"ne tarde[zr]? pas", "au plus vite", r"rate[rz]", r"manque[rz]",
    "rápido", "deprisa", "date prisa", "corre", "cuanto antes", "ya mismo", "enseguida",
    r"no lo (?:dejes|deje) para", r"no (?:esperes|espere)", r"te quedar[aá]s sin", r"perder[aá]s",
    r"se perder[aá]", "demasiado tarde",
)
# Words that take the pressure off a deadline in the same sentence.
CALM = (
    "no rush", "no hurry", "take your time", "whenever", "no pressure", "plenty of time",
    "keine eile", "ganz in ruhe", "lass dir zeit", "lassen sie sich zeit", "wann (?:es )?(?:dir|ihnen) passt",
    "pas d'urgence", "rien ne presse", "prenez (?:tout )?votre temps", "prends (?:tout )?ton temps",
    "quand (?:vous voulez|tu veux)", "sin prisa", "con calma", "cuando (?:quieras|quiera)",
    "tómate tu tiempo",
)

# It has been long since the customer came: the setting of guilt and sarcasm.
ABSENCE = (
    r"(?:haven't|have not|hasn't|didn't) (?:seen|heard from) you", r"since (?:we last saw you|your last|you last)",
    r"it's been (?:ages|months|weeks|a while|so long|forever|a year)", "without (?:you|a single visit)",
    r"(?:stopped|stop) (?:coming|visiting|shopping)", r"no longer (?:come|visit|shop)", "after all this time",
    r"a whole (?:year|month|season)",
    r"seit (?:monaten|wochen|langem|ewigkeiten|einer ewigkeit)", r"nicht mehr (?:bei uns|vorbei|gesehen|da)",
    "lange nicht", "ohne dich", "nach so langer zeit", r"doch noch", "endlich",
    r"(?:cela|ca) fait (?:\w+ ){0,2}(?:mois|semaines|longtemps|une eternite)", r"n'(?:etes|es) (?:pas|plus) (?:venue?s?|passee?s?)",
    "sans vous", "sans toi", r"ne (?:venez|viens) plus", "après tout ce temps", "enfin",
    r"hace (?:\w+ )?(?:meses|semanas|mucho|tiempo|siglos)", r"no (?:pasas|pasa|vienes|viene)", "sin ti",
    r"ya no (?:te|le) (?:vemos|vimos)", "después de tanto tiempo", "por fin",
)
# Hurt, blame of oneself, or rivals: together with an absence this is guilt.
HURT = (
    "sad", "saddens", "hurt", "hurts", r"heart-?broken", r"did we (?:upset|offend|disappoint|annoy) you",
    "struggling", r"keep (?:us|the shop|our doors) (?:open|going|afloat)", r"close (?:our|the|for) (?:doors|good)", "lonely", "empty without", "feels empty", r"(?:what|something) we did wrong",
    r"did we do (?:something|anything) wrong", "abandoned", "neglected", "ignored", "betrayed",
    "for granted", r"replaced us", r"forg[eo]t(?:ten)? (?:about )?us", r"(?:another|the other|a different) (?:shop|store|bakery|florist|bookshop)",
    "the competition", r"across the (?:road|street)",
    "traurig", r"(?:dich|sie) (?:\w+ )?(?:verärgert|enttäuscht|vergrault|verprellt)", r"schlie(?:ß|ss)en (?:müssen|zu müssen)", "verletzt", "einsam", "leer ohne", "falsch gemacht", "links liegen", r"(?:uns|wir) (?:\w+ ){0,2}vergess\w*",
    r"vergisst uns",
    "im stich", "enttäuscht", r"ignorier\w*", "die konkurrenz", r"(?:einen|ein) anderen? (?:laden|geschäft|bäcker)",
    r"triste\w*", r"(?:vous|t') (?:a|avons|ai) (?:\w+ )?d[eé][cç]u\w*", r"fermer (?:boutique|nos portes|le magasin)", r"attrist\w*", r"(?:fait|font) de la peine", "nous peine", r"bless[eé]\w*",
    r"nous (?:\w+ ){0,2}oubli[eé]\w*", r"abandonn\w*", r"d[eé]laiss\w*",
    r"ignor[eé]\w*", "d'en face", "la concurrence", r"un autre (?:magasin|commerce|fromager|boulanger)",
    r"(?:on a|nous avons) fait quelque chose de mal", r"(?:vous )?pr[eé]f[eé]rez d[eé]sormais",
    "entristece", r"(?:te|le) (?:hemos|he) (?:\w+ )?(?:fallado|decepcionado|molestado)", r"cerrar (?:la tienda|nuestras puertas)", r"dolid\w*", "nos duele", r"olvidad\w*", r"abandonad\w*", r"ignorad\w*", "la competencia",
    r"otra (?:tienda|panaderia)", r"(?:que|qué) hicimos mal", "hicimos algo mal", r"pens[aá]bamos que [eé]ramos",
    "de enfrente",
)
# "We miss your money": what the customer spends, missed instead of the customer.
MISSED_MONEY = (
    r"(?:miss|missing) (?:your|all your) (?:money|wallet|cash|spending|orders|business|custom|purchases)",
    r"vermissen (?:dein|deine|ihr|ihre) (?:geld|umsatz|bestellungen|einkäufe|portemonnaie)",
    r"(?:votre|ton) (?:argent|portefeuille) nous manque", r"(?:vos|tes) (?:achats|commandes) nous manquent",
    r"echamos de menos (?:tu|su|tus|sus) (?:dinero|cartera|compras|pedidos)",
)

# Sarcasm: praise that means its opposite when it meets an absence.
HOW_NICE = (
    "how nice", "how kind", "how thoughtful", "nice of you", "kind of you", "what an honour", "what an honor",
    "wie nett", "wie aufmerksam", r"wie schön, dass (?:du|sie)", "welch(?:e)? ehre", r"beehr\w*",
    "comme c'est gentil", "que c'est gentil", "quel honneur", r"merci d'avoir enfin",
    r"qu[eé] detalle", r"qu[eé] amable", r"qu[eé] honor",
)
IRONIC_PRAISE = (
    "impressive", "well done", "bravo", "quite a record", "a new record", "respect",
    "beeindruckend", "respekt", "rekord", "reife leistung", "chapeau", "quel exploit", "un record",
    "impresionante", r"todo un r[eé]cord", "menudo récord",
)
# "We thought you had emigrated" / "you still exist" / "finally remembered where we are".
GONE_FOR_GOOD = (
    r"(?:finally|at last|endlich|enfin|por fin|al fin) (?:\w+ ){0,3}(?:remember\w*|found your way|erinner\w*|gefunden|souven\w*|retrouv\w*|pens\w* a nous|acord\w*|record\w*|encontr\w*)",
    r"more important (?:things|people|shops)", r"wichtigere? (?:dinge|sachen|leute)", r"choses plus importantes",
    r"cosas m[aá]s importantes",
    r"(?:thought|feared|assumed) you(?:'d| had| were)? (?:\w+ ){0,2}(?:emigrated|moved away|died|vanished|disappeared)",
    r"you (?:still|actually) exist", r"we still exist",
    r"(?:dachten|befürchtet|glaubten)(?: schon)?,? (?:du|sie) (?:wärst|wären|hättest|hätten|seist|seien) (?:\w+ ){0,4}"
    r"(?:ausgewandert|verschollen|gestorben|umgezogen|verschwunden|entdeckt|weggezogen|untergetaucht)",
    r"(?:dass )?es (?:dich|sie|uns) (?:doch |wohl |überhaupt )?noch gibt", r"(?:du lebst|sie leben) (?:ja |also )?noch",
    r"(?:on|nous) (?:pensait|croyait|pensions|croyions|craignait) que (?:vous|tu) (?:aviez|avais|etiez|etais) (?:\w+ ){0,3}"
    r"(?:demenage|disparu|emigre|mort|oublie|parti)\w*",
    r"qu'on existe encore", "que nous existons encore", r"(?:vous etes|tu es) encore (?:en vie|vivante?)",
    r"(?:pens[aá]bamos|cre[ií]amos|tem[ií]amos) que (?:te|se) (?:hab[ií]as|hab[ií]a) (?:\w+ ){0,3}"
    r"(?:mudado|ido|muerto|desaparecido|emigrado|olvidado)", r"que (?:seguimos|a[uú]n) exist\w*",
    r"(?:sigues|sigue) (?:vivo|viva)",
)
# "your "busy" schedule": a lower-case word in quotes after "your" (checked on the original text).
SCARE_QUOTE = r"(?i:\b(?:your|dein\w*|ihr\w*|votre|vos|ton|ta|tes|tu|tus|su|sus)\s)[\"'«„“‘]\s?[a-zäöüéèàçñ]+\s?[\"'»“”’]"

# Words of annoyance about a person or their requests (the valence lexicon VADER lacks here).
NEGATIVE_VALENCE = (
    r"(?:always|immer|toujours|siempre) (?:\w+ )?(?:late|zu spät|en retard|tarde|complain\w*|beschwer\w*|plaint\w*|quej\w*)",
    "nightmare", "hassle", "headache", "pain in the neck", "fussy", "demanding", "picky", "annoying",
    "waste of (?:our )?time", "a lot of trouble", "difficult customer", "drama", r"nitpick\w*",
    "übertrieben", "nervig", "anstrengend", "mühsam", "lästig", "zumutung", "umständlich", "kleinlich",
    "pedantisch", "nachtragend", "zickig", "theater", "zeitverschwendung", "ärger", r"chaos\w*",
    "soucis", "fil à retordre", r"exigences?", r"exigeante?", r"p[eé]nible", "casse-tête", r"aga[cç]ante?",
    r"[eé]nervante?", "cauchemar", "galère", r"capricieu\w*", "perte de temps", r"pointilleu\w*",
    r"l[ií]o", "pesadilla", "molestia", r"quejic[oa]", r"exigente\w*", r"caprichos[oa]",
    r"hiciste perder", r"nos (?:hizo|hiciste|ha hecho|has hecho) perder", "dolor de cabeza", "engorro",
    r"quisquill\w*",
)
# "…, but happy birthday anyway": a shrug after a complaint.
SHRUG = (
    "anyway", "anyhow", "all the same", "aber egal", "trotzdem", "wie auch immer",
    "nicht nachtragend", "mais bon", "quand même", "quand meme", "enfin bref", "pero bueno",
    "de todos modos", "en fin", "igualmente",
)
EMPATHY = (
    "hope", "hoping", "understand", "we know how", "sorry", "hoffen", "wünschen", "verstehen", "wissen, wie",
    "espérons", "comprenons", "savons combien", "esperamos", "entendemos", "sabemos lo",
)

# "We" perceiving: one half of creepy tracking.
PERCEIVE = (
    r"we(?:'ve| have| had)? (?:[\w']+ ){0,3}(?:saw|seen|spotted|notic\w*|see|know|caught|clocked)",
    r"(?:shows?|tells? us|zeigt|zeigen|montre\w*|muestra\w*) (?:that |dass |que )?(?:you|du|sie|vous|tu)",
    r"(?:ist|sind) (?:uns )?nicht entgangen", r"nous (?:n'avons pas|avons bien) (?:\w+ )?(?:rat[eé]|vu)", r"nos (?:hemos )?dado cuenta",
    r"(?:our|the) (?:system|records?|data|analytics|app|website|logs?|tracking|cameras?|till) (?:shows?|tells?|says?|noticed|logged|recorded)",
    r"it looks like you (?:spent|visited|viewed|browsed|opened|clicked)",
    r"wir haben (?:\w+ ){0,2}(?:gesehen|bemerkt|beobachtet|mitbekommen|festgestellt)", "uns ist aufgefallen",
    r"wir (?:sehen|wissen|bemerken|merken)", r"(?:unser|unsere) (?:system|daten|statistik|kamera|shop) (?:zeigt|zeigen|verrät|verraten)",
    r"(?:nous avons|on a) (?:\w+ ){0,2}(?:vu|remarque|constate|observe|note|apercu)",
    r"(?:nous|on) (?:voyons|voit|savons|sait|remarquons)",
    r"(?:notre|nos) (?:systeme|donnees|statistiques|camera) (?:montre|indique|montrent|indiquent)",
    r"(?:hemos|hab[ií]amos) (?:\w+ )?(?:visto|notado|observado|comprobado|detectado)",
    r"(?:vimos|notamos|observamos|sabemos|vemos|nos fijamos)",
    r"(?:nuestro|nuestra|nuestros) (?:sistema|datos|registros|camara) (?:muestra|muestran|indica|indican)",
)
# What the customer did that a shop could only know by watching: the other half.
BEHAVIOUR = (
    "page", r"(?:web)?site", "cart", "basket", r"wish ?list", "clicked", r"open(?:ed|ing)? (?:our|the|every)",
    r"brows(?:ed|ing) (?:our|the) (?:\w+ )?(?:site|website|pages?|shop online)", "browsing history",
    "nearby", "location", "in the area", "in der nähe", "dans le quartier", r"por la zona", "instead", "elsewhere",
    "woanders", "ailleurs", r"en otr[oa] (?:sitio|tienda|parte)", "looking at", "viewed", r"spent (?:\w+ ){0,2}(?:while|time|minutes|hours)", "last night",
    r"(?:walking|walked|walk|drove|driving) (?:past|by)", r"(?:twice|three times|four times|several times|\d+ times)",
    r"(?:open|opened|opening|read|ouvr\w*|ouvert\w*|lisez|lis|abr\w*|le[eí]\w*) (?:\w+ ){0,3}(?:e-?mails?|newsletters?|mails|correos|messages)",
    r"(?:e-?mails?|newsletters?|mails|correos) (?:\w+ ){0,2}(?:öffnest|öffnen|geöffnet|liest|gelesen|abres|abriste)",
    "seite", "webseite", "onlineshop", "warenkorb", "wunschliste", "merkliste", r"(?:an)?geklickt",
    "angesehen", "angeschaut", "gestern abend", "letzte nacht",
    r"(?:zweimal|dreimal|viermal|mehrmals|\d+ ?mal)", r"vorbei(?:gegangen|gelaufen|gefahren)",
    r"site", "en ligne", "panier", "liste d'envies", "favoris", r"cliqu\w*",
    r"consult[eé]\w*", r"regard[eé]\w*", "regardiez", "hier soir", "cette nuit",
    r"(?:deux|trois|quatre|plusieurs) fois", r"pass\w* devant",
    r"p[aá]gina", "web", r"en l[ií]nea", "carrito", "cesta", "lista de deseos", "favoritos", "clic",
    "mirando", "viendo", "anoche", r"(?:dos|tres|cuatro|varias) veces",
    r"pas\w* por delante", "correos", r"bolet[ií]n",
)
# "47 days since your last visit": a count that only a log could give.
DAY_COUNT = (
    r"\d+ (?:days|tage|tagen|jours|d[ií]as) (?:since|seit|depuis|desde)",
    r"(?:seit|depuis|hace) (?:genau |exactement |exactamente )?\d+ (?:tagen|jours|d[ií]as)",
    r"(?:it's been|exactly) \d+ days",
)

# Getting old: a body that creaks, a retirement, too many candles.
DECLINE = (
    "reading glasses", "magnifying", "knees", "hips", "joints", r"creak\w*", r"wrinkl\w*", "grey hair",
    "gray hair", r"gr[ea]yer", "bald", "less hair", r"(?:lie|lying) about your age", r"(?:closer to|almost|nearly|soon|on your way to) (?:your )?(?:retire\w*|pension)",
    "walking stick", "zimmer frame", "hearing aid", r"extinguish\w*", "fire hazard", "old fossil", "grandpa",
    "granny", "old-timer", "past it", "nursing home", "care home", "your back", "year closer",
    "lesebrille", "weniger haare", r"ergraut\w*", "lupe", "knie", "rücken", "gelenke", r"zwick\w*", "falten", r"graue\w* haare", "glatze",
    r"(?:bald|fast|schon) (?:in )?(?:rente|ruhestand)", "rentner", "gehstock", "rollator", r"hörgerät\w*",
    r"feuerlöscher\w*", "altes eisen", "greis", "tattergreis", "altersheim", r"jahr älter",
    r"lunettes (?:de lecture|de vue)", "moins de cheveux", r"grisonn\w*", "loupe", "genoux", "articulations", r"(?:vos|tes|des|nouvelles) rides",
    "cheveux blancs", "chauve", r"(?:bient[oô]t|presque) (?:a )?la retraite", "canne", "déambulateur",
    "appareil auditif", "extincteur", "pompiers", "papy", "vieux fossile", "maison de retraite",
    r"coup de vieux", r"(?:vous|tu) vieilli\w*",
    r"gafas (?:de lectura|de cerca)", "menos pelo", r"canos[oa]", "lupa", "rodillas", "espalda", "articulaciones", "arrugas", "canas", "calvo",
    r"(?:camino de|casi|pronto) (?:la )?jubilaci[oó]n", r"bast[oó]n", "andador", r"aud[ií]fono", "extintor",
    "bomberos", "abuelo", "abuelito", r"residencia de (?:ancianos|mayores)", "carroza", "achaques",
    r"m[aá]s viej[oa]",
)
# Said to anyone, these are age jokes whatever the occasion.
AT_YOUR_AGE = (
    r"at your age", r"for (?:someone )?your age", r"in (?:deinem|ihrem) alter", r"(?:a|à) (?:votre|ton) [aâ]ge",
    r"a (?:tu|su) edad", r"(?:about|über|sur|sobre) (?:your|dein\w*|ihr\w*|votre|ton|tu|su) (?:age|alter|[aâ]ge|edad)", r"pour (?:votre|ton) [aâ]ge", r"para (?:tu|su) edad", r"f[uü]r (?:dein|ihr) alter",
)

SECOND_PERSON_EN = ("you", "your", "yours", "you're", "you've", "you'd", "you'll", "yourself")
# Spanish drops the pronoun: "pasaste", "estabas", "eres" address the reader on their own.
SECOND_PERSON_ES_VERBS = (
    r"\w{2,}(?:aste|iste|abas)", "estabas", "estás", "eres", "tienes", "quieres", "puedes", "abres", "compras",
    "miras", "vienes", "pasas", "entras", "lees", "sueles",
)
