"""`catalog-app privacy show | check | set | clear | undo | history | allow | revoke | worksheet`.

Personal data a coordinator can rely on (issue 14): every verdict with its reason, a clerk's
overrides, and the re-identification check of the columns a 공개/부분공개 dataset leaves open.

Exit codes: 0 done; 1 refused or not found (an unknown column or dataset, a decision without a
reason, nothing to undo) and, for ``check``, a table that stops the export (k < 5 without an
exception, or a file that cannot be read again); 2 usage errors.
"""

from __future__ import annotations

import sys
from datetime import date
from pathlib import Path

import click

from catalog_app.catalog.store import Catalog
from catalog_app.cli.common import emit_json, fail, open_catalog


def _dataset_id(cat: Catalog, ref: str | None) -> int | None:
    if ref is None:
        return None
    from catalog_app.catalog.queries import AmbiguousDataset, find_dataset

    try:
        row = find_dataset(cat, ref)
    except AmbiguousDataset as exc:
        fail(
            f"같은 이름의 데이터셋이 {len(exc.rows)}개 있습니다. 번호나 경로로 지정하세요: "
            + ", ".join(str(r["id"]) for r in exc.rows)
        )
    if row is None:
        fail(f"데이터셋을 찾을 수 없습니다: {ref}")
    return row["id"]


def _yes(value: bool) -> str:
    return "예" if value else "아니오"


@click.group()
def privacy() -> None:
    """개인정보 판정(근거·담당자 판정)과 공개 전 재식별 점검(k-익명성)."""


# ---------------------------------------------------------------------------- show
@privacy.command("show")
@click.argument("dataset", required=False)
@click.option("--personal-only", is_flag=True, help="개인정보로 판정된 컬럼만 봅니다.")
@click.option("--json", "as_json", is_flag=True, help="JSON으로 출력합니다.")
@click.pass_context
def show_cmd(ctx, dataset: str | None, personal_only: bool, as_json: bool) -> None:
    """판정이 있는 모든 컬럼: 종류, 개인정보·준식별자·민감정보 여부와 그 근거."""
    from catalog_app.privacy.verdicts import list_verdicts
    from catalog_app.scan.pii import PII_KINDS

    with open_catalog(ctx) as cat:
        rows = list_verdicts(cat.conn, _dataset_id(cat, dataset), personal_only=personal_only)
    if as_json:
        emit_json(rows)
        return
    if not rows:
        click.echo("판정이 있는 컬럼이 없습니다.")
        return
    for r in rows:
        flags = [
            "개인정보" if r["personal"] else "개인정보 아님",
            *(["준식별자"] if r["quasi_identifier"] else []),
            *(["민감정보"] if r["sensitive"] else []),
        ]
        mark = " [담당자 판정]" if r["override"] else ""
        click.echo(
            f"{r['column_id']:>6}  {r['path']} › {r['table']} › {r['column']}: "
            f"{PII_KINDS.get(r['kind'], r['kind'])} ({', '.join(flags)}){mark}"
        )
        click.echo(f"        {r['reason']}")


# --------------------------------------------------------------------------- check
@privacy.command("check")
@click.argument("dataset", required=False)
@click.option("--year", type=int, default=lambda: date.today().year, help="기준 연도")
@click.option("--json", "as_json", is_flag=True, help="JSON으로 출력합니다.")
@click.pass_context
def check_cmd(ctx, dataset: str | None, year: int, as_json: bool) -> None:
    """공개·부분공개 데이터셋의 공개 컬럼으로 사람을 알아볼 수 있는지(k < 5) 점검합니다."""
    from catalog_app.disclosure.state_cache import state_for_year
    from catalog_app.privacy.reident import STATUS_NAMES, check_state

    with open_catalog(ctx) as cat:
        only = _dataset_id(cat, dataset)
        checks = check_state(
            cat, state_for_year(cat, year), dataset_ids=None if only is None else {only}
        )
    blocked = any(c.blocking for c in checks)
    if as_json:
        emit_json([c.as_json() for c in checks])
    elif not checks:
        click.echo(f"{year}년 목록에 공개·부분공개 데이터셋이 없습니다.")
    else:
        for c in checks:
            k = "-" if c.k is None else str(c.k)
            click.echo(f"[{STATUS_NAMES.get(c.status, c.status)}] {c.dataset} › {c.sheet}: k = {k}")
            click.echo(f"    {c.message}")
            if c.quasi_identifiers:
                click.echo(f"    공개 준식별자: {', '.join(c.quasi_identifiers)}")
            for g in c.small_groups:
                click.echo(f"    {g['rows']}행짜리 그룹 {g['groups']}개")
            if c.status in ("below_k", "allowed"):
                for s in c.suggestions:
                    without = "-" if s.k_without is None else s.k_without
                    alone = "-" if s.k_alone is None else s.k_alone
                    click.echo(
                        f"    · {s.column} ({s.kind_name}): {s.technique} — {s.detail} "
                        f"(이 컬럼만의 k = {alone}, 이 컬럼을 빼면 k = {without})"
                    )
    if blocked:
        sys.exit(1)


# ----------------------------------------------------------------------- overrides
def _flag_option(name: str, help_text: str):
    return click.option(f"--{name}/--not-{name}", default=None, help=help_text)


@privacy.command("set")
@click.argument("column_id", type=int)
@_flag_option("personal", "개인정보임 / 개인정보 아님")
@_flag_option("quasi", "준식별자임 / 아님")
@_flag_option("sensitive", "민감정보임 / 아님")
@click.option("--kind", help="개인정보 종류 (예: person_name, phone, disability, other)")
@click.option("--reason", required=True, help="판정을 바꾸는 이유 (기록에 남습니다)")
@click.pass_context
def set_cmd(ctx, column_id, personal, quasi, sensitive, kind, reason) -> None:
    """컬럼의 개인정보 판정을 담당자가 바꿉니다 (다시 스캔해도 유지, 되돌리기 가능)."""
    from catalog_app.privacy.desk import PrivacyDesk, PrivacyError

    with open_catalog(ctx) as cat:
        try:
            step = PrivacyDesk(cat).set(
                column_id,
                reason=reason,
                personal=personal,
                quasi_identifier=quasi,
                sensitive=sensitive,
                kind=kind,
            )
        except PrivacyError as exc:
            fail(str(exc))
    click.echo(f"판정을 바꾸었습니다 (기록 {step}). 되돌리기: catalog-app privacy undo")


@privacy.command("clear")
@click.argument("column_id", type=int)
@click.pass_context
def clear_cmd(ctx, column_id: int) -> None:
    """담당자 판정을 지우고 스캔의 판정으로 돌아갑니다."""
    from catalog_app.privacy.desk import PrivacyDesk, PrivacyError

    with open_catalog(ctx) as cat:
        try:
            PrivacyDesk(cat).clear(column_id)
        except PrivacyError as exc:
            fail(str(exc))
    click.echo("스캔의 판정으로 돌아갔습니다.")


@privacy.command("undo")
@click.pass_context
def undo_cmd(ctx) -> None:
    """마지막 개인정보 판정이나 예외 승인을 되돌립니다."""
    from catalog_app.privacy.desk import PrivacyDesk, PrivacyError

    with open_catalog(ctx) as cat:
        try:
            PrivacyDesk(cat).undo()
        except PrivacyError as exc:
            fail(str(exc))
    click.echo("되돌렸습니다.")


@privacy.command("history")
@click.option("--json", "as_json", is_flag=True, help="JSON으로 출력합니다.")
@click.pass_context
def history_cmd(ctx, as_json: bool) -> None:
    """개인정보 판정과 예외 승인의 기록 (누가, 언제, 무엇을)."""
    from catalog_app.privacy.desk import PrivacyDesk

    with open_catalog(ctx) as cat:
        rows = PrivacyDesk(cat).history()
    if as_json:
        emit_json(rows)
        return
    names = {"set": "판정", "clear": "판정 지움", "undo": "되돌림", "allow": "예외 승인",
             "revoke": "예외 취소"}  # fmt: skip
    for r in rows:
        what = r["label"] or r["table_key"] or ""
        done = " (되돌림)" if r["undone_by"] else ""
        reason = (r["after"] or r["before"] or {}).get("reason", "")
        click.echo(f"{r['id']:>5} {r['at'][:16]} {r['who']} {names.get(r['action'], r['action'])}"
                   f" {what}{done}: {reason}")  # fmt: skip


# ---------------------------------------------------------------------- exceptions
@privacy.command("allow")
@click.argument("dataset")
@click.option("--table", "table_key", help="표 (시트 이름 또는 #0; 표가 하나면 생략)")
@click.option("--reason", required=True, help="예외로 내보내는 이유 (기록에 남습니다)")
@click.option("--year", type=int, default=lambda: date.today().year, help="기준 연도")
@click.pass_context
def allow_cmd(ctx, dataset: str, table_key: str | None, reason: str, year: int) -> None:
    """k < 5인 표를 예외로 내보낼 수 있게 기록합니다 (공개 컬럼이 바뀌면 다시 승인해야 함)."""
    from catalog_app.disclosure.state_cache import state_for_year
    from catalog_app.privacy.desk import PrivacyDesk, PrivacyError
    from catalog_app.privacy.reident import BELOW_K, check_state

    with open_catalog(ctx) as cat:
        dataset_id = _dataset_id(cat, dataset)
        checks = check_state(cat, state_for_year(cat, year), dataset_ids={dataset_id})
        if table_key is not None:
            checks = [c for c in checks if table_key in (c.table, c.sheet)]
        if not checks:
            fail("공개·부분공개 목록에서 그 데이터셋(표)을 찾을 수 없습니다.")
        if len(checks) > 1:
            fail("표가 여러 개입니다. --table로 지정하세요: " + ", ".join(c.table for c in checks))
        check = checks[0]
        if check.status != BELOW_K:
            fail(f"예외가 필요하지 않습니다: {check.message}")
        try:
            PrivacyDesk(cat).allow(dataset_id, check.table, check.signature, check.k, reason)
        except PrivacyError as exc:
            fail(str(exc))
    click.echo(f"예외를 기록했습니다: {check.dataset} › {check.sheet} (k = {check.k}).")


@privacy.command("revoke")
@click.argument("dataset")
@click.option("--table", "table_key", required=True, help="표 (시트 이름 또는 #0)")
@click.pass_context
def revoke_cmd(ctx, dataset: str, table_key: str) -> None:
    """예외 승인을 취소합니다."""
    from catalog_app.privacy.desk import PrivacyDesk, PrivacyError

    with open_catalog(ctx) as cat:
        try:
            PrivacyDesk(cat).revoke(_dataset_id(cat, dataset), table_key)
        except PrivacyError as exc:
            fail(str(exc))
    click.echo("예외 승인을 취소했습니다.")


# ----------------------------------------------------------------------- worksheet
@privacy.command("worksheet")
@click.option("--out", type=click.Path(dir_okay=False, path_type=Path), required=True)
@click.option("--year", type=int, default=lambda: date.today().year, help="기준 연도")
@click.pass_context
def worksheet_cmd(ctx, out: Path, year: int) -> None:
    """재식별 점검 결과와 컬럼별 권장 조치를 엑셀(.xlsx)로 씁니다 (값은 담지 않음)."""
    from catalog_app.disclosure.state_cache import state_for_year
    from catalog_app.privacy.reident import check_state
    from catalog_app.privacy.worksheet import write_worksheet

    with open_catalog(ctx) as cat:
        checks = check_state(cat, state_for_year(cat, year))
    try:
        path = write_worksheet(checks, out, title=f"{year}년 재식별 점검")
    except ValueError as exc:
        fail(str(exc))
    click.echo(str(path))
