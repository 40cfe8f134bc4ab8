"""The standard dictionary: MOIS 공공데이터 공통표준 editions plus the institution's own terms."""
