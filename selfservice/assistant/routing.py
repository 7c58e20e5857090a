"""What kind of message is this, before any article is looked up: a crisis, an action on the citizen's duties,
a question about their own case, something another authority handles, or just a greeting.

Why before retrieval: these are the messages where a near-miss article would do harm. Someone writing that they
want to die must get the helpline numbers first, not a guide about sanctions; someone writing "cancel my meeting"
must learn that the chat cannot do it and where the explicit action with a receipt is (Datatilsynet 2024).

Phrases are matched on folded text (lower case, no accents), word by word, each word as a word beginning, so
"aflyse" also catches "aflyser" and "aflysning". Out-of-scope words must match whole words: "læge" must not catch
"lægeerklæring", which belongs to sickness benefit.
"""

from __future__ import annotations

from dataclasses import dataclass

from .text import words

CRISIS = "crisis"
ACTION = "action"
OWN_CASE = "own_case"
OUT_OF_SCOPE = "out_of_scope"
GREETING = "greeting"

CRISIS_PHRASES = [
    # da
    "selvmord",
    "tage mit eget liv",
    "tage mit liv",
    "slå mig selv ihjel",
    "vil ikke leve",
    "orker ikke at leve",
    "lyst til at dø",
    "vil dø",
    "skade mig selv",
    "gøre skade på mig selv",
    "skærer i mig selv",
    "cutter",
    "vold",
    "slår mig",
    "truer mig",
    "voldtaget",
    "voldtægt",
    # en
    "suicide",
    "suicidal",
    "kill myself",
    "end my life",
    "take my life",
    "want to die",
    "dont want to live",
    "self harm",
    "selfharm",
    "hurt myself",
    "cut myself",
    "violence",
    "violent",
    "beats me",
    "hits me",
    "abuses me",
    "raped",
    # uk
    "самогубств",
    "вбити себе",
    "покінчити з собою",
    "не хочу жити",
    "хочу померти",
    "зашкодити собі",
    "насильств",
    "б'є мене",
    "бьет мене",
    # pl
    "samobój",
    "zabić się",
    "zabije się",
    "odebrać sobie życie",
    "nie chcę żyć",
    "chcę umrzeć",
    "samookalecz",
    "zrobić sobie krzywdę",
    "przemoc",
    "bije mnie",
    "mnie bije",
    # ar
    "انتحار",
    "انتحر",
    "اقتل نفسي",
    "انهي حياتي",
    "لا اريد العيش",
    "اريد ان اموت",
    "اؤذي نفسي",
    "ايذاء نفسي",
    "عنف",
    "يضربني",
    # tr
    "intihar",
    "kendimi öldür",
    "yaşamak istemiyorum",
    "ölmek istiyorum",
    "kendime zarar",
    "şiddet",
    "beni dövüyor",
    "beni dovuyor",
    # so
    "isdil",
    "is dil",
    "naftayda qaato",
    "waxaan rabaa inaan dhinto",
    "is dhaawac",
    "rabshad",
    "i garaaca",
    "xadgudub",
    # fa
    "خودکشی",
    "خودمو بکشم",
    "خودم را بکشم",
    "نمیخواهم زندگی کنم",
    "میخواهم بمیرم",
    "به خودم آسیب",
    "خشونت",
    "کتکم میزند",
]

# Asking the chat to do something about a meeting: a verb that only means that ("aflys", "cancel") …
ACTION_VERBS = [
    "aflys",
    "flytte mødet",
    "flytte mit møde",
    "flyt mødet",
    "flyt mit møde",
    "flytte min samtale",
    "melde afbud",
    "melder afbud",
    "afbud",
    "sygemeld",
    "melder mig syg",
    "melde mig syg",
    "report sick",
    "call in sick",
    "calling in sick",
    "cancel",
    "reschedule",
    "move my meeting",
    "move the meeting",
    "change my appointment",
    "change my meeting",
    "скасувати",
    "скасуйте",
    "перенести зустріч",
    "перенесіть зустріч",
    "odwołać",
    "odwołuję",
    "odwolac",
    "przełożyć spotkanie",
    "przełożyć wizytę",
    "iptal",
    "ertele",
    "randevumu değiştir",
    "jooji ballanta",
    "baaji ballanta",
    "dib u dhig ballanta",
    "الغاء الموعد",
    "الغي",
    "الغاء",
    "الغي الموعد",
    "الغاء الاجتماع",
    "تاجيل الموعد",
    "اجل الموعد",
    "لغو",
    "کنسل",
    "جلسه را عقب",
    "وقت را عوض",
]
# … or a statement that one is ill or cannot come, together with a word for the meeting.
CANNOT_COME = [
    "jeg er syg",
    "melder mig syg",
    "melde mig syg",
    "kan ikke komme",
    "kommer ikke",
    "i am sick",
    "im sick",
    "i am ill",
    "im ill",
    "cant come",
    "cannot come",
    "can not come",
    "wont come",
    "report sick",
    "call in sick",
    "я захворів",
    "я захворіла",
    "я хворий",
    "я хвора",
    "не можу прийти",
    "не прийду",
    "jestem chory",
    "jestem chora",
    "nie mogę przyjść",
    "nie moge przyjsc",
    "nie przyjdę",
    "hastayım",
    "hastayim",
    "gelemem",
    "gelemiyorum",
    "gelemeyeceğim",
    "gelemeyecegim",
    "waan bukaa",
    "waan xanuunsanahay",
    "iman kari maayo",
    "imaan kari maayo",
    "انا مريض",
    "انا مريضة",
    "لا استطيع الحضور",
    "لن استطيع الحضور",
    "لن احضر",
    "بیمارم",
    "مریضم",
    "نمیتوانم بیایم",
    "نمی توانم بیایم",
    "نمیتونم بیام",
    "نمیام",
]
MEETING_WORDS = [
    "møde",
    "mødet",
    "samtale",
    "aftale",
    "meeting",
    "appointment",
    "зустріч",
    "прийом",
    "spotkanie",
    "wizyt",
    "toplantı",
    "toplanti",
    "randevu",
    "görüşme",
    "gorusme",
    "ballan",
    "kulan",
    "موعد",
    "اجتماع",
    "مقابلة",
    "جلسه",
    "قرار",
    "وقت",
    "i dag",
    "today",
    "tomorrow",
    "i morgen",
    "сьогодні",
    "завтра",
    "dzisiaj",
    "dzis",
    "jutro",
    "bugün",
    "yarın",
    "maanta",
    "berri",
    "اليوم",
    "غدا",
    "امروز",
    "فردا",
    "torsdag",
    "thursday",
]
# "How do I …" asks for the guide, not for the chat to act.
HOW_WORDS = [
    "hvordan",
    "hvad gør jeg",
    "how",
    "what do i do",
    "як",
    "що робити",
    "jak",
    "co zrobić",
    "nasıl",
    "nasil",
    "sidee",
    "maxaan sameeyaa",
    "كيف",
    "ماذا افعل",
    "چطور",
    "چطوری",
    "چگونه",
    "چیکار کنم",
]

OWN_CASE_PHRASES = {
    "meeting": [
        "mit næste møde",
        "min næste samtale",
        "mine næste møder",
        "hvornår er mit møde",
        "hvornår skal jeg til møde",
        "hvornår er min samtale",
        "hvornår skal jeg til samtale",
        "my next meeting",
        "my next appointment",
        "when is my meeting",
        "when is my appointment",
        "моя наступна зустріч",
        "наступна зустріч",
        "коли моя зустріч",
        "коли в мене зустріч",
        "moje następne spotkanie",
        "następne spotkanie",
        "kiedy mam spotkanie",
        "kiedy moje spotkanie",
        "موعدي القادم",
        "موعدي الجاي",
        "امتى موعدي",
        "متى موعدي",
        "اجتماعي القادم",
        "randevum ne zaman",
        "toplantım ne zaman",
        "bir sonraki randevum",
        "goorma ayay tahay ballanteyda",
        "ballanteyda xigta",
        "ballantayda xigta",
        "جلسه بعدی من",
        "جلسه بعدیم",
        "وقت ملاقات من",
        "قرار بعدیم",
    ],
    "plan": [
        "i min plan",
        "står i min plan",
        "mine aktiviteter",
        "mit mål",
        "in my plan",
        "my plan say",
        "my activities",
        "my goal",
        "у моєму плані",
        "в моєму плані",
        "w moim planie",
        "في خطتي",
        "بخطتي",
        "planımda ne",
        "planimda ne",
        "qorshahayga maxaa",
        "ku qoran qorshahayga",
        "توی برنامه من",
        "تو برنامه من",
        "در برنامه من",
    ],
    "form": [
        "mit skema",
        "mit forberedelsesskema",
        "læst mit skema",
        "modtaget mit skema",
        "my form",
        "read my form",
        "received my form",
        "мою анкету",
        "моя анкета",
        "mój formularz",
        "moj formularz",
        "استمارتي",
        "الاستمارة تبعي",
        "formumu",
        "formum",
        "foomkayga",
        "foomkeyga",
        "فرم من",
        "فرمم",
    ],
    "messages": [
        "mine beskeder",
        "svar fra min sagsbehandler",
        "my messages",
        "reply from my caseworker",
        "мої повідомлення",
        "moje wiadomości",
        "رسائلي",
        "mesajlarım",
        "fariimahayga",
        "پیام های من",
    ],
}

# Whole words, or word beginnings where marked with "*" (see the module docstring); each topic names the authority.
OUT_OF_SCOPE_WORDS = {
    "tax": [
        "skat",
        "skatten",
        "skattekort*",
        "forskudsopgørelse*",
        "årsopgørelse*",
        "tax",
        "taxes",
        "податок*",
        "податк*",
        "podat*",
        "ضريب*",
        "الضرائب",
        "vergi*",
        "canshuur*",
        "مالیات*",
    ],
    "housing": [
        "boligstøtte*",
        "husleje*",
        "housing",
        "rent",
        "apartment",
        "житло*",
        "mieszkani*",
        "السكن",
        "ايجار*",
        "الايجار",
        "kira*",
        "konut*",
        "kirada*",
        "مسکن*",
        "اجاره*",
    ],
    "residence": [
        "pas",
        "passet",
        "opholdstilladelse*",
        "statsborgerskab*",
        "passport*",
        "visa",
        "citizenship",
        "паспорт*",
        "віз*",
        "дозвіл на проживання",
        "посвідк*",
        "paszport*",
        "wiz*",
        "karta pobytu",
        "pobyt*",
        "جواز*",
        "الاقامة",
        "اقامة*",
        "اقامتي",
        "pasaport*",
        "vize*",
        "oturma izni*",
        "baasaboor*",
        "sharciga deganaanshaha",
        "deganaansh*",
        "پاسپورت*",
        "اقامت*",
        "ویزا*",
    ],
    "health": [
        "læge",
        "lægen",
        "tandlæge*",
        "hospital",
        "sygehus*",
        "medicin",
        "doctor",
        "dentist",
        "medicine",
        "лікар",
        "лікаря",
        "сімейного лікаря",
        "lekarz",
        "lekarza",
        "طبيب",
        "الطبيب",
        "مستشفى",
        "doktor*",
        "hastane*",
        "dhakhtar*",
        "isbitaal*",
        "دکتر*",
        "پزشک*",
        "بیمارستان*",
    ],
    "pension": [
        "folkepension*",
        "børnepenge*",
        "børnecheck*",
        "pension",
        "child benefit",
        "пенсія",
        "emerytur*",
        "معاش",
        "emeklilik*",
        "hawlgab*",
        "بازنشستگی*",
    ],
}

GREETING_WORDS = {
    "asc",
    "walaal",
    "salaam",
    "assalamu",
    "alaykum",
    "wa",
    "السلام",
    "ahlan",
    "vitam",
    "dobryj",
    "привет",
    "hej",
    "hejsa",
    "hey",
    "hi",
    "hello",
    "hallo",
    "goddag",
    "godmorgen",
    "god",
    "morgen",
    "dag",
    "tak",
    "mange",
    "thanks",
    "thank",
    "you",
    "good",
    "morning",
    "afternoon",
    "привіт",
    "добрий",
    "день",
    "дякую",
    "вітаю",
    "cześć",
    "dzień",
    "dobry",
    "dziękuję",
    "witam",
    "مرحبا",
    "عليكم",
    "اهلا",
    "شكرا",
    "صباح",
    "الخير",
    "merhaba",
    "selam",
    "teşekkürler",
    "teşekkür",
    "ederim",
    "günaydın",
    "salaan",
    "iska",
    "warran",
    "nabad",
    "mahadsanid",
    "سلام",
    "درود",
    "ممنون",
    "مرسی",
    "صبح",
    "بخیر",
    "assistent",
    "assistant",
}


@dataclass(frozen=True)
class Route:
    kind: str
    topic: str | None = None


def _folded_phrases(phrases: list[str]) -> list[list[str]]:
    return [words(phrase) for phrase in phrases if words(phrase)]


_CRISIS = _folded_phrases(CRISIS_PHRASES)
_ACTION_VERBS = _folded_phrases(ACTION_VERBS)
_CANNOT_COME = _folded_phrases(CANNOT_COME)
_MEETING_WORDS = _folded_phrases(MEETING_WORDS)
_HOW = _folded_phrases(HOW_WORDS)
_OWN_CASE = {topic: _folded_phrases(phrases) for topic, phrases in OWN_CASE_PHRASES.items()}
_OUT_OF_SCOPE = {
    topic: [(words(p.rstrip("*")), p.endswith("*")) for p in phrases] for topic, phrases in OUT_OF_SCOPE_WORDS.items()
}
_GREETING = {w for word in GREETING_WORDS for w in words(word)}


def _contains(message: list[str], phrase: list[str], whole_words: bool = False) -> bool:
    """The phrase's words appear in a row in the message, each as the beginning of a word (or the whole word)."""
    size = len(phrase)
    for start in range(len(message) - size + 1):
        window = message[start : start + size]
        if all(
            (word == part) if whole_words or len(part) < 4 else word.startswith(part)
            for word, part in zip(window, phrase, strict=True)
        ):
            return True
    return False


def _is_action(folded: list[str]) -> bool:
    """A request to the chat to act on a meeting, not a question about how to."""
    if any(_contains(folded, phrase) for phrase in _HOW):
        return False
    if any(_contains(folded, phrase) for phrase in _ACTION_VERBS):
        return True
    cannot_come = any(_contains(folded, phrase) for phrase in _CANNOT_COME)
    return cannot_come and any(_contains(folded, phrase) for phrase in _MEETING_WORDS)


def route(message: str) -> Route | None:
    """The route for a message, or None when the knowledge base should answer."""
    folded = words(message)
    if not folded:
        return Route(GREETING)
    if any(_contains(folded, phrase) for phrase in _CRISIS):
        return Route(CRISIS)
    if _is_action(folded):
        return Route(ACTION)
    for topic, phrases in _OWN_CASE.items():
        if any(_contains(folded, phrase) for phrase in phrases):
            return Route(OWN_CASE, topic)
    for topic, phrases in _OUT_OF_SCOPE.items():
        if any(_contains(folded, phrase, whole_words=not prefix) for phrase, prefix in phrases):
            return Route(OUT_OF_SCOPE, topic)
    if all(word in _GREETING for word in folded):
        return Route(GREETING)
    return None
