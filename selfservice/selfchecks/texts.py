"""What each self-check says: its title, what the outcome means, the reasons and next steps the rules name, and
the sources behind them. Codes come from `rules.selfchecks`; the words live here so that every one is translatable.
"""

from flask_babel import lazy_gettext as _l

TITLES = {
    "uddannelsesloeft": _l("Can I get vocational education on 110 percent of dagpenge?"),
    "seks-ugers-jobrettet-uddannelse": _l("Do I have the right to six weeks of job-oriented education?"),
    "moede": _l("I can't come to my meeting – what should I do?"),
}
INTROS = {
    "uddannelsesloeft": _l(
        "A few questions about your benefit, your age and your education. At the end you see whether you probably "
        "meet the conditions for uddannelsesløft, and why."
    ),
    "seks-ugers-jobrettet-uddannelse": _l(
        "A few questions about your benefit, your education, your age and how long you have been unemployed. At the "
        "end you see whether you probably have the right to six weeks of job-oriented education, and why."
    ),
    "moede": _l(
        "A few questions about why you cannot come and when the meeting is. At the end you see what you should do, "
        "step by step."
    ),
}
GUIDES = {
    "uddannelsesloeft": "uddannelsesloeft",
    "seks-ugers-jobrettet-uddannelse": "seks-ugers-jobrettet-uddannelse",
    "moede": "afbud-og-sygdom",
}
VERDICTS = {
    "likely": _l("You probably meet the conditions"),
    "possibly": _l("You may meet the conditions"),
    "unlikely": _l("You probably do not meet the conditions"),
    "advice": _l("What you should do"),
}
REASONS = {
    "needs_dagpenge": _l(
        "Uddannelsesløft is for people who receive dagpenge. Job-ready recipients of kontanthjælp "
        "can sometimes get part of a vocational education through the jobcentre."
    ),
    "under_30": _l("You must be 30 or older. You may have other options: ask your jobcentre or a-kasse."),
    "higher_education": _l(
        "Uddannelsesløft is for people who are unskilled or whose vocational education is "
        "outdated. With a higher education you can ask about other courses."
    ),
    "education_in_use": _l(
        "Your vocational education is not outdated, because you have used it within the last "
        "5 years. You may still get other courses: ask your a-kasse or jobcentre."
    ),
    "kontanthjaelp_pool": _l(
        "If you receive kontanthjælp and are job-ready, the jobcentre can let you take the basic "
        "course of a vocational education. This is not on 110 percent of dagpenge."
    ),
    "rule_80_only": _l(
        "You seem to meet the conditions for uddannelsesløft on up to 80 percent of dagpenge. The 110 percent rate "
        "applies only to educations on the positive list."
    ),
    "meets_110": _l(
        "You are 30 or older, unskilled or with an outdated education, receive dagpenge, and the "
        "education is on the positive list. Those are the conditions for 110 percent of dagpenge."
    ),
    "check_positive_list": _l(
        "Everything else fits. Whether you can get 110 percent depends on whether the education is on "
        "the positive list; otherwise up to 80 percent may apply."
    ),
    "pool_abolished": _l(
        "The education is not on the positive list. The pool that paid up to 80 percent of dagpenge for such "
        "educations was abolished in 2026. Ask your jobcentre or a-kasse whether anything else is possible."
    ),
    "check_positive_list_only": _l(
        "Everything else fits. Whether you can get 110 percent depends on whether the education is on the positive "
        "list. Ask your jobcentre or a-kasse."
    ),
    "needs_dagpenge_or_ledighedsydelse": _l(
        "The right is for people who receive dagpenge, or who are approved for a flex job and unemployed."
    ),
    "education_too_long": _l(
        "The right is for people who are unskilled, have a vocational education, or have a "
        "short higher education together with a vocational education. You can ask your "
        "jobcentre about the regional education pool instead."
    ),
    "deadline_6_months": _l("Under 25, the course must be finished within your first 6 months of unemployment."),
    "deadline_9_months": _l(
        "From the age of 25, the course must be finished within your first 9 months of unemployment."
    ),
    "wait_5_weeks": _l(
        "As a rule you can start after 5 weeks of unemployment. Some courses on the list can be "
        "started from the first day."
    ),
    "meets_six_weeks": _l(
        "Your benefit and your education fit the conditions, and you are within the time limit. "
        "The course must be on the national positive list."
    ),
    "decides_akasse": _l("Your a-kasse decides whether you get it. Contact them before you sign up."),
    "decides_jobcentre": _l("Your jobcentre decides whether you get it. Contact them before you sign up."),
    "meetings_usually_required": _l(
        "When you receive a benefit, you usually have a duty to come to the meetings "
        "the jobcentre calls you to. If you are unsure, ask before the meeting."
    ),
    "video_voluntary": _l(
        "A meeting by video is always voluntary, and you can go back to meeting in person at any time."
    ),
    "illness_is_a_reason": _l("Being ill is a reason for not coming. Tell the jobcentre before the meeting starts."),
    "job_interview_or_work": _l(
        "A job interview or work is usually a good reason to move a meeting. The jobcentre decides."
    ),
    "explain_reason": _l("Tell the jobcentre why you cannot come. They decide whether the reason is reasonable."),
}
STEPS = {
    "report_sick_in_app": _l(
        "Open the meeting under “Your meetings”, choose “Tell us you cannot come, or report that you are ill” and "
        "then “I am ill”. You get a receipt, and your caseworker is told at once."
    ),
    "ask_to_move": _l(
        "Open the meeting under “Your meetings” and choose “Ask to move the meeting”, or “Tell us you cannot come, "
        "or report that you are ill”, with your reason. You get a receipt, and your caseworker is told at once."
    ),
    "phone_today": _l("The meeting is soon: also phone the jobcentre, so they know in time."),
    "tell_akasse_sick": _l(
        "You receive dagpenge: also tell your a-kasse on the first day you are ill, the way your a-kasse asks you to."
    ),
    "what_happens_sick": _l(
        "Your caseworker will offer you a new time. You do not need to do anything else until you hear from them."
    ),
    "go_unless_moved": _l(
        "Until the jobcentre has answered that the meeting is moved, the meeting still stands. If "
        "you hear nothing, phone them."
    ),
    "ask_caseworker": _l("Write to your caseworker or phone the jobcentre and ask whether you must come."),
    "read_meetings_guide": _l("Read the guide about conversations and meetings."),
    "first_meeting_in_person": _l(
        "The first conversation is usually in person. After that you can agree on video with your caseworker."
    ),
}
SOURCES = {
    "uddannelsesloeft": [
        (
            "STAR: Positivlister – se, hvilke kurser og uddannelser du kan få adgang til",
            "https://star.dk/til-borgere/hjaelp-til-jobsoegning/positivlister-se-hvilke-kurser-og-uddannelser-du-kan-faa-adgang-til/",
        ),
        (
            "STAR: Midlertidig ret til uddannelsesløft inden for mangelområder",
            "https://www.star.dk/indsatser-og-ordninger/jobrettet-voksen-og-efteruddannelse-veu/uddannelser-for-ledige/"
            "ordninger-jobrettet-veu/uddannelsesloeft/midlertidig-ret-til-uddannelsesloeft-inden-for-mangelomraeder/",
        ),
    ],
    "seks-ugers-jobrettet-uddannelse": [
        (
            "STAR: Positivlister – se, hvilke kurser og uddannelser du kan få adgang til",
            "https://star.dk/til-borgere/hjaelp-til-jobsoegning/positivlister-se-hvilke-kurser-og-uddannelser-du-kan-faa-adgang-til/",
        ),
    ],
    "moede": [
        (
            "Forvaltningsloven § 7 (vejledningspligt) og § 8 (bisidder)",
            "https://www.retsinformation.dk/eli/lta/2014/433",
        ),
    ],
}
