"""Error messages in French: what is wrong, and where, in the reader's language.

Under ``aiecosys.language("fr")`` an error names its file, entry and field
in French words, and says what is wrong in French; the English messages stay
exactly as they were, and the exceptions' types and attributes do not change.
"""

from __future__ import annotations

import pytest

import aiecosys
from aiecosys import DataError, Money, ParseError, Problem, loads
from tests.kinds_support import claims_document


NBSP = "\u00a0"
NNBSP = "\u202f"

_FLOAT_AMOUNT = """
[sources.s]
title = "A seed round"

[[organisations]]
name = "Mistral AI"
kind = "company"
sources = ["s"]

[[rounds]]
organisation = "Mistral AI"
kind = "seed"
announced = "2023-06"
amount = 105000000.5
sources = ["s"]
"""


def _problems(text: str) -> DataError:
    with pytest.raises(DataError) as caught:
        loads(text, file="kb.toml")
    return caught.value


def test_a_problem_names_its_place_in_french() -> None:
    """File, entry and field are named in French, with French colons."""
    problem = Problem("x", file="kb.toml", entry="mistral-ai", field="amount")
    with aiecosys.language("fr"):
        assert str(problem) == (
            f"kb.toml{NBSP}: entrée 'mistral-ai', champ 'amount'{NBSP}: x"
        )
        assert str(Problem("x", entry="e")) == f"entrée 'e'{NBSP}: x"
        assert str(Problem("x", field="f")) == f"champ 'f'{NBSP}: x"
        assert str(Problem("x", file="kb.toml")) == f"kb.toml{NBSP}: x"
        assert str(Problem("x")) == "x"
    assert str(problem) == "kb.toml: entry 'mistral-ai', field 'amount': x"


def test_the_count_of_problems_is_french_singular_or_plural() -> None:
    """French counts one problem in the singular, two in the plural."""
    with aiecosys.language("fr"):
        one = DataError([Problem("x")])
        two = DataError([Problem("x"), Problem("y")])
    assert str(one).splitlines()[0] == f"1 problème trouvé{NBSP}:"
    assert str(two).splitlines()[0] == f"2 problèmes trouvés{NBSP}:"
    assert str(DataError([Problem("x")])).splitlines()[0] == "1 problem found:"


def test_a_bare_float_for_money_is_refused_in_french() -> None:
    """A float amount: the advice to quote it, in French, with the entry and field."""
    with aiecosys.language("fr"):
        error = _problems(_FLOAT_AMOUNT)
    (problem,) = error.problems
    assert (problem.file, problem.entry, problem.field) == (
        "kb.toml",
        "rounds[0]: Mistral AI, 2023-06",
        "amount",
    )
    assert problem.message == (
        "105000000.5 est un nombre à virgule flottante, qui ne peut représenter "
        "exactement la plupart des valeurs décimales"
        f"{NBSP}: écrivez un montant sous forme de texte, par exemple "
        '"105000000.5"'
    )
    assert str(error).startswith(
        f"1 problème trouvé{NBSP}:\n  - kb.toml{NBSP}: entrée 'rounds[0]: Mistral AI, "
        f"2023-06', champ 'amount'{NBSP}: 105000000.5 est"
    )
    english = _problems(_FLOAT_AMOUNT).problems[0].message
    assert english == (
        "105000000.5 is a float, which cannot hold most decimal values exactly: "
        'write an amount of money as a string, for example "105000000.5"'
    )


def test_an_unknown_key_of_a_knowledge_base_is_named_in_french() -> None:
    """An unknown top-level key and an unknown field: both named, in French."""
    text = '[[organisations]]\nname = "X"\nkind = "company"\ncolour = "red"\n'
    with aiecosys.language("fr"):
        error = _problems(text + '\n[people_list]\nx = "y"\n')
    messages = {(p.entry, p.field): p.message for p in error.problems}
    assert messages[("people_list", None)].startswith(
        f"clé de premier niveau inconnue 'people_list'{NNBSP}; clés attendues{NBSP}: "
        "organisations, people, "
    )
    assert messages[("organisations[0]: X", "colour")].startswith(
        f"champ inconnu 'colour'{NNBSP}; Organisation accepte name, kind, "
    )


def test_a_bad_date_is_refused_in_french() -> None:
    """A date that cannot be read says how to write it, in French."""
    text = '[sources.s]\ntitle = "T"\naccessed = "1 March 2024"\n'
    with aiecosys.language("fr"):
        error = _problems(text)
    (problem,) = error.problems
    assert (problem.entry, problem.field) == ("sources.s", "accessed")
    assert problem.message == (
        f"impossible de lire '1 March 2024' comme une date{NNBSP}; "
        "écrivez-la sous la forme '2024-03-01'"
    )


def test_a_number_with_two_readings_asks_for_a_locale_in_french() -> None:
    """'1.500' could be 1,500 or 1.5: the advice to give a locale, in French."""
    with aiecosys.language("fr"), pytest.raises(ParseError) as caught:
        Money.parse("1.500 EUR")
    assert str(caught.value) == (
        f"impossible de lire '1.500 EUR' comme un montant{NBSP}: '1.500' peut valoir "
        "1,500 (le point groupe les milliers en de, it, es, nl, pt) ou 1.500 "
        f"(le point est le séparateur décimal en en){NNBSP}; donnez lang= ou "
        "locale=, ou écrivez 1500 ou 1.500"
    )


def test_a_file_adds_its_locale_key_to_the_advice_in_french() -> None:
    """In a file, the advice names the file's ``locale`` key, in French too."""
    text = _FLOAT_AMOUNT.replace("105000000.5", '"€1.500"')
    with aiecosys.language("fr"):
        error = _problems(text)
    assert error.problems[0].message.endswith(
        f"ou écrivez 1500 ou 1.500{NNBSP}; dans un fichier, donnez sa locale en "
        'tête, comme locale = "en" ou locale = "fr"'
    )
    english = _problems(text).problems[0].message
    assert english.endswith(
        "or write 1500 or 1.500; in a file, give its locale at the top, such as "
        'locale = "en" or locale = "fr"'
    )


def test_a_file_that_is_not_regular_is_refused_in_french() -> None:
    """A device is refused, with the file named, in French."""
    from aiecosys._reading import read_bytes

    with aiecosys.language("fr"), pytest.raises(DataError) as caught:
        read_bytes("/dev/zero")
    assert str(caught.value).splitlines()[1] == (
        f"  - /dev/zero{NBSP}: impossible de lire un périphérique{NNBSP}; "
        "donnez le chemin d’un fichier ordinaire"
    )


def test_an_unknown_currency_is_refused_in_french() -> None:
    """An unknown code: the suggestion and the advice, in French."""
    with aiecosys.language("fr"), pytest.raises(aiecosys.CurrencyError) as caught:
        Money("1", "EUROS")
    assert str(caught.value) == (
        f"code de devise inconnu 'EUROS'{NBSP}: peut-être 'EUR'{NNBSP}? Écrivez un "
        "code ISO 4217 de trois lettres majuscules, comme 'EUR', 'USD' ou 'CNY'"
    )
    with pytest.raises(aiecosys.CurrencyError) as english:
        Money("1", "EUROS")
    assert str(english.value) == (
        "unknown currency code 'EUROS': did you mean 'EUR'? write a three-letter "
        "ISO 4217 code in capitals, such as 'EUR', 'USD' or 'CNY'"
    )


def test_money_without_a_currency_is_refused_in_french() -> None:
    """Text with no currency says so in French; read as an amount, it is a quantity.

    A reader of amounts tries money, then a quantity, and tells of the
    quantity when the text has no currency: in French as in English.
    """
    from aiecosys._compare import read_amount

    with aiecosys.language("fr"), pytest.raises(ParseError) as caught:
        Money.parse("385 millions")
    with aiecosys.language("fr"), pytest.raises(ParseError) as as_amount:
        read_amount("385 millions")
    with pytest.raises(ParseError) as in_english:
        read_amount("385 millions")
    assert "as a quantity" in str(in_english.value)
    assert "aucune devise" not in str(as_amount.value)
    assert str(caught.value) == (
        f"impossible de lire '385 millions' comme un montant{NBSP}: aucune devise "
        f"trouvée{NNBSP}; ajoutez un code, un symbole ou un nom, comme 'EUR', '€' "
        "ou 'euros'"
    )


def test_two_currencies_are_not_added_in_french() -> None:
    """Adding euros to dollars: the advice to convert, in French."""
    with (
        aiecosys.language("fr"),
        pytest.raises(aiecosys.CurrencyMismatchError) as caught,
    ):
        Money(1, "EUR") + Money(2, "USD")
    assert str(caught.value) == (
        f"impossible d’additionner EUR et USD sans conversion{NBSP}: convertissez "
        "d’abord l’un des montants à une date donnée, par exemple "
        "Money('2', 'USD').to('EUR', on=date(2023, 12, 11))"
    )


def _claims_problems(check: object, **claim: object) -> list[Problem]:
    """The problems of a claims document with one claim, in French."""
    document = claims_document(check, claim)
    with aiecosys.language("fr"), pytest.raises(DataError) as caught:
        aiecosys.claims_from_document(document, aiecosys.Ecosystem(), file="c.toml")
    return list(caught.value.problems)


def test_an_unknown_check_kind_is_named_in_french() -> None:
    """A claim's unknown check kind: the claim and the field named, in French."""
    (problem,) = _claims_problems({"kind": "size"})
    assert (problem.file, problem.entry, problem.field) == (
        "c.toml",
        "c1",
        "check.kind",
    )
    assert problem.message.startswith(
        f"type de vérification inconnu 'size'{NNBSP}; utilisez l’un de ceux-ci{NBSP}: "
    )


def test_a_margin_of_days_that_is_not_whole_is_refused_in_french() -> None:
    """A tolerance of 1.5 days is refused in French, the field named."""
    check = {"kind": "value", "measure": {"of": "Yi-34B", "field": "parameters"}}
    problems = _claims_problems({**check, "stated": "34B", "tolerance": "1.5 days"})
    messages = {problem.field: problem.message for problem in problems}
    assert messages["check.tolerance"] == (
        "une marge de 1.5 jours n’est pas un nombre entier de jours, et une marge "
        f"en jours n’est jamais arrondie{NBSP}: écrivez des jours entiers, comme "
        "'2 days'"
    )


def test_quantities_of_different_dimensions_are_not_added_in_french() -> None:
    """Parameters plus tokens: both quantities named, in French."""
    with (
        aiecosys.language("fr"),
        pytest.raises(aiecosys.DimensionMismatchError) as caught,
    ):
        aiecosys.parameters(7e9) + aiecosys.tokens(7e9)
    assert str(caught.value) == (
        f"impossible d’additionner [parameter] et [token]{NBSP}: "
        "7,000,000,000.0 parameter et 7,000,000,000.0 token mesurent des choses "
        "différentes"
    )


def test_an_unknown_organisation_is_named_with_a_hint_in_french() -> None:
    """A look-up of a misspelt name: the suggestion, in French."""
    eco = aiecosys.load_article().ecosystem
    with aiecosys.language("fr"), pytest.raises(aiecosys.UnknownEntityError) as caught:
        eco.organisation("Mistal AI")
    assert str(caught.value) == (
        f"aucune organisation ne s’appelle 'Mistal AI' (peut-être 'Mistral AI'{NNBSP}?)"
    )


def test_an_unknown_reference_of_a_knowledge_base_is_named_in_french() -> None:
    """A round of an unknown organisation: entry, field and message in French."""
    text = _FLOAT_AMOUNT.replace("105000000.5", '"105000000 EUR"').replace(
        'organisation = "Mistral AI"', 'organisation = "Mistal AI"'
    )
    with aiecosys.language("fr"):
        error = _problems(text)
    (problem,) = error.problems
    assert (problem.entry, problem.field) == (
        "rounds[0]: Mistal AI, 2023-06",
        "organisation",
    )
    assert problem.message == (
        f"organisation inconnue 'Mistal AI' (peut-être 'Mistral AI'{NNBSP}?)"
    )


def test_a_conversion_date_given_as_text_is_refused_in_french() -> None:
    """A rate asked for with a date as text: the advice to pass a date, in French."""
    import aiecosys.fx

    with aiecosys.language("fr"), pytest.raises(aiecosys.DateError) as caught:
        aiecosys.fx.rate("USD", "EUR", on="2023-11-06")  # type: ignore[arg-type]
    assert str(caught.value) == (
        f"on doit être un datetime.date, pas le str '2023-11-06'{NNBSP}; un texte "
        f"n’est jamais lu comme une date ici{NBSP}: passez date(2023, 11, 6)"
    )


def test_an_unusable_source_key_is_refused_in_french() -> None:
    """A source key with a space: the field named and the rule, in French."""
    with aiecosys.language("fr"), pytest.raises(DataError) as caught:
        aiecosys.Source("bad key", title="T")
    (problem,) = caught.value.problems
    assert problem.field == "key"
    assert problem.message.startswith(
        f"'bad key' n’est pas une clé utilisable{NBSP}: employez des lettres"
    )


def test_a_fact_resting_on_reference_works_is_told_in_french() -> None:
    """The warning of ``aiecosys sources --weak``, in French."""
    from aiecosys._source_quality import weak_facts

    text = (
        '[sources.wiki]\ntitle = "An encyclopedia"\nkind = "reference"\n\n'
        '[[organisations]]\nname = "X"\nkind = "company"\nsources = ["wiki"]\n'
    )
    (weak,) = weak_facts(loads(text))
    with aiecosys.language("fr"):
        assert weak.message == (
            "ne repose que sur des ouvrages de référence ou des agrégateurs "
            f"(wiki{NBSP}: reference){NNBSP}; citez une source primaire ou de presse"
        )


def test_a_rate_before_its_series_is_unavailable_in_french() -> None:
    """A rate before the first one: what the series covers, in French."""
    from datetime import date

    with (
        aiecosys.language("fr"),
        pytest.raises(aiecosys.RateUnavailableError) as caught,
    ):
        Money(1, "CNY").to("EUR", on=date(2003, 1, 1))
    assert str(caught.value).startswith(
        f"aucun taux CNY au 1er janv. 2003{NBSP}: c’est avant le premier{NNBSP}; "
        "les taux CNY couvrent du 1er avr. 2005 au "
    )


def test_an_end_before_its_start_is_refused_in_french() -> None:
    """An office closed before it opened: the two dates, in French."""
    from aiecosys import Office, PartialDate

    with aiecosys.language("fr"), pytest.raises(DataError) as caught:
        Office("Paris", opened=PartialDate(2024), closed=PartialDate(2023))
    (problem,) = caught.value.problems
    assert problem.field == "closed"
    assert problem.message == "se termine (2023) avant de commencer (2024)"


def test_a_country_that_is_not_a_code_is_refused_in_french() -> None:
    """A country written out: the advice to write its code, in French."""
    from aiecosys import Office

    with aiecosys.language("fr"), pytest.raises(DataError) as caught:
        Office("Paris", country="France")
    assert caught.value.problems[0].message == (
        f"'France' n’est pas un code de pays ISO 3166{NBSP}: écrivez deux lettres "
        "majuscules, comme 'FR', 'CN', 'US' ou 'TW'"
    )
