"""The disclosure state of one year: what the lists, the snapshot, the diff and validation read.

A ``DisclosureState`` is plain data (dataclasses of str/int/float/list/dict) so it serialises to
JSON for a snapshot and back without loss; exports, validation and the diff are pure functions
over it and never touch the catalog. It is built live from the catalog (``state.build_state``) or
loaded from a frozen snapshot (``snapshot.load_snapshot``).
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field, fields
from functools import cache

# Where a field's value came from: typed by a person, derived from the scan, or from the
# institution settings (department phone, default licence …).
ENTERED, SCAN, SETTINGS = "entered", "scan", "settings"


@dataclass
class TableRecord:
    table_key: str
    name: str  # sheet name, or the table key for CSV
    row_count: int
    column_count: int


@dataclass
class DatasetRecord:
    key: str  # stable identity across years: the file's path
    dataset_id: int | None
    name: str  # file name
    rel_path: str
    department: str
    status: str  # 'ok' or 'error' (unreadable files are still held data)
    fields: dict[str, str] = field(default_factory=dict)  # DATASET_FIELDS key -> value ('' = empty)
    sources: dict[str, str] = field(default_factory=dict)  # key -> ENTERED / SCAN / SETTINGS
    tables: list[TableRecord] = field(default_factory=list)
    pii_kinds: list[str] = field(default_factory=list)  # kinds the scan found, e.g. ['rrn']
    compliant: int = 0
    checked: int = 0
    excluded: int = 0
    rate: float | None = None  # 표준 준수율 in percent, None when nothing was checked
    # why the dataset is left out of 표준 준수율 ('' = it counts), e.g. its text was garbled
    rate_excluded: str = ""
    # why its rows are people (a list of people, issue 14); '' when they are not
    person_level: str = ""
    # the split rates of the dataset (None when nothing could be judged), see RateRecord
    word_rate: float | None = None
    term_rate: float | None = None
    domain_rate: float | None = None
    # dates the deadlines run from: when a scan first saw the file, when its content was last
    # read (ISO timestamps, '' in snapshots of older releases), when each entered field was set
    first_seen: str = ""
    read_at: str = ""
    appeared_later: bool = False  # first found by a later scan of its folder than the first one
    updated: dict[str, str] = field(default_factory=dict)
    # how a derived value was made, for people (field key -> Korean note): which column gave the
    # 시간범위 and which implausible dates it left out, where 기준일자 came from …
    notes: dict[str, str] = field(default_factory=dict)
    # notes that call for a look (field key -> Korean text): validation warns with them (V24)
    doubts: dict[str, str] = field(default_factory=dict)

    def get(self, key: str) -> str:
        return self.fields.get(key, "") or ""

    @property
    def included(self) -> bool:
        return self.get("include") != "N"


@dataclass
class ColumnRecord:
    dataset_key: str
    table_key: str
    table_name: str
    col_index: int
    label: str  # the header as it is in the file
    term_name: str = ""  # accepted (or exact) standard term; '' when unmapped
    term_abbr: str = ""
    domain: str = ""
    data_type: str = ""  # from the domain, else from the profile
    length: str = ""
    scale: str = ""
    storage_format: str = ""
    type_source: str = ""  # 'domain' or 'profile'
    inferred_type: str = ""
    not_null: bool = False
    pii_kind: str = ""  # what the scan found ('' = nothing)
    fields: dict[str, str] = field(default_factory=dict)  # COLUMN_FIELDS key -> value
    sources: dict[str, str] = field(default_factory=dict)
    kind: str = ""  # suggestion kind; 'not_a_column' for crosstab bands, 'unmapped' = none
    compliant: bool | None = None  # None for crosstab bands (not checked)
    codes: list[str] = field(default_factory=list)  # check codes (errors and warnings)
    messages: list[str] = field(default_factory=list)  # Korean check messages
    # the column's lasting id in the catalog (column_keys; None in snapshots of older releases)
    column_id: int | None = None
    # word / term / domain parts of the split rate (True, False, None = not judged); {} = unknown
    parts: dict[str, bool | None] = field(default_factory=dict)

    def get(self, key: str) -> str:
        return self.fields.get(key, "") or ""


@dataclass
class RateRecord:
    scope: str  # 'department', 'dataset', 'catalog'
    name: str
    compliant: int
    checked: int
    excluded: int
    rate: float | None
    formula: str
    dataset_id: int | None = None  # the dataset of a 'dataset' rate
    word_rate: float | None = None
    word_formula: str = ""
    term_rate: float | None = None
    term_formula: str = ""
    domain_rate: float | None = None
    domain_formula: str = ""

    def part(self, name: str) -> tuple[float | None, str]:
        """(rate, formula) of 'word', 'term' or 'domain' ('' formula in older snapshots)."""
        return getattr(self, f"{name}_rate"), getattr(self, f"{name}_formula")


@dataclass
class DisclosureState:
    year: int
    source: str  # 'live' or 'snapshot'
    created_at: str
    created_by: str
    institution: dict[str, str]  # INSTITUTION_FIELDS key -> value
    edition: str  # the standard dictionary edition in use
    datasets: list[DatasetRecord] = field(default_factory=list)
    columns: list[ColumnRecord] = field(default_factory=list)
    rates: list[RateRecord] = field(default_factory=list)
    # the 분류체계 table in use: [[label, style, current, basis], ...] ([] in older snapshots: the
    # shipped table is used)
    categories: list[list[str]] = field(default_factory=list)
    # 정보시스템 / DB: [{"name", "fields": {DB-level item key -> value}, "folders": [...]}]
    systems: list[dict] = field(default_factory=list)
    # the registered list (registered.py): [{"entry_key", "list_key", "title", "fields",
    # "row_number", "dataset_id", "dataset_status", "how", "schema"}] and where it came from
    registered: list[dict] = field(default_factory=list)
    registered_import: dict = field(default_factory=dict)
    # what the portal's column metadata shows of the terms and domains the columns are mapped to,
    # once per term / domain (not per column: a snapshot of 100,000 columns stays small):
    # term -> {"description", "code_name", "display_format"};
    # domain -> {"group", "class", "unit", "display_format"}
    terms: dict[str, dict[str, str]] = field(default_factory=dict)
    domains: dict[str, dict[str, str]] = field(default_factory=dict)

    def category_table(self):
        """The 분류체계 table of this state (``categories.CategoryTable``), built once."""
        from catalog_app.disclosure.categories import CategoryTable, shipped_table

        stamp = id(self.categories), len(self.categories)
        cache = self.__dict__.get("_categories")
        if cache is None or cache[0] != stamp:
            table = CategoryTable(self.categories) if self.categories else shipped_table()
            cache = (stamp, table)
            self.__dict__["_categories"] = cache
        return cache[1]

    def current_category(self, d: DatasetRecord) -> str:
        """The dataset's 분류체계 in today's style (as typed when it is not known)."""
        return self.category_table().current_label(d.get("category"))

    def system(self, name: str) -> dict | None:
        """The 정보시스템 of that name, or None."""
        wanted = " ".join((name or "").split())
        return next((s for s in self.systems if s.get("name") == wanted), None)

    def included_datasets(self) -> list[DatasetRecord]:
        """The datasets that go on the lists (목록포함여부 ≠ N)."""
        return [d for d in self.datasets if d.included]

    def columns_of(self, dataset_key: str) -> list[ColumnRecord]:
        """The columns of one dataset, from an index built once (a scan of 100,000 columns per
        dataset made the exports quadratic). Rebuilt when the column list is replaced or grows."""
        stamp = (id(self.columns), len(self.columns))
        cache = self.__dict__.get("_by_dataset")
        if cache is None or cache[0] != stamp:
            index: dict[str, list[ColumnRecord]] = {}
            for c in self.columns:
                index.setdefault(c.dataset_key, []).append(c)
            cache = (stamp, index)
            self.__dict__["_by_dataset"] = cache
        return list(cache[1].get(dataset_key, []))

    def rates_of(self, scope: str) -> list[RateRecord]:
        return [r for r in self.rates if r.scope == scope]

    def to_dict(self) -> dict:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict) -> DisclosureState:
        data = dict(data)
        datasets = []
        for d in data.pop("datasets", []):
            d = dict(d)
            d["tables"] = [TableRecord(**t) for t in d.get("tables", [])]
            datasets.append(DatasetRecord(**_known(DatasetRecord, d)))
        columns = [ColumnRecord(**_known(ColumnRecord, c)) for c in data.pop("columns", [])]
        rates = [RateRecord(**_known(RateRecord, r)) for r in data.pop("rates", [])]
        return cls(**_known(cls, data), datasets=datasets, columns=columns, rates=rates)


def _known(cls, data: dict) -> dict:
    """Only the keys the dataclass knows, so a snapshot written by a newer version still loads."""
    names = _field_names(cls)
    if names.issuperset(data):  # the usual case: written by this version
        return data
    return {k: v for k, v in data.items() if k in names}


@cache
def _field_names(cls) -> frozenset[str]:
    """Once per class: 40,000 column records asked ``fields()`` each time (a third of a load)."""
    return frozenset(f.name for f in fields(cls))


@dataclass
class Problem:
    """One finding of the pre-export validation, in Korean, pointing at a dataset and field."""

    severity: str  # 'error' (blocks the export) or 'warning'
    code: str  # e.g. 'V01'
    message: str
    dataset_key: str = ""  # '' for institution-level problems
    dataset_name: str = ""
    dataset_id: int | None = None
    level: str = "dataset"  # 'institution', 'dataset', 'column'
    field: str = ""  # the field key
    field_label: str = ""
    table_key: str = ""
    column: str = ""  # column label for column-level problems

    @property
    def blocking(self) -> bool:
        return self.severity == "error"


@dataclass
class Change:
    """One difference between two years."""

    level: str  # 'dataset' or 'column'
    action: str  # 'added', 'removed', 'changed'
    dataset_key: str
    dataset_name: str
    table: str = ""
    column: str = ""
    field: str = ""  # key of the changed field ('' for added / removed)
    field_label: str = ""
    old: str = ""
    new: str = ""


@dataclass
class DiffResult:
    from_year: int
    to_year: int
    from_source: str  # 'snapshot' or 'live'
    to_source: str
    changes: list[Change] = field(default_factory=list)

    def count(self, level: str, action: str) -> int:
        """How many datasets/columns were added/removed, or had at least one field changed."""
        if action != "changed":
            return sum(1 for c in self.changes if c.level == level and c.action == action)
        keys = {
            (c.dataset_key, c.table, c.column)
            for c in self.changes
            if c.level == level and c.action == "changed"
        }
        return len(keys)

    def summary(self) -> dict[str, dict[str, int]]:
        return {
            level: {a: self.count(level, a) for a in ("added", "removed", "changed")}
            for level in ("dataset", "column")
        }
