"""Branding, contact details and help routes shown on every citizen page (decision 0036).

The beheerder can override each of these in the beheer screens (``/medewerker/beheer/``);
an empty override falls back to the setting here."""

from __future__ import annotations

from mijnservices.conf.env import declare

GROUP = "Branding and help"

BRANDING_LOGO_URL = declare(
    "BRANDING_LOGO_URL", "", "URL of the organisation's logo in the header (empty: name only).",
    group=GROUP,
)  # fmt: skip
BRANDING_FAVICON_URL = declare(
    "BRANDING_FAVICON_URL", "", "URL of the favicon (empty: none).", group=GROUP
)
BRANDING_THEME_CSS_URL = declare(
    "BRANDING_THEME_CSS_URL", "", "URL of the organisation's NL Design System tokens CSS file "
    "(empty: the neutral example theme).", group=GROUP,
)  # fmt: skip
BRANDING_THEME_CLASS = declare(
    "BRANDING_THEME_CLASS", "voorbeeld-theme", "CSS class the tokens file's theme applies to.",
    group=GROUP,
)  # fmt: skip
CONTACT_PHONE = declare(
    "CONTACT_PHONE", "", "Phone number citizens can call, shown on every page (empty: not shown).",
    group=GROUP,
)  # fmt: skip
CONTACT_HOURS = declare(
    "CONTACT_HOURS", "maandag tot en met vrijdag van 8.30 tot 17.00 uur",
    "Opening hours of that phone number, in Dutch.", group=GROUP,
)  # fmt: skip
CONTACT_HOURS_EN = declare(
    "CONTACT_HOURS_EN", "Monday to Friday, 8.30 to 17.00",
    "Opening hours of that phone number, in English.", group=GROUP,
)  # fmt: skip
CONTACT_FORM_URL = declare(
    "CONTACT_FORM_URL", "", "URL of the organisation's contact form (empty: not shown).",
    group=GROUP,
)  # fmt: skip
CONTACT_ADDRESS = declare(
    "CONTACT_ADDRESS", "", "Visiting or postal address shown in the footer (empty: not shown).",
    group=GROUP,
)  # fmt: skip
PRIVACY_STATEMENT_URL = declare(
    "PRIVACY_STATEMENT_URL", "", "URL of the privacy statement (empty: no footer link).",
    group=GROUP,
)  # fmt: skip
ACCESSIBILITY_STATEMENT_URL = declare(
    "ACCESSIBILITY_STATEMENT_URL", "", "URL of the accessibility statement (empty: the portal's "
    "own page).", group=GROUP,
)  # fmt: skip
COOKIE_STATEMENT_URL = declare(
    "COOKIE_STATEMENT_URL", "", "URL of the cookie statement (empty: no footer link).",
    group=GROUP,
)  # fmt: skip
