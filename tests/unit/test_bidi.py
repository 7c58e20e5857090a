"""Danish terms inside Arabic and Farsi stay whole and read left to right (selfservice/bidi.py): isolated in a
`<bdi dir="ltr">`, with non-breaking hyphens, in text only, and nothing changes for a left-to-right language."""

import pytest
from babel.messages.pofile import read_po
from markupsafe import Markup

from selfservice.bidi import catalogue_hyphens, danish, isolate_latin
from selfservice.catalogues import catalogue_path
from selfservice.guides.render import render_markdown
from selfservice.i18n import LANGUAGES

NB = "\u2011"
RTL = [code for code, language in LANGUAGES.items() if language.is_rtl]


def test_a_danish_title_is_isolated_left_to_right_and_escaped():
    html = danish('Forhøjet dagpengesats på 110 pct. for a-kasse <script>&"')
    assert str(html) == (
        f'<bdi lang="da" dir="ltr">Forhøjet dagpengesats på 110 pct. for a{NB}kasse &lt;script&gt;&amp;&#34;</bdi>'
    )


def test_danish_markup_keeps_its_tags_and_attributes():
    html = danish(Markup('<a href="https://a-kasse.dk" title="a-kasse">a-kasse</a>'))
    assert str(html) == f'<bdi lang="da" dir="ltr"><a href="https://a-kasse.dk" title="a-kasse">a{NB}kasse</a></bdi>'


def test_a_hyphen_between_digits_or_before_a_space_stays_ascii():
    assert str(danish("2023-24 og FVU- og AMU")) == '<bdi lang="da" dir="ltr">2023-24 og FVU- og AMU</bdi>'


@pytest.mark.parametrize("lang", RTL)
def test_a_term_in_an_arabic_script_sentence_is_isolated_with_a_nonbreaking_hyphen(lang):
    html = str(isolate_latin("تحصل عليها من صندوق البطالة (a-kasse) في Jobnet.", lang))
    assert html == f'تحصل عليها من صندوق البطالة (<bdi dir="ltr">a{NB}kasse</bdi>) في <bdi dir="ltr">Jobnet</bdi>.'


def test_words_joined_by_spaces_and_punctuation_are_one_run_brackets_and_lone_numbers_are_not():
    html = str(isolate_latin("اتصل بـ Lev Uden Vold أو Udbetaling Danmark / borger.dk (§ 97 a)", "ar"))
    assert '<bdi dir="ltr">Lev Uden Vold</bdi>' in html
    assert '<bdi dir="ltr">Udbetaling Danmark / borger.dk</bdi>' in html
    assert '(§ 97 <bdi dir="ltr">a</bdi>)' in html


def test_plain_text_is_escaped_before_it_is_isolated():
    html = str(isolate_latin("<i> & a-kasse", "fa"))
    assert html == f'&lt;<bdi dir="ltr">i</bdi>&gt; &amp; <bdi dir="ltr">a{NB}kasse</bdi>'


def test_only_text_between_tags_changes_never_a_tag_or_an_attribute():
    source = Markup('<p><a href="https://x.dk/a-kasse?q=a>b" title="Lev Uden Vold">صندوق a-kasse</a> A &amp; B</p>')
    html = str(isolate_latin(source, "ar"))
    assert html == (
        '<p><a href="https://x.dk/a-kasse?q=a>b" title="Lev Uden Vold">صندوق <bdi dir="ltr">a‑kasse</bdi></a> '
        '<bdi dir="ltr">A &amp; B</bdi></p>'
    )


def test_text_already_isolated_is_left_alone():
    source = Markup('قبل <bdi lang="da" dir="ltr">Lov om a-kasser</bdi> بعد')
    assert isolate_latin(source, "ar") == source
    assert isolate_latin(isolate_latin("في a-kasse", "ar"), "ar") == isolate_latin("في a-kasse", "ar")


@pytest.mark.parametrize("lang", [code for code in LANGUAGES if code not in RTL])
def test_left_to_right_languages_are_untouched(lang):
    assert isolate_latin("Din a-kasse & Jobnet", lang) == Markup("Din a-kasse &amp; Jobnet")
    assert isolate_latin(Markup("<em>a-kasse</em>"), lang) == Markup("<em>a-kasse</em>")


def test_a_rendered_arabic_guide_isolates_its_terms_but_keeps_links_ids_and_footnotes():
    source = "## عن a-kasse\n\nاسأل صندوق البطالة (*a-kasse*) أو [Jobnet](https://job-net.dk/a-b)[^2].\n"
    html = str(render_markdown(source, "المصدر", "ar"))
    assert '<h2 id="section-1">عن <bdi dir="ltr">a‑kasse</bdi></h2>' in html
    assert '(<em><bdi dir="ltr">a‑kasse</bdi></em>)' in html
    assert '<a href="https://job-net.dk/a-b" rel="noopener noreferrer"><bdi dir="ltr">Jobnet</bdi></a>' in html
    assert '<a href="#source-2"><span class="sr-only">المصدر </span>2</a>' in html


def test_a_rendered_danish_or_english_guide_is_unchanged():
    source = "## Om a-kasse\n\nSpørg din a-kasse[^1]."
    assert render_markdown(source, "Kilde", "da") == render_markdown(source, "Kilde")
    assert "<bdi" not in render_markdown(source, "Kilde", "da")
    assert "a-kasse" in render_markdown(source, "Source", "en")


def test_catalogue_hyphens_keep_placeholders_and_addresses():
    text = "اسأل a-kasse %(name)s على https://lev-uden-vold.dk أو kontakt@a-kasse.dk"
    assert catalogue_hyphens(text) == f"اسأل a{NB}kasse %(name)s على https://lev-uden-vold.dk أو kontakt@a-kasse.dk"


@pytest.mark.parametrize("lang", RTL)
def test_no_right_to_left_translation_has_an_ascii_hyphen_inside_a_latin_word(lang):
    """A catalogue cannot carry <bdi>; run scripts/nonbreaking_hyphens.py to fix what this finds."""
    with catalogue_path(lang).open("rb") as handle:
        catalog = read_po(handle)
    found = [
        string
        for message in catalog
        if message.id
        for string in (message.string if isinstance(message.string, tuple | list) else [message.string])
        if catalogue_hyphens(string) != string
    ]
    assert found == []
