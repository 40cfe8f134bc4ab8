"""Column-to-standard mapping: which 공통표준용어 a spreadsheet column is, how sure, and why.

``clean`` reduces a header to the name it means, ``matcher`` finds and ranks terms with the
column profile, ``contract`` reads the suggest input CSV and writes one JSON object per column.
"""

from catalog_app.matching.clean import CleanHeader, clean_header
from catalog_app.matching.contract import suggest_file
from catalog_app.matching.matcher import CONFIDENT, Candidate, Matcher, Suggestion

__all__ = [
    "CONFIDENT",
    "Candidate",
    "CleanHeader",
    "Matcher",
    "Suggestion",
    "clean_header",
    "suggest_file",
]
