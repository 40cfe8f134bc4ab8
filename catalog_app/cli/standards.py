"""`catalog-app standards …`: editions, diff, search, institution terms, review queue, export."""

from __future__ import annotations

import sys
from dataclasses import asdict
from pathlib import Path

import click

from catalog_app.catalog.store import Catalog
from catalog_app.cli.common import emit_json, fail
from catalog_app.dictionary.model import Term, Word
from catalog_app.dictionary.store import DictionaryError, DictionaryStore

ACTIONS = {
    "add": "추가",
    "edit": "수정",
    "retire": "폐기",
    "approve": "승인",
    "reject": "반려",
    "propose": "제안",
    "import": "가져오기",
    "undo": "되돌림",
}


class _Session:
    """Opens the catalog and its dictionary for one command; Korean errors, never tracebacks."""

    def __init__(self, ctx: click.Context):
        self.catalog = Catalog(ctx.obj["catalog"])
        self.store = DictionaryStore(self.catalog)

    def __enter__(self):
        return self

    def __exit__(self, exc_type, exc, tb):
        self.catalog.close()
        if isinstance(exc, DictionaryError):
            fail(str(exc))
        return False

    def editor(self, who: str | None = None):
        from catalog_app.dictionary.institution import InstitutionEditor

        self.store.ensure_shipped()
        return InstitutionEditor(self.store, who)


def _findings_text(findings) -> list[str]:
    marks = {"error": "오류", "warning": "주의"}
    out = []
    for f in findings:
        hint = f" → {f.suggestion}" if getattr(f, "suggestion", None) else ""
        out.append(f"  [{marks.get(f.severity, f.severity)} {f.code}] {f.message}{hint}")
    return out


@click.group("standards")
def standards() -> None:
    """표준사전: 공통표준 판 관리, 비교, 검색, 기관표준 용어와 검토."""


@standards.command("import")
@click.argument("path", type=click.Path(exists=True, path_type=Path))
@click.option("--name", help="판 이름 (기본: 파일의 제정차수, 예 7차(2024-11)).")
@click.option("--use", "make_current", is_flag=True, help="가져온 판을 현재 판으로 지정합니다.")
@click.option(
    "--institution", is_flag=True, help="기관표준 파일로 가져와 이 PC의 기관표준을 바꿉니다."
)
@click.option(
    "--force", is_flag=True, help="기관표준: 오래되었거나 고쳐진 배포판이라도 가져옵니다."
)
@click.option("--json", "as_json", is_flag=True, help="결과를 JSON으로 출력합니다.")
@click.pass_context
def import_cmd(
    ctx, path: Path, name, make_current: bool, institution: bool, force: bool, as_json: bool
) -> None:
    """공통표준 파일(7차 xlsx, 2020 xlsx, CSV, 공공데이터포털 CSV)을 가져옵니다."""
    from catalog_app.dictionary.formats import DictionaryFormatError, read_dictionary

    try:
        dictionary = read_dictionary(path)
    except DictionaryFormatError as exc:
        fail(f"표준사전 파일로 읽을 수 없습니다: {exc}")
    with _Session(ctx) as s:
        if institution:
            from catalog_app.dictionary import release as rel

            check = rel.check_import(s.catalog, path, dictionary)
            rel.require_ok(check, force)
            editor = s.editor()
            result = editor.replace_layer(dictionary, source=path.name)
            rel.record_import(s.catalog, check, dictionary, editor.who, path.name)
            info = {
                "key": "기관표준",
                "change_id": result.change_id,
                "words": len(dictionary.words),
                "terms": len(dictionary.terms),
                "domains": len(dictionary.domains),
                "release": check.incoming.as_dict() if check.incoming else None,
                "previous_release": check.current.as_dict() if check.current else None,
                "note": check.problem or check.note,
            }
        else:
            s.store.ensure_shipped()
            info = s.store.import_edition(
                dictionary, key=name, source=path.name, make_current=make_current
            ).as_dict()
    if as_json:
        emit_json(info)
    else:
        click.echo(
            f"가져왔습니다: {info['key']} (단어 {len(dictionary.words)}, 용어 "
            f"{len(dictionary.terms)}, 도메인 {len(dictionary.domains)})"
        )
        if info.get("note"):
            click.echo(f"  {info['note']}")


@standards.command("list-editions")
@click.option("--json", "as_json", is_flag=True, help="결과를 JSON으로 출력합니다.")
@click.pass_context
def list_editions(ctx, as_json: bool) -> None:
    """카탈로그에 있는 공통표준 판과 기관표준."""
    with _Session(ctx) as s:
        s.store.ensure_shipped()
        s.store.institution_id()
        rows = [e.as_dict() for e in s.store.editions()]
    if as_json:
        emit_json(rows)
        return
    for e in rows:
        mark = "*" if e["is_current"] else " "
        kind = "기관" if e["layer"] == "institution" else "공통"
        click.echo(
            f"{mark} {e['key']:<16} {kind}  단어 {e['word_count']:>5}  용어 {e['term_count']:>6}  "
            f"도메인 {e['domain_count']:>4}  {e['source'] or ''}"
        )


@standards.command("use")
@click.argument("edition")
@click.option("--json", "as_json", is_flag=True, help="결과를 JSON으로 출력합니다.")
@click.pass_context
def use(ctx, edition: str, as_json: bool) -> None:
    """EDITION을 현재 판으로 지정하고, 영향받는 컬럼 매핑을 보여 줍니다."""
    with _Session(ctx) as s:
        s.store.ensure_shipped()
        info, affected = s.store.use(edition)
    if as_json:
        emit_json({"current": info.as_dict(), "affected_mappings": affected})
        return
    click.echo(f"현재 판: {info.key}")
    if affected:
        click.echo(f"용어가 폐기되거나 바뀌어 다시 확인할 컬럼 매핑 {len(affected)}개:")
        for a in affected:
            click.echo(f"  {a['path']} / {a['table']} / {a['label']} → {a['term']} ({a['reason']})")
    else:
        click.echo("영향받는 컬럼 매핑이 없습니다.")


@standards.command("diff")
@click.argument("a")
@click.argument("b")
@click.option(
    "--out", type=click.Path(dir_okay=False, path_type=Path), help="비교 결과를 xlsx로 저장합니다."
)
@click.option("--json", "as_json", is_flag=True, help="결과를 JSON으로 출력합니다.")
@click.pass_context
def diff_cmd(ctx, a: str, b: str, out: Path | None, as_json: bool) -> None:
    """두 판의 단어·용어·도메인 추가/폐기/변경 (항목별)."""
    from catalog_app.dictionary.diff import (
        FIELD_NAMES,
        SECTION_NAMES,
        diff_dictionaries,
        write_diff_xlsx,
    )

    with _Session(ctx) as s:
        s.store.ensure_shipped()
        result = diff_dictionaries(s.store.load(a), s.store.load(b), a, b)
    if out:
        write_diff_xlsx(result, out)
    if as_json:
        emit_json(result.as_dict())
        return
    click.echo(f"{a} → {b}")
    for key, section in result.sections():
        click.echo(
            f"[{SECTION_NAMES[key]}] 추가 {len(section.added)}, 폐기 {len(section.retired)}, "
            f"변경 {len(section.changed)}"
        )
        for name in section.added[:50]:
            click.echo(f"  + {name}")
        for name in section.retired[:50]:
            click.echo(f"  - {name}")
        for change in section.changed[:50]:
            for f, old, new in change.fields:
                click.echo(
                    f"  ~ {change.name} {FIELD_NAMES.get(f, f)}: {old[:40]!r} → {new[:40]!r}"
                )
    if out:
        click.echo(f"저장했습니다: {out}")


@standards.command("search")
@click.argument("text")
@click.option("--limit", default=30, show_default=True)
@click.option("--json", "as_json", is_flag=True, help="결과를 JSON으로 출력합니다.")
@click.pass_context
def search_cmd(ctx, text: str, limit: int, as_json: bool) -> None:
    """단어·용어·도메인을 이름, 영문약어, 영문명, 이음동의어로 찾습니다."""
    from catalog_app.dictionary.search import search_dictionary

    with _Session(ctx) as s:
        hits = search_dictionary(s.store, text, limit)
    if as_json:
        emit_json(hits)
        return
    if not hits:
        click.echo("찾은 항목이 없습니다.")
    kinds = {"word": "단어", "term": "용어", "domain": "도메인"}
    for h in hits:
        detail = h.get("abbr") or f"{h.get('data_type')} {h.get('length') or ''}"
        extra = f" [{h['domain']}]" if h.get("domain") else ""
        click.echo(f"{kinds[h['kind']]:<3} {h['name']:<16} {detail}{extra}  ({h['edition']})")


@standards.command("export")
@click.argument("path", type=click.Path(path_type=Path))
@click.option(
    "--scope",
    type=click.Choice(["institution", "all"]),
    default="institution",
    show_default=True,
    help="기관표준만, 또는 현재 공통표준과 기관표준을 함께.",
)
@click.option("--user", "who", help="배포한 사람 (기본: 로그인 이름).")
@click.option("--json", "as_json", is_flag=True, help="결과를 JSON으로 출력합니다.")
@click.pass_context
def export_cmd(ctx, path: Path, scope: str, who, as_json: bool) -> None:
    """기관표준(또는 전체)을 공통표준 3시트 xlsx나 CSV 폴더로 내보냅니다 (.xlsx 아니면 폴더).

    기관표준만 내보내면 배포판이 됩니다: 번호(내용이 바뀌었을 때만 하나 올라감), 날짜, 내용 해시가
    파일 안에 적혀, 부서가 가져올 때 더 오래된 배포판인지 알려 줍니다."""
    from catalog_app.dictionary.exchange import export_with_release

    with _Session(ctx) as s:
        done = export_with_release(s.store, path, scope, who)
    out, release = done.dictionary, done.release
    info = {
        "path": str(path),
        "words": len(out.words),
        "terms": len(out.terms),
        "domains": len(out.domains),
        "release": release.as_dict() if release is not None else None,
    }
    if as_json:
        emit_json(info)
        return
    click.echo(
        f"내보냈습니다: {path} (단어 {info['words']}, 용어 {info['terms']}, 도메인 {info['domains']})"
    )
    if release is not None:
        click.echo(f"  기관표준 배포판 {release.label()}, 내용 해시 {release.sha256}")


@standards.command("validate")
@click.option("--term", "term_name", help="검사할 용어 이름 (없으면 기관표준 전체).")
@click.option("--abbr", default="", help="용어 영문약어명.")
@click.option("--domain", default="", help="용어 도메인명.")
@click.option("--json", "as_json", is_flag=True, help="결과를 JSON으로 출력합니다.")
@click.pass_context
def validate_cmd(ctx, term_name, abbr, domain, as_json: bool) -> None:
    """표준 규칙 검사: 한 용어, 또는 기관표준의 모든 단어·용어. 오류가 있으면 종료 코드 1."""
    with _Session(ctx) as s:
        editor = s.editor()
        results = []
        if term_name:
            term = Term(name=term_name, abbr=abbr, domain=domain)
            results.append(("term", term_name, editor.check("term", term)))
        else:
            results = editor.validate_all()
    errors = sum(1 for _, _, fs in results for f in fs if f.severity == "error")
    if as_json:
        emit_json(
            [{"kind": k, "name": n, "findings": [asdict(f) for f in fs]} for k, n, fs in results]
        )
    else:
        if not results:
            click.echo("기관표준에 검사할 단어나 용어가 없습니다.")
        for kind, name, fs in results:
            click.echo(
                f"{'용어' if kind == 'term' else '단어'} {name}: {'이상 없음' if not fs else ''}"
            )
            for line in _findings_text(fs):
                click.echo(line)
    sys.exit(1 if errors else 0)


@standards.command("propose")
@click.argument("name")
@click.option("--abbr", default="", help="영문약어명 (없으면 단어에서 만듭니다).")
@click.option("--domain", default="", help="도메인명 (없으면 분류어와 --max-bytes 로 고릅니다).")
@click.option("--description", default="", help="용어 설명.")
@click.option("--max-bytes", type=int, help="컬럼에서 관찰한 최대 길이(바이트, 한글 2).")
@click.option("--origin", default="", help="제안의 출처 (예: 파일/시트/컬럼).")
@click.option("--user", "who", help="제안자 (기본: 로그인 이름).")
@click.option("--json", "as_json", is_flag=True, help="결과를 JSON으로 출력합니다.")
@click.pass_context
def propose_cmd(
    ctx, name, abbr, domain, description, max_bytes, origin, who, as_json: bool
) -> None:
    """새 용어를 제안합니다. 표준 관리자가 검토 후 승인하면 기관표준이 됩니다."""
    from catalog_app.dictionary.rules import propose_term

    with _Session(ctx) as s:
        editor = s.editor(who)
        if not abbr or not domain:
            index, domains, _, _ = editor.context()
            proposed = propose_term(name, index, domains, max_bytes)
            if proposed is None and (not abbr or not domain):
                fail(
                    f"'{name}'을(를) 표준단어로 나눌 수 없어 약어·도메인을 만들 수 없습니다. "
                    "--abbr 와 --domain 을 지정하세요."
                )
            abbr = abbr or proposed[0]
            domain = domain or proposed[1]
        term = Term(name=name, abbr=abbr, domain=domain, description=description)
        findings = editor.check("term", term)
        proposal_id = editor.propose(term, origin)
    if as_json:
        emit_json(
            {"id": proposal_id, "term": asdict(term), "findings": [asdict(f) for f in findings]}
        )
        return
    click.echo(f"제안 {proposal_id}: {name} ({abbr}, {domain}) — 검토를 기다립니다.")
    for line in _findings_text(findings):
        click.echo(line)


@standards.command("review")
@click.option("--approve", "approve_id", type=int, help="승인할 제안 번호.")
@click.option("--reject", "reject_id", type=int, help="반려할 제안 번호.")
@click.option("--reason", default="", help="반려 사유.")
@click.option("--force", is_flag=True, help="규칙 오류가 있어도 승인합니다.")
@click.option("--all", "show_all", is_flag=True, help="처리한 제안도 보여 줍니다.")
@click.option("--user", "who", help="검토자 (기본: 로그인 이름).")
@click.option("--json", "as_json", is_flag=True, help="결과를 JSON으로 출력합니다.")
@click.pass_context
def review(ctx, approve_id, reject_id, reason, force, show_all, who, as_json: bool) -> None:
    """검토 대기 중인 용어 제안을 보거나 승인·반려합니다."""
    with _Session(ctx) as s:
        editor = s.editor(who)
        if approve_id is not None:
            result = editor.approve(approve_id, force=force)
            click.echo(f"승인했습니다: 제안 {approve_id} → 기관표준 용어")
            for line in _findings_text(result.findings):
                click.echo(line)
            return
        if reject_id is not None:
            editor.reject(reject_id, reason)
            click.echo(f"반려했습니다: 제안 {reject_id} ({reason})")
            return
        rows = editor.proposals(None if show_all else "pending")
    if as_json:
        emit_json(rows)
        return
    if not rows:
        click.echo("검토할 제안이 없습니다.")
    for p in rows:
        click.echo(
            f"{p['id']:>4} {p['status']:<8} {p['name']} ({p['abbr']}, {p['domain']}) "
            f"— {p['proposed_by']} {p['proposed_at']} {p['origin'] or ''}"
        )
        for f in p["findings"]:
            click.echo(f"      [{f['severity']} {f['code']}] {f['message']}")


@standards.command("add-word")
@click.argument("name")
@click.option("--abbr", default="", help="영문약어명 (없으면 영문명에서 만듭니다).")
@click.option("--english", default="", help="영문명.")
@click.option("--description", default="")
@click.option(
    "--class-word", "domain_class", default="", help="형식단어(분류어)이면 그 도메인분류명."
)
@click.option("--force", is_flag=True, help="규칙 오류가 있어도 저장합니다.")
@click.option("--user", "who")
@click.pass_context
def add_word(ctx, name, abbr, english, description, domain_class, force, who) -> None:
    """기관표준 단어를 추가합니다."""
    from catalog_app.dictionary.rules import propose_abbreviation

    with _Session(ctx) as s:
        editor = s.editor(who)
        if not abbr:
            _, _, _, words = editor.context()
            abbr = propose_abbreviation(english or name, {w.abbr for w in words})
        word = Word(
            name=name,
            abbr=abbr,
            english=english,
            description=description,
            is_class_word=bool(domain_class),
            domain_class=domain_class,
        )
        result = editor.add("word", word, force=force)
    click.echo(f"추가했습니다: 단어 {name} ({abbr}) [변경 {result.change_id}]")
    for line in _findings_text(result.findings):
        click.echo(line)


@standards.command("add-term")
@click.argument("name")
@click.option("--abbr", default="")
@click.option("--domain", default="")
@click.option("--description", default="")
@click.option("--force", is_flag=True, help="규칙 오류가 있어도 저장합니다.")
@click.option("--user", "who")
@click.pass_context
def add_term(ctx, name, abbr, domain, description, force, who) -> None:
    """기관표준 용어를 추가합니다 (약어·도메인은 없으면 단어에서 만듭니다)."""
    from catalog_app.dictionary.rules import propose_term

    with _Session(ctx) as s:
        editor = s.editor(who)
        if not abbr or not domain:
            index, domains, _, _ = editor.context()
            proposed = propose_term(name, index, domains)
            if proposed is None:
                fail(
                    f"'{name}'을(를) 표준단어로 나눌 수 없습니다. --abbr 와 --domain 을 지정하세요."
                )
            abbr, domain = abbr or proposed[0], domain or proposed[1]
        result = editor.add(
            "term", Term(name=name, abbr=abbr, domain=domain, description=description), force=force
        )
    click.echo(f"추가했습니다: 용어 {name} ({abbr}, {domain}) [변경 {result.change_id}]")
    for line in _findings_text(result.findings):
        click.echo(line)


@standards.command("retire")
@click.argument("kind", type=click.Choice(["word", "term", "domain"]))
@click.argument("name")
@click.option("--reason", default="")
@click.option("--user", "who")
@click.pass_context
def retire(ctx, kind, name, reason, who) -> None:
    """기관표준 단어·용어·도메인을 폐기합니다 (행은 남고 폐기로 표시)."""
    with _Session(ctx) as s:
        result = s.editor(who).retire(kind, name, reason)
    click.echo(f"폐기했습니다: {name} [변경 {result.change_id}]")


@standards.command("history")
@click.option("--limit", default=30, show_default=True)
@click.option("--json", "as_json", is_flag=True)
@click.pass_context
def history(ctx, limit: int, as_json: bool) -> None:
    """기관표준 변경 이력: 누가, 언제, 무엇을 (이전·이후)."""
    with _Session(ctx) as s:
        rows = s.editor().history(limit)
    if as_json:
        emit_json(rows)
        return
    for r in rows:
        undone = f" (되돌림 {r['undone_by']})" if r["undone_by"] else ""
        click.echo(
            f"{r['id']:>4} {r['at']} {r['who']:<10} {ACTIONS.get(r['action'], r['action'])} "
            f"{r['kind']} {r['name'] or ''}{undone}"
        )


@standards.command("undo")
@click.argument("change_id", type=int, required=False)
@click.option("--user", "who")
@click.pass_context
def undo(ctx, change_id, who) -> None:
    """변경을 되돌립니다 (기본: 마지막 변경)."""
    with _Session(ctx) as s:
        result = s.editor(who).undo(change_id)
    click.echo(f"되돌렸습니다 [변경 {result.change_id}]")
