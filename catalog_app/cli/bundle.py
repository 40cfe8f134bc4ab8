"""`catalog-app bundle …` (department bundles) and `catalog-app serve` (the intranet page)."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from catalog_app.cli.common import emit_json, open_catalog


@click.group("bundle")
def bundle() -> None:
    """부서 꾸러미: 부서 카탈로그를 한 파일로 내보내고, 기관 카탈로그에 합칩니다."""


@bundle.command("export")
@click.argument("out", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--department", help="이 카탈로그의 부서 이름 (부서 설정에 하나뿐이면 생략).")
@click.option("--user", "who", help="만든 사람 (기본: 로그인 이름).")
@click.option("--force", is_flag=True, help="표준용어 제안이 없는 컬럼이 있어도 만듭니다.")
@click.option("--json", "as_json", is_flag=True, help="결과를 JSON으로 출력합니다.")
@click.pass_context
def export_cmd(ctx, out: Path, department, who, force: bool, as_json: bool) -> None:
    """부서 카탈로그를 꾸러미 파일 OUT 하나로 내보냅니다 (개인정보는 가린 채로)."""
    from catalog_app.bundle.export import export_bundle
    from catalog_app.bundle.format import BundleError

    with open_catalog(ctx) as cat:
        try:
            result = export_bundle(cat, out, department, who=who, force=force)
        except BundleError as exc:
            click.echo(str(exc), err=True)
            sys.exit(1)
    if as_json:
        emit_json(result.as_dict())
        return
    click.echo(
        f"꾸러미를 만들었습니다: {result.path}\n  부서 {result.department}, 데이터셋 "
        f"{result.datasets}개, 컬럼 {result.columns}개, 표준사전 {result.edition}"
    )
    if result.masked_values:
        click.echo(f"  개인정보로 보이는 값 {result.masked_values}개를 더 가렸습니다.")
    click.echo(f"  내용 해시 {result.sha256}")


@bundle.command("merge")
@click.argument("files", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--user", "who", help="합친 사람 (기본: 로그인 이름).")
@click.option("--json", "as_json", is_flag=True, help="결과를 JSON으로 출력합니다.")
@click.option("--quiet", "-q", is_flag=True, help="진행 표시를 끕니다.")
@click.pass_context
def merge_cmd(ctx, files: tuple[Path, ...], who, as_json: bool, quiet: bool) -> None:
    """부서 꾸러미 FILE… 을 이 (기관) 카탈로그에 합칩니다. 종료 코드 1: 합치지 못한 꾸러미."""
    from catalog_app.bundle.merge import merge_bundles
    from catalog_app.cli.progress import ProgressPrinter

    with open_catalog(ctx) as cat:
        report = merge_bundles(
            cat, list(files), who=who, progress=ProgressPrinter(enabled=not quiet)
        )
    if as_json:
        emit_json(report.as_dict())
    else:
        for o in report.outcomes:
            name = Path(o.bundle).name
            if o.status == "merged":
                click.echo(
                    f"[합침] {name}: {o.department} 데이터셋 {o.datasets}개, 컬럼 {o.columns}개"
                    + (f" (없어진 데이터셋 {o.removed}개 뺌)" if o.removed else "")
                )
            elif o.status == "skipped":
                click.echo(f"[건너뜀] {name}: {o.message}")
            elif o.status == "conflict":
                click.echo(f"[충돌] {name}: {o.message}")
            else:
                click.echo(f"[실패] {name}: {o.message}")
            for c in o.conflicts:
                mark = "충돌" if c["blocking"] else "확인"
                click.echo(f"    ({mark}) {c['message']}")
    sys.exit(0 if report.ok else 1)


@bundle.command("list")
@click.option("--json", "as_json", is_flag=True, help="결과를 JSON으로 출력합니다.")
@click.pass_context
def list_cmd(ctx, as_json: bool) -> None:
    """부서마다 지금 합쳐져 있는 꾸러미 (누가, 언제 만들었는지)."""
    from catalog_app.bundle.merge import merged_bundles

    with open_catalog(ctx) as cat:
        rows = merged_bundles(cat)
    if as_json:
        emit_json(rows)
        return
    if not rows:
        click.echo("합친 꾸러미가 없습니다.")
    for r in rows:
        click.echo(
            f"{r['department']:<12} 데이터셋 {r['datasets']:>5}  만든 이 {r['created_by']} "
            f"{r['created_at'][:19]}  합친 때 {r['merged_at'][:19]}  {r['bundle']}"
        )


@bundle.command("remove")
@click.argument("department")
@click.option("--json", "as_json", is_flag=True, help="결과를 JSON으로 출력합니다.")
@click.pass_context
def remove_cmd(ctx, department: str, as_json: bool) -> None:
    """DEPARTMENT 꾸러미로 합친 데이터셋을 기관 카탈로그에서 뺍니다 (부서 이름이 바뀌었을 때 등)."""
    from catalog_app.bundle.merge import remove_department

    with open_catalog(ctx) as cat:
        removed = remove_department(cat, department)
    if as_json:
        emit_json({"department": department, "removed": removed})
        return
    if not removed:
        click.echo(f"{department} 꾸러미로 합친 데이터셋이 없습니다.")
        return
    click.echo(f"{department}의 데이터셋 {removed}개를 뺐습니다.")


@bundle.command("conflicts")
@click.option("--all", "show_all", is_flag=True, help="해결된 충돌도 보여 줍니다.")
@click.option("--json", "as_json", is_flag=True, help="결과를 JSON으로 출력합니다.")
@click.pass_context
def conflicts_cmd(ctx, show_all: bool, as_json: bool) -> None:
    """합치기 검토 대기열: 꾸러미를 합치며 찾은 충돌."""
    from catalog_app.bundle.conflicts import open_conflicts

    with open_catalog(ctx) as cat:
        rows = open_conflicts(cat.conn, include_resolved=show_all)
    if as_json:
        emit_json(rows)
        return
    if not rows:
        click.echo("검토할 충돌이 없습니다.")
    for r in rows:
        state = "열림" if r["status"] == "open" else "해결"
        click.echo(f"{r['id']:>4} [{state}] {r['department']} {r['kind_name']}: {r['message']}")


@click.command("serve")
@click.option("--host", default="127.0.0.1", show_default=True, help="받을 주소.")
@click.option("--port", default=8001, show_default=True, type=click.IntRange(0, 65535))
@click.option(
    "--password",
    "ask_password",
    is_flag=True,
    help="접속 비밀번호를 묻습니다 (환경 변수 CATALOG_APP_SERVE_PASSWORD 로도 줄 수 있음).",
)
@click.option("--user", "username", default="staff", show_default=True, help="접속 사용자 이름.")
@click.option(
    "--out",
    type=click.Path(dir_okay=False, path_type=Path),
    help="공개용 읽기 전용 DB를 만들 곳 (기본: 카탈로그 옆 *.serve.db).",
)
@click.option("--build-only", is_flag=True, help="공개용 DB만 만들고 서버는 띄우지 않습니다.")
@click.pass_context
def serve_cmd(
    ctx, host: str, port: int, ask_password: bool, username: str, out, build_only
) -> None:
    """기관 카탈로그를 읽기 전용 인트라넷 페이지(Datasette)로 엽니다. 기본은 이 PC(127.0.0.1)만."""
    import os

    from catalog_app.serve.server import ServeError, serve

    password = os.environ.get("CATALOG_APP_SERVE_PASSWORD") or None
    if ask_password and not password:
        password = click.prompt("접속 비밀번호", hide_input=True, confirmation_prompt=True)
    try:
        serve(
            ctx.obj["catalog"],
            host=host,
            port=port,
            password=password,
            username=username,
            out=out,
            build_only=build_only,
            echo=lambda m: click.echo(m, err=True),
        )
    except ServeError as exc:
        click.echo(str(exc), err=True)
        sys.exit(exc.exit_code)
