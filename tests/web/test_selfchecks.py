"""The self-checks as a citizen walks them: one question per page, errors beside the field, answers kept and
changeable, nothing personal in the address, and a result with reasons, sources and who really decides."""

from datetime import date

from tests.helpers import csrf_token, page


def answer(client, name, key, token, **data):
    return client.post(f"/self-checks/{name}/{key}?lang=en", data={"csrf_token": token, **data})


def start(client, name):
    token = csrf_token(client, f"/self-checks/{name}?lang=en")
    response = client.post(f"/self-checks/{name}/restart", data={"csrf_token": token})
    return token, response


def test_the_uddannelsesloeft_check_walks_one_question_per_page_to_a_sourced_result(client):
    token, response = start(client, "uddannelsesloeft")
    assert response.headers["Location"].endswith("/self-checks/uddannelsesloeft/benefit")
    steps = [
        ("benefit", {"answer": "dagpenge"}, "birth_date"),
        ("birth_date", {"birth_day": "1", "birth_month": "12", "birth_year": str(date.today().year - 30)}, "education"),
        ("education", {"answer": "unskilled"}, "positive_list"),
        ("positive_list", {"answer": "yes"}, "result"),
    ]
    for key, data, following in steps:
        html = page(client.get(f"/self-checks/uddannelsesloeft/{key}?lang=en"))
        assert len(html.select("form input[type=radio], form input[name=birth_day]")) >= 1
        response = answer(client, "uddannelsesloeft", key, token, **data)
        assert response.status_code == 302
        location = response.headers["Location"]
        assert location.endswith(f"/self-checks/uddannelsesloeft/{following}")
        assert "?" not in location  # the answers stay on the server, never in the address
    result = page(client.get("/self-checks/uddannelsesloeft/result?lang=en"))
    assert result.h1.get_text(strip=True) == "You probably meet the conditions"
    text = result.get_text(" ")
    assert "Only your jobcentre or a-kasse can decide in your case" in text
    assert "Those are the conditions for 110 percent of dagpenge" in text
    assert result.find("a", href=lambda h: h and h.startswith("https://star.dk/"))
    assert result.find("a", href="/guides/uddannelsesloeft")
    assert result.find("a", href=lambda h: h and h.startswith("/login"))  # ask the caseworker after signing in


def test_a_missing_answer_is_explained_beside_the_question(client):
    token, _ = start(client, "moede")
    response = answer(client, "moede", "reason", token)
    assert response.status_code == 422
    html = page(response)
    assert html.find(class_="error-summary").find("a", href="#answer-0")
    assert html.find(class_="form-error-message").get_text(strip=True).endswith("Choose one of the answers")
    assert html.h1.get_text(strip=True) == "Why can't you come?"


def test_a_mistyped_birth_date_is_kept_and_explained(client):
    token, _ = start(client, "seks-ugers-jobrettet-uddannelse")
    answer(client, "seks-ugers-jobrettet-uddannelse", "benefit", token, answer="dagpenge")
    answer(client, "seks-ugers-jobrettet-uddannelse", "education", token, answer="vocational")
    response = answer(
        client,
        "seks-ugers-jobrettet-uddannelse",
        "birth_date",
        token,
        birth_day="31",
        birth_month="2",
        birth_year="1990",
    )
    assert response.status_code == 422
    html = page(response)
    assert html.find("input", attrs={"name": "birth_day"})["value"] == "31"
    assert "for example 27 3 1990" in html.find(class_="form-error-message").get_text()


def test_the_back_link_and_change_your_answers_lead_to_earlier_questions_with_the_answer_kept(client):
    token, _ = start(client, "moede")
    answer(client, "moede", "reason", token, answer="ill")
    html = page(client.get("/self-checks/moede/when?lang=en"))
    assert html.find("a", class_="back-link")["href"] == "/self-checks/moede/reason"
    again = page(client.get("/self-checks/moede/reason?lang=en"))
    assert again.find("input", value="ill").has_attr("checked")


def test_the_meeting_check_points_an_ill_citizen_to_the_explicit_sick_report_and_the_a_kasse(client):
    token, _ = start(client, "moede")
    answer(client, "moede", "reason", token, answer="ill")
    answer(client, "moede", "when", token, answer="today")
    answer(client, "moede", "benefit", token, answer="dagpenge")
    html = page(client.get("/self-checks/moede/result?lang=en"))
    steps = [li.get_text(" ", strip=True) for li in html.select("ol.result-steps > li")]
    assert steps[0].startswith(
        "Open the meeting under “Your meetings”, choose “Tell us you cannot come, or report that you are ill”"
    )
    assert any("tell your a-kasse" in step for step in steps)
    assert html.find("a", href="/me/meetings/")


def test_starting_again_forgets_the_answers(client):
    token, _ = start(client, "moede")
    answer(client, "moede", "reason", token, answer="video")
    assert client.get("/self-checks/moede/result").status_code == 200
    start(client, "moede")
    assert client.get("/self-checks/moede/result").headers["Location"].endswith("/self-checks/moede/reason")


def test_unknown_self_checks_and_questions_are_not_found(client):
    assert client.get("/self-checks/nothing").status_code == 404
    assert client.get("/self-checks/moede/birth_date").status_code == 404


def test_the_self_checks_work_in_arabic_right_to_left(client):
    html = page(client.get("/self-checks/uddannelsesloeft?lang=ar"))
    assert html.html["dir"] == "rtl" and html.html["lang"] == "ar"


def test_questions_and_results_that_show_the_answers_are_never_cached(client):
    """A library PC's back button or disk cache must not show the next person a date of birth (review F12)."""
    token, _ = start(client, "uddannelsesloeft")
    answer(client, "uddannelsesloeft", "benefit", token, answer="dagpenge")
    answer(client, "uddannelsesloeft", "birth_date", token, birth_day="3", birth_month="9", birth_year="1974")
    question = client.get("/self-checks/uddannelsesloeft/birth_date?lang=en")
    assert page(question).find("input", attrs={"name": "birth_year"})["value"] == "1974"
    assert question.headers["Cache-Control"] == "no-store"
    answer(client, "uddannelsesloeft", "education", token, answer="unskilled")
    answer(client, "uddannelsesloeft", "positive_list", token, answer="yes")
    result = client.get("/self-checks/uddannelsesloeft/result?lang=en")
    assert result.status_code == 200 and result.headers["Cache-Control"] == "no-store"
