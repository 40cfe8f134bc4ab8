"""Personal data a coordinator can rely on (issue 14): verdicts with their reasons, a clerk's
overrides, the re-identification check (k-anonymity over the columns left open) and its gate on
the disclosure exports. Detection itself runs in the scan (``scan.pii``)."""
