"""Words that carry no meaning for finding an article ("how", "can", "I", "the"), per language, in folded form.

Why by hand and short: a question like "hvor lang tid tager det" must be matched on what it is about, not on
"hvor" and "det"; the lists hold only the commonest function words, so no topic word is ever dropped.
"""

from .text import fold

_WORDS = {
    "da": "jeg du han hun vi de den det der en et og i på at til af for med er var har have kan kunne skal skulle vil "
    "ville må mig min mit mine dig din dit dine sig sin hvad hvor hvordan hvornår hvem hvilken hvilke hvis om ikke "
    "også så som men eller fra når noget nogen få får være blive bliver hej tak lige bare meget mere lang længe tid "
    "tager sker ske gør gøre gang nu dag dage går gå hvorfor",
    "en": "i you he she we they it the a an and or of to in on at for with is are was were be been have has had can "
    "could shall should will would may might must my me mine your yours what where how when who which if not also "
    "so as but from do does did get got about any some there this that please hi hello long time take takes "
    "happen happens why now",
    "pl": "ja ty on ona my wy oni to ten ta te i w na do z ze o od po za czy jak co gdzie kiedy kto jest są być mam "
    "mogę moge można mozna mój moj moja moje się sie nie tak ale lub albo dla przez jeśli jesli czy",
    "uk": "я ти він вона ми ви вони це той та те і й в у на до з із о про від за чи як що де коли хто є бути мені мене "
    "мій моя моє мої себе не так але або для через якщо можна можу",
    "tr": "ben sen o biz siz onlar bu şu ve veya ile de da mi mı mu mü ne nasıl nerede ne zaman kim hangi var yok "
    "bir için gibi ama eğer çok daha ben benim bana beni olur olarak mı",
    "so": "waxaan waxaad wuxuu waxay aan ma maxaa sidee goorma xagee yaa iyo ama in ku ka la u ee oo ah waa baa ayaa "
    "miyaa haddii sida aad ayaan",
    "ar": "انا انت هو هي نحن هم هذا هذه ذلك في على الى من عن مع و او ثم ما ماذا كيف متى اين من هل لا نعم ان اذا "
    "كان يكون لي عندي",
    "fa": "من تو او ما شما آنها این آن در به از با و یا که را چه چطور کی کجا چرا آیا هست است نیست بود برای اگر می هم",
}

STOPWORDS = {word for text in _WORDS.values() for word in fold(text).split()}
