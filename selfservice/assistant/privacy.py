"""Masking what a citizen should not have typed, before anything is stored.

Why mask rather than refuse: people paste a CPR number or a phone number without thinking. The question still
deserves an answer; the number must never reach the database, the admin page or a log.
"""

import re

# CPR: six digits for the date of birth, an optional dash or space, four digits.
CPR = re.compile(r"(?<!\d)\d{6}[ -]?\d{4}(?!\d)")
EMAIL = re.compile(r"[\w.+-]+@[\w-]+(\.[\w-]+)+", re.UNICODE)
# Phone numbers: an optional +country code, then at least eight digits, in groups or not.
PHONE = re.compile(r"(?<![\w+])(?:(?:\+|00)\d{1,3} ?)?(?:\d ?){7,13}\d(?!\d)")

CPR_MASK, EMAIL_MASK, PHONE_MASK = "[CPR]", "[e-mail]", "[phone]"


def mask(text: str) -> str:
    text = CPR.sub(CPR_MASK, text)
    text = EMAIL.sub(EMAIL_MASK, text)
    return PHONE.sub(PHONE_MASK, text)
