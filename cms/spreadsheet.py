"""CSV cells that a spreadsheet program opens as text, never as a formula.

Organisation names and other texts can come from the public (the suggestion form), and
editors open the exports in spreadsheet programs, which execute a cell starting with
"=", "+", "-" or "@" as a formula (CSV injection). Such cells get a leading apostrophe,
the convention those programs read as "text". Phone numbers such as "+49 251 1234" and
negative numbers stay as they are: only characters a formula needs trigger escaping.
"""

import re

_ALWAYS = ("=", "@", "\t", "\r")
_PLAIN_NUMBER = re.compile(r"[+-][\d\s/().-]*")


def safe_cell(value):
    if not isinstance(value, str) or not value:
        return value
    if value.startswith(_ALWAYS):
        return "'" + value
    if value[0] in "+-" and not _PLAIN_NUMBER.fullmatch(value):
        return "'" + value
    return value


def unescape_cell(value):
    """The value `safe_cell` escaped (for importing an exported file)."""
    if value.startswith("'") and safe_cell(value[1:]) == value:
        return value[1:]
    return value
