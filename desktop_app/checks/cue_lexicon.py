"""Cue classes for the tone rules that combine cues, per language (en, de, fr, es): data only.

A phrase list names one wording; a cue class names one *ingredient* of a kind of wording
("a deadline", "a push to act", "we noticed", "the customer's clicks"). The rules in
``desktop_app.checks.cues`` flag a sentence only when two ingredients meet, which catches new
wording without flagging either ingredient alone ("valid until Sunday — no rush" is kind).
Each class maps a language to lower-case regex fragments, matched on folded (accent-free) text
with word boundaries; stems end in ``\\w*``. A draft is read with the classes of its detected and
expected languages only, so German "fast" (almost) is never English "fast".
"""

from __future__ import annotations

Cues = dict[str, tuple[str, ...]]

# A deadline or a scarcity: half of "pressure".
LIMIT: Cues = {
    "en": (
        r"(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|weekend)", "tonight", "midnight",
        "tomorrow", r"(?:for|within|in) (?:the next )?\d+ hours", r"\d+ hours only",
        r"(?:stocks?|supplies|numbers|places|spaces) (?:are |is )?limited", "limited stock", "limited time",
        r"stops? working", r"expir\w*", r"runs? out", r"end of (?:the|this) (?:month|week|day)", "after that",
        r"(?:only|just) (?:\d+|one|two|three|four|five|a few|a handful of) (?:\w+ )?(?:left|remaining|came in|in stock)",
        r"once (?:they're|they are|it's|it is|these are) (?:sold|gone)", r"won't (?:get|have|order) (?:any )?more",
        r"no longer (?:valid|available)", r"won't be valid", r"sold out (?:in|within)", r"(?:went|go|goes) fast",
        r"(?:only|just|literally) (?:\d+|two|three|four|five) (?:in|on|at) (?:the|our) (?:building|shop|store|shelf)",
        r"dies", r"(?:is|it's) history",
    ),
    "de": (
        r"(?:montag|dienstag|mittwoch|donnerstag|freitag|samstag|sonntag|wochenende)", "heute abend",
        "mitternacht", "morgen", r"\d+ stunden", r"begrenzt\w*", r"limitiert\w*", r"gilt (?:\w+ )?nur", "nur noch",
        r"läuft (?:\w+ )?ab", "verfällt", "nicht mehr gültig", r"monatsende", r"ende der woche", "nicht ewig",
        r"nur (?:noch )?(?:\d+|zwei|drei|vier|fünf|ein paar) (?:stück|exemplare|flaschen|sträuße|dosen)",
        r"(?:ist|war|waren) (?:\w+ )?(?:ausverkauft|vergriffen)",
    ),
    "fr": (
        r"(?:lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|week-end)", "ce soir", "minuit", "demain",
        r"\d+ heures", r"limit[eé]\w*", r"ne sera plus valable", r"n'est valable que", r"expire\w*",
        r"plus que (?:\d+|deux|trois|quatre|cinq|quelques)", r"il (?:n'en )?reste (?:plus )?que",
        r"fin (?:du|de ce) mois", r"fin de (?:la|cette) semaine", r"dispara(?:it|issent|itront|itra)\w*",
        r"(?:[eé]puis[eé]|parti)\w* en \d+ jours", r"s'[eé]vapor\w*",
    ),
    "es": (
        r"(?:lunes|martes|miercoles|jueves|viernes|sabado|domingo|fin de semana)", "esta noche", "medianoche",
        r"\d+ horas", r"limitad\w*", r"hasta (?:manana|esta noche|el (?:lunes|martes|miercoles|jueves|viernes|sabado|domingo))",
        r"(?:solo|sólo) (?:vale|valen|es valido|son validos|queda|quedan)", r"caduca\w*",
        r"se (?:acaba|acaban|agota|agotan|termina)", r"quedan (?:solo )?(?:\d+|dos|tres|cuatro|cinco|unos pocos)",
        r"fin de mes", r"vend(?:imos|ido|ieron) (?:la mitad|casi todo|\d+)", r"(?:se )?(?:agot[oó]|acab[oó])",
        r"(?:solo|s[oó]lo) (?:\d+|dos|tres|cuatro|cinco) (?:unidades|piezas|botellas|cajas)",
    ),
}
# A push to act at once, or a loss if one does not: the other half of "pressure".
PUSH: Cues = {
    "en": (
        "quick", "quickly", "fast", r"while (?:you|stocks?|supplies) (?:still )?(?:can|last)",
        r"(?:order|buy|book|grab|claim|get|come in|pop in) (?:\w+ )?(?:today|now|tonight)", "first come,? first served",
        r"hurry\w*", "rush", "asap", "straight away", "right away", "immediately", "make sure",
        r"(?:you'd|you had|you) better", r"don't (?:wait|delay|sit on|leave it|miss)", "before then",
        r"(?:it's|it'll be|they'll be|they're|it is|it will be) gone", r"won't last", "if i were you", "jump on",
        r"or (?:it|they|you)(?:'ll| will)? (?:be )?(?:gone|lost|lose|miss)", r"lose (?:it|them|out)", "miss out",
        "too late", "or else", "gone for good", "let it slip", "now or never", r"after that,? (?:it|you|we)",
        r"(?:use|grab|get|claim|spend) (?:it|them|yours) or", "otherwise", "snooze",
    ),
    "de": (
        "schnell", r"beeil\w*", "sofort", "umgehend", "unbedingt", "sonst", r"verf[aä]ll\w*", "verloren", "zu spät",
        r"verpass\w*", r"(?:warte|warten sie) nicht", r"besser (?:schnell|gleich|sofort|bald)", "wer zuerst kommt",
        "weg ist weg", r"(?:ist|sind) (?:dann |schnell |bald )?(?:weg|vorbei)", "an deiner stelle", "an ihrer stelle",
        r"(?:ist )?schluss", r"nicht (?:zu )?(?:viel zeit|lange)", "noch heute", r"danach (?:ist|sind|gibt|geht|wird)",
        "zug abgefahren",
    ),
    "fr": (
        "vite", "rapidement", r"d[eé]p[eê]ch\w*", "sans tarder", "immédiatement", "tout de suite", "sinon",
        r"perdu\w*", r"perdr\w*", "trop tard", r"ne tra[iî]n\w* pas", r"ne tarde[zr]? pas", "au plus vite",
        r"rate[rz]", r"manque[rz]", r"premier arriv[eé]", r"(?:a|à) (?:votre|ta) place", r"laisser filer",
        "dommage de", r"d[eè]s (?:aujourd'hui|maintenant|cette semaine|demain)", "c'est fini",
        r"apr[eè]s,? (?:il|on|ce|c'|vous|nous)", r"ne pourr\w* plus",
    ),
    "es": (
        "rápido", "deprisa", "prisa", "corre", "cuanto antes", "ya mismo", "enseguida", r"no lo (?:dejes|deje) para",
        r"no (?:esperes|espere)", r"te quedar[aá]s sin", r"perder[aá]s", r"se perder[aá]", "demasiado tarde",
        "no te duermas", r"el que (?:primero|antes) llegue", r"yo que (?:tu|usted)", r"vuela\w*", "hoy mismo",
        r"no te lo pienses", r"se (?:acab[oó]|va a acabar)", r"despu[eé]s,? (?:ya|no|se)", r"no te despist\w*",
        r"si (?:lo|la|los|las) quieres",
    ),
}
# Words that take the pressure off a deadline in the same sentence.
CALM: Cues = {
    "en": ("no rush", "no hurry", "take your time", "whenever", "no pressure", "plenty of time", "any time"),
    "de": ("keine eile", "ganz in ruhe", "lass dir zeit", "lassen sie sich zeit", r"wann (?:es )?(?:dir|ihnen) passt"),
    "fr": ("pas d'urgence", "rien ne presse", r"prenez (?:tout )?votre temps", r"prends (?:tout )?ton temps",
           r"quand (?:vous voulez|tu veux)"),
    "es": ("sin prisa", "con calma", r"cuando (?:quieras|quiera)", "tómate tu tiempo"),
}

# It has been long since the customer came: the setting of guilt and sarcasm.
ABSENCE: Cues = {
    "en": (
        r"(?:haven't|have not|hasn't|didn't) (?:seen|heard from) you", r"since (?:we last saw you|your last|you last)",
        r"it's been (?:ages|months|weeks|a while|so long|forever|a year|\w+ months)", "without (?:you|a single visit)",
        r"(?:stopped|stop) (?:coming|visiting|shopping)", r"no longer (?:come|visit|shop)", "after all this time",
        r"a whole (?:year|month|season)", r"come back", "finally", "at last",
    ),
    "de": (
        r"seit (?:monaten|wochen|langem|ewigkeiten|einer ewigkeit|deinem letzten|ihrem letzten)",
        r"nicht mehr (?:bei uns|vorbei|gesehen|da)", "lange nicht", "ohne dich", "ohne sie", "nach so langer zeit",
        "doch noch", "endlich", r"auch mal wieder", r"lange (?:leer|verwaist)",
    ),
    "fr": (
        r"(?:cela|ca) fait (?:\w+ ){0,2}(?:mois|semaines|longtemps|une eternite)",
        r"n'(?:etes|es) (?:pas|plus) (?:venue?s?|passee?s?)", "sans vous", "sans toi", r"ne (?:venez|viens) plus",
        "après tout ce temps", "enfin", r"[aà] d[eé]faut de venir", "de vos nouvelles",
    ),
    "es": (
        r"hace (?:\w+ )?(?:meses|semanas|mucho|tiempo|siglos)", r"no (?:pasas|pasa|vienes|viene)", "sin ti",
        r"ya no (?:te|le) (?:vemos|vimos)", "después de tanto tiempo", "por fin", r"desde que no (?:vienes|viene)",
        r"todav[ií]a",
    ),
}
# Hurt, blame of oneself, or rivals: together with an absence this is guilt.
HURT: Cues = {
    "en": (
        "sad", "saddens", "hurt", "hurts", r"heart-?br\w*", r"did we (?:upset|offend|disappoint|annoy) you",
        "struggling", r"keep (?:us|the shop|our doors) (?:open|going|afloat)", r"close (?:our|the|for) (?:doors|good)",
        "lonely", r"(?:empty|quiet|dull|lonely) without",
        r"(?:what|something) we did wrong", r"did we do (?:something|anything) wrong", "abandoned", "neglected",
        "ignored", "betrayed", "for granted", "replaced us", r"forg[eo]t(?:ten)? (?:about )?us",
        r"(?:another|the other|a different) (?:shop|store|bakery|florist|bookshop)", "the competition",
        r"across the (?:road|street)", r"(?:upset|angry|cross|mad) (?:with|at) us", r"staring at the door",
        r"waiting for you to come back", r"(?:something|anything) we (?:said|did)", r"now nothing",
        r"(?:don't|do not) you (?:\w+ )?(?:like|love) (?:us|it|them) any ?more",
    ),
    "de": (
        "traurig", r"(?:dich|sie) (?:\w+ )?(?:verärgert|enttäuscht|vergrault|verprellt)",
        r"schlie(?:ß|ss)en (?:müssen|zu müssen)", "verletzt", "einsam", r"(?:leer|still|stiller|ruhig) (?:ohne|geworden)",
        "falsch gemacht", "links liegen", r"(?:uns|wir) (?:\w+ ){0,2}vergess\w*", "vergisst uns", "im stich",
        "enttäuscht", r"ignorier\w*", "die konkurrenz", r"(?:einen|ein) anderen? (?:laden|geschäft|bäcker)",
        r"(?:böse|sauer) auf uns", r"(?:etwas|was) (?:falsches )?(?:gesagt|getan)", r"(?:so|wirklich so) schlecht\?",
        r"gar nicht mehr",
    ),
    "fr": (
        r"triste\w*", r"(?:vous|t') (?:a|avons|ai) (?:\w+ )?d[eé][cç]u\w*", r"fermer (?:boutique|nos portes|le magasin)",
        r"attrist\w*", r"(?:fait|font) de la peine", "nous peine", r"bless[eé]\w*", r"nous (?:\w+ ){0,2}oubli[eé]\w*",
        r"abandonn\w*", r"d[eé]laiss\w*", r"ignor[eé]\w*", "d'en face", "la concurrence",
        r"un autre (?:magasin|commerce|fromager|boulanger)", r"(?:on a|nous avons) fait quelque chose de mal",
        r"(?:vous )?pr[eé]f[eé]rez d[eé]sormais", r"f[aâ]ch[eé]e?s? contre nous", r"(?:vous ne|tu ne) (?:les|l'|nous) (?:aimez|aimes) plus",
        r"(?:bien )?seul(?:e|s|es)? (?:sans|depuis)", r"se sentent (?:\w+ )?seul\w*", r"quelque chose (?:de mal|qu'on)",
    ),
    "es": (
        r"triste\w*", "entristece", r"(?:te|le) (?:hemos|he) (?:\w+ )?(?:fallado|decepcionado|molestado)",
        r"cerrar (?:la tienda|nuestras puertas)", r"dolid\w*", "nos duele", r"olvidad\w*", r"abandonad\w*",
        r"ignorad\w*", "la competencia", r"otra (?:tienda|panaderia)", r"(?:que|qué) hicimos mal", "hicimos algo mal",
        r"pens[aá]bamos que [eé]ramos", "de enfrente", r"ya no (?:lo )?eres", r"(?:te|le) (?:ha|hemos) (?:\w+ )?(?:hecho|dicho) algo", r"(?:enfadad|molest)\w* con nosotros",
        r"(?:dijimos|hicimos) algo que", r"te molest\w*",
    ),
}
# "We miss your money": what the customer spends, missed instead of the customer.
MISSED_MONEY: Cues = {
    "en": (r"(?:miss|missing) (?:your|all your) (?:money|wallet|cash|spending|orders|business|custom|purchases)",),
    "de": (r"vermissen (?:dein|deine|ihr|ihre) (?:geld|umsatz|bestellungen|einkäufe|portemonnaie)",),
    "fr": (r"(?:votre|ton) (?:argent|portefeuille) nous manque", r"(?:vos|tes) (?:achats|commandes) nous manquent"),
    "es": (r"echamos de menos (?:tu|su|tus|sus) (?:dinero|cartera|compras|pedidos)",),
}

# Sarcasm: praise that means its opposite when it meets an absence.
HOW_NICE: Cues = {
    "en": ("how nice", "how kind", "how thoughtful", "nice of you", "kind of you", "what an honour", "what an honor",
           "oh look", "well, well", "look who"),
    "de": ("wie nett", "wie aufmerksam", r"wie schön, dass (?:du|sie)", r"welche? ehre", r"beehr\w*", r"^na,"),
    "fr": ("comme c'est gentil", "que c'est gentil", "quel honneur", "merci d'avoir enfin",
           r"quelle joie de (?:constater|voir|savoir)", "tiens donc"),
    "es": (r"qu[eé] detalle", r"qu[eé] amable", r"qu[eé] honor", r"vaya,? si", "mira quien"),
}
IRONIC_PRAISE: Cues = {
    "en": ("impressive", "well done", "bravo", "quite a record", "a new record", "respect"),
    "de": ("beeindruckend", "respekt", "rekord", "reife leistung"),
    "fr": ("chapeau", "quel exploit", "un record", "bravo"),
    "es": ("impresionante", r"todo un r[eé]cord", "menudo récord", "bravo"),
}
# "We thought you had emigrated" / "you still exist" / "finally remembered where we are".
GONE_FOR_GOOD: Cues = {
    "en": (
        r"(?:finally|at last) (?:\w+ ){0,3}(?:remember\w*|found your way)", r"more important (?:things|people|shops)",
        r"(?:thought|feared|assumed|figured) you(?:'d| had| were)? (?:\w+ ){0,2}(?:emigrated|moved away|died|vanished|disappeared|found)",
        r"you (?:still|actually) exist", r"we still exist", r"you(?:'re| are) still (?:alive|around|with us)",
        r"(?:almost|nearly) (?:given|gave|rented|sold) (?:your|it)",
    ),
    "de": (
        r"endlich (?:\w+ ){0,3}(?:erinner\w*|gefunden)", r"wichtigere? (?:dinge|sachen|leute)",
        r"(?:dachten|befürchtet|glaubten)(?: schon)?,? (?:du|sie) (?:wärst|wären|hättest|hätten|seist|seien) (?:\w+ ){0,4}"
        r"(?:ausgewandert|verschollen|gestorben|umgezogen|verschwunden|entdeckt|weggezogen|untergetaucht)",
        r"(?:dass )?es (?:dich|sie|uns) (?:doch |wohl |überhaupt )?noch gibt", r"(?:du lebst|sie leben) (?:ja |also )?noch",
        r"schon fast (?:vermietet|vergeben|verkauft)", r"(?:hatten|haben) (?:dich|sie) (?:\w+ ){0,3}vermutet",
        r"(?:du|sie) (?:\w+ )?also doch noch",
    ),
    "fr": (
        r"enfin (?:\w+ ){0,3}(?:souven\w*|retrouv\w*|pens\w* a nous)", "choses plus importantes",
        r"(?:on|nous) (?:pensait|croyait|pensions|croyions|craignait) que (?:vous|tu) (?:aviez|avais|etiez|etais) (?:\w+ ){0,3}"
        r"(?:demenage|disparu|emigre|mort|oublie|parti)\w*",
        "qu'on existe encore", "que nous existons encore", r"(?:vous etes|tu es) encore (?:en vie|vivante?)",
        r"(?:vous vous|tu te) (?:rappelez|souvenez|rappelles|souviens) (?:encore|toujours|donc)",
    ),
    "es": (
        r"por fin (?:\w+ ){0,3}(?:acord\w*|record\w*|encontr\w*)", r"cosas m[aá]s importantes",
        r"(?:pens[aá]bamos|cre[ií]amos|tem[ií]amos) que (?:te|se) (?:hab[ií]as|hab[ií]a) (?:\w+ ){0,3}"
        r"(?:mudado|ido|muerto|desaparecido|emigrado|olvidado)", r"que (?:seguimos|a[uú]n) exist\w*",
        r"(?:sigues|sigue) (?:vivo|viva)", r"cre[ií]amos que (?:hab[ií]as|te hab[ií]as|ya no)", r"menuda sorpresa",
    ),
}
# "your "busy" schedule": a lower-case word in quotes after "your" (checked on the original text).
SCARE_QUOTE = r"(?i:\b(?:your|dein\w*|ihr\w*|votre|vos|ton|ta|tes|tu|tus|su|sus)\s)[\"'«„“‘]\s?[a-zäöüéèàçñ]+\s?[\"'»“”’]"

# Annoyance about a person or their requests, or forgiveness they did not ask for (the valence
# lexicon VADER lacks in these languages, and misses in English: "a nightmare to track down").
NEGATIVE_VALENCE: Cues = {
    "en": (
        r"always (?:\w+ )?(?:late|complain\w*)", "nightmare", "hassle", "headache", "pain in the neck", "fussy",
        "demanding", "picky", "annoying", r"waste of (?:our )?time", "a lot of trouble", "difficult customer",
        "drama", r"nitpick\w*", r"(?:still )?recovering from your", r"forgiv\w* (?:you|him|her|them)",
        r"decided to forgive",
    ),
    "de": (
        r"immer (?:\w+ )?(?:zu spät|beschwer\w*)", "übertrieben", "nervig", "anstrengend", "mühsam", "lästig",
        "zumutung", "umständlich", "kleinlich", "pedantisch", "nachtragend", "zickig", "theater", "zeitverschwendung",
        "ärger", r"chaos\w*", r"(?:ständig|dauernd)\w* (?:\w+ )?(?:sonder)?wünsch\w*", "auf trab",
        r"(?:sei|ist|sind) (?:ihnen|dir|euch) verziehen", r"verzeihen wir (?:dir|ihnen)", r"rückfragen",
    ),
    "fr": (
        r"toujours (?:\w+ )?(?:en retard|plaint\w*)", "soucis", "fil à retordre", r"exigences?", r"exigeante?",
        r"p[eé]nible", "casse-tête", r"aga[cç]ante?", r"[eé]nervante?", "cauchemar", "galère", r"capricieu\w*",
        "perte de temps", r"pointilleu\w*", r"g[aâ]ch[eé]\w*", r"(?:on|nous) (?:vous|te) pardonn\w*",
        r"(?:co[uû]t[eé]|coutent) cher",
    ),
    "es": (
        r"siempre (?:\w+ )?(?:tarde|quej\w*)", r"l[ií]o", "pesadilla", "molestia", r"quejic[oa]", r"exigente\w*",
        r"caprichos[oa]", "hiciste perder", r"nos (?:hizo|hiciste|ha hecho|has hecho) perder", "dolor de cabeza",
        "engorro", r"quisquill\w*", r"regate\w*", "ni lo intentes", r"te (?:lo )?perdonamos",
        r"sin discutir",
    ),
}
# "This time, please…": a reproach that needs no other ingredient.
REPROACH: Cues = {
    "en": (r"(?:this|next) (?:time|year),? (?:please|try|bring|pay|remember)", r"please,? (?:this|next) (?:time|year)"),
    "de": (r"diesmal bitte", r"(?:dieses|nächstes) (?:mal|jahr) bitte"),
    "fr": (r"cette fois,? (?:merci de|s'il vous pla[iî]t|essayez)",),
    "es": (r"a ver si (?:esta|este|la pr[oó]xima) (?:vez|a[nñ]o)",),
}
# "…, but happy birthday anyway": a shrug after a complaint.
SHRUG: Cues = {
    "en": ("anyway", "anyhow", "all the same", "even so"),
    "de": ("aber egal", "trotzdem", "wie auch immer", "nicht nachtragend"),
    "fr": ("mais bon", "quand même", "quand meme", "enfin bref", "même si"),
    "es": ("pero bueno", "de todos modos", "en fin", "igualmente"),
}
EMPATHY: Cues = {
    "en": ("hope", "hoping", "understand", "we know how", "sorry"),
    "de": ("hoffen", "wünschen", "verstehen", "wissen, wie", "leid"),
    "fr": ("espérons", "comprenons", "savons combien", "désolé", "désolés"),
    "es": ("esperamos", "entendemos", "sabemos lo", "sentimos"),
}

# "We" perceiving, or a log telling: one half of creepy tracking.
PERCEIVE: Cues = {
    "en": (
        r"we(?:'ve| have| had)? (?:[\w']+ ){0,3}(?:saw|seen|spotted|notic\w*|see|know|caught|clocked)",
        r"(?:shows?|tells? us|says) (?:that )?you",
        r"(?:our|the|your) (?:\w+ ){0,2}(?:system|records?|data|analytics|app|website|logs?|tracking|cameras?|till|card) "
        r"(?:shows?|tells?|says?|noticed|logged|recorded)",
        r"it looks like you (?:spent|visited|viewed|browsed|opened|clicked)", r"(?:according to|judging by) (?:your|our|the)",
        r"our till (?:says|shows)",
    ),
    "de": (
        r"wir haben (?:\w+ ){0,2}(?:gesehen|bemerkt|beobachtet|mitbekommen|festgestellt)", "uns ist aufgefallen",
        r"(?:ist|sind) (?:uns )?nicht entgangen", r"wir (?:sehen|wissen|bemerken|merken)",
        r"(?:zeigt|zeigen|verrät|verraten) (?:uns )?(?:dass )?(?:du|sie)",
        r"(?:laut|nach) (?:unserer?|deiner|ihrer) (?:\w+ )?(?:kundenkarte|daten|system|statistik|kamera\w*|kasse|app)",
        r"(?:unser|unsere) (?:\w+ )?(?:system|daten|statistik|kamera|kundenkarte) (?:zeigt|zeigen|verrät|verraten)",
    ),
    "fr": (
        r"(?:nous avons|on a) (?:\w+ ){0,2}(?:vu|remarque|constate|observe|note|apercu)",
        r"(?:nous|on) (?:voyons|voit|savons|sait|remarquons|constatons)",
        r"nous (?:n'avons pas|avons bien) (?:\w+ )?(?:rat[eé]|vu)", r"(?:montre\w*|indique\w*) (?:que )?(?:vous|tu)",
        r"(?:notre|nos|votre) (?:\w+ )?(?:systeme|donnees|statistiques|camera|carte de fidelite)\w* (?:montre|indique|montrent|indiquent|n'a)",
    ),
    "es": (
        r"(?:hemos|hab[ií]amos) (?:\w+ )?(?:visto|notado|observado|comprobado|detectado)",
        r"(?:vimos|notamos|observamos|sabemos|vemos|nos fijamos)", r"nos (?:hemos )?dado cuenta",
        r"(?:muestra\w*|indica\w*) (?:que )?(?:tu|usted)", r"seg[uú]n (?:strava|tu|su|nuestr\w*|la app|el gps)",
        r"(?:nuestro|nuestra|nuestros|tu) (?:\w+ )?(?:sistema|datos|registros|camaras?|tarjeta)\w* (?:muestra|muestran|indica|indican|dice)",
    ),
}
# What the customer did that a shop could only know by watching: the other half.
BEHAVIOUR: Cues = {
    "en": (
        "page", r"(?:web)?site", "cart", "basket", r"wish ?list", "clicked", r"open(?:ed|ing)? (?:our|the|every)",
        r"brows(?:ed|ing) (?:our|the) (?:\w+ )?(?:site|website|pages?|shop online)", "browsing history", "nearby",
        "location", "in the area", "instead", "elsewhere", "looking at", "viewed",
        r"spent (?:\w+ ){0,2}(?:while|time|minutes|hours)", "last night", r"(?:walking|walked|walk|drove|driving) (?:past|by)",
        r"(?:twice|three times|four times|several times|\d+ times)", r"(?:scanned|used|swiped) (?:your )?(?:\w+ )?card",
        r"(?:bought|ordered) .{0,40}(?:weeks?|days?) ago",
        r"(?:open|opened|opening|read|reading) (?:\w+ ){0,3}(?:e-?mails?|newsletters?|messages)", "shop window",
    ),
    "de": (
        "seite", "webseite", "onlineshop", "warenkorb", "wunschliste", "merkliste", r"(?:an)?geklickt", "angesehen",
        "angeschaut", "gestern abend", "letzte nacht", r"(?:zweimal|dreimal|viermal|mehrmals|\d+ ?mal)",
        r"vorbei(?:gegangen|gelaufen|gefahren)", "in der nähe", "woanders", "schaufenster",
        r"(?:e-?mails?|newsletters?|mails) (?:\w+ ){0,2}(?:öffnest|öffnen|geöffnet|liest|lesen|gelesen)",
        r"nichts (?:mehr )?(?:\w+ ){0,2}(?:gekauft|bestellt)",
    ),
    "fr": (
        "site", "en ligne", "panier", "liste d'envies", "favoris", r"cliqu\w*", r"consult[eé]\w*", r"regard[eé]\w*",
        "regardiez", "hier soir", "cette nuit", r"(?:deux|trois|quatre|plusieurs) fois", r"pass\w* devant",
        "dans le quartier", "ailleurs", "vitrine", r"utilis[eé]e?",
        r"(?:ouvr\w*|ouvert\w*|lisez|lis|lire) (?:\w+ ){0,3}(?:e-?mails?|newsletters?|messages)",
    ),
    "es": (
        r"p[aá]gina", "web", r"en l[ií]nea", "carrito", "cesta", "lista de deseos", "favoritos", "clic", "mirando",
        "viendo", "anoche", r"(?:dos|tres|cuatro|varias) veces", r"pas\w* por delante", "por la zona",
        r"en otr[oa] (?:sitio|tienda|parte)", "escaparate", r"(?:abr\w*|le[eé]\w*) (?:\w+ ){0,3}(?:correos|mensajes)",
        r"bolet[ií]n", r"(?:has|ha) salido", r"en bici", r"compraste .{0,40}hace",
    ),
}
# "47 days since your last visit", "since 3 March at 17:42": what only a log could give.
DAY_COUNT: Cues = {
    "en": (r"\d+ days since", r"(?:it's been|exactly) \d+ days", r"since .{0,30}\d{1,2}[:.]\d{2}"),
    "de": (r"\d+ tage seit", r"seit (?:genau )?\d+ tagen", r"seit .{0,30}\d{1,2}[:.]\d{2}"),
    "fr": (r"\d+ jours depuis", r"depuis (?:exactement )?\d+ jours", r"depuis .{0,30}\d{1,2}[h:]\d{2}"),
    "es": (r"\d+ d[ií]as desde", r"hace (?:exactamente )?\d+ d[ií]as", r"desde .{0,30}\d{1,2}[:.]\d{2}"),
}

# Getting old: a body that creaks, a retirement, too many candles.
DECLINE: Cues = {
    "en": (
        "reading glasses", "magnifying", "knees", "hips", "joints", r"creak\w*", r"wrinkl\w*", "grey hair", "gray hair",
        r"gr[ea]yer", "bald", "less hair", r"(?:lie|lying) about your age",
        r"(?:closer to|almost|nearly|soon|on your way to) (?:your )?(?:retire\w*|pension)", "walking stick",
        "zimmer frame", "hearing aid", r"extinguish\w*", "fire hazard", "old fossil", "grandpa", "granny", "old-timer",
        "past it", "nursing home", "care home", "your back", "year closer", r"\d+ is the new \d+", r"anti-?ag(?:e|ing)",
        r"more candles than",
    ),
    "de": (
        "lesebrille", "weniger haare", r"ergraut\w*", "lupe", "knie", "rücken", "gelenke", r"zwick\w*", r"falten\w*",
        r"graue\w* haare", "glatze", r"(?:bald|fast|schon) (?:in )?(?:rente|ruhestand)", "rentner", "gehstock",
        "rollator", r"hörgerät\w*", r"feuerlöscher\w*", "altes eisen", "greis", "tattergreis", "altersheim",
        "jahr älter", r"\d+ ist das neue \d+", r"mehr kerzen als",
    ),
    "fr": (
        r"lunettes (?:de lecture|de vue)", "moins de cheveux", r"grisonn\w*", "loupe", "genoux", "articulations",
        r"(?:les|vos|tes|des|nouvelles) rides", "cheveux blancs", "chauve", r"(?:bient[oô]t|presque) (?:a )?la retraite",
        "canne", "déambulateur", "appareil auditif", "extincteur", "pompiers", "papy", "vieux fossile",
        "maison de retraite", "coup de vieux", r"(?:vous|tu) vieilli\w*", r"plus de bougies que", r"anti-?rides",
    ),
    "es": (
        r"gafas (?:de lectura|de cerca)", "menos pelo", r"canos[oa]", "lupa", "rodillas", "espalda", "articulaciones",
        "arrugas", "canas", "calvo", r"(?:camino de|casi|pronto) (?:la )?jubilaci[oó]n", r"bast[oó]n", "andador",
        r"aud[ií]fono", "extintor", "bomberos", "abuelo", "abuelito", r"residencia de (?:ancianos|mayores)", "carroza",
        "achaques", r"m[aá]s viej[oa]", r"m[aá]s velas que",
    ),
}
# Said to anyone, these are age jokes whatever the occasion.
AT_YOUR_AGE: Cues = {
    "en": (r"at your age", r"for (?:someone )?your age", r"about your age", r"(?:at|in) your time of life"),
    "de": (r"in (?:deinem|ihrem) alter", r"f[uü]r (?:dein|ihr) alter", r"über (?:dein|ihr) alter", r"in (?:deinen|ihren) jahren",
           r"bei menschen (?:\w+ ){0,4}nicht"),
    "fr": (r"(?:a|à|pour|sur) (?:votre|ton) [aâ]ge", r"[aà] \d+ ans,? (?:vous|tu) en (?:avez|as) (?:bien )?besoin"),
    "es": (r"(?:a|para|sobre) (?:tu|su) edad", r"a (?:tus|sus) a[nñ]os"),
}

SECOND_PERSON: Cues = {
    "en": ("you", "your", "yours", "you're", "you've", "you'd", "you'll", "yourself"),
    "de": ("du", "dich", "dir", "dein", "deine", "deinen", "deiner", "deinem", "sie", "ihnen", "ihr", "ihre",
           "ihren", "ihrem", "ihrer"),
    "fr": ("tu", "toi", "te", "ton", "ta", "tes", "vous", "votre", "vos"),
    # Spanish drops the pronoun: "pasaste", "estabas", "eres" address the reader on their own.
    "es": ("tu", "ti", "te", "tus", "usted", "su", "sus", r"\w{2,}(?:aste|iste|abas)", "estabas", "estás", "eres",
           "tienes", "quieres", "puedes", "has", "abres", "compras", "miras", "vienes", "pasas", "entras", "lees", "sueles"),
}
